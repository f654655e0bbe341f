import "reflect-metadata";
import { runSubgraph } from "@portal-graph/subgraph-kit";
import { subgraph } from "./server.js";

await runSubgraph(subgraph);
