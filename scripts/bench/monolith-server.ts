/**
 * The monolith as its own process, on the databases the environment names (DATA_DIR or DATABASE_URL, as the
 * subgraphs read them) and the issuer OIDC_* names: listens on a free loopback port and prints `{"port":N}`.
 */
import "reflect-metadata";
import type { AddressInfo } from "node:net";
import { createTokenVerifier, loadAuthConfig } from "@portal-graph/auth";
import { createLogger, listen } from "@portal-graph/http-kit";
import { openDatabase, resolveDatabase, type SubgraphDefinition } from "@portal-graph/subgraph-kit";
import { findRepoRoot, readRegistry } from "@portal-graph/subgraph-kit/workspace";
import { createMonolith, type Domain } from "./monolith.js";

const root = findRepoRoot();
const logger = createLogger("monolith");
const domains: Domain[] = [];
for (const entry of readRegistry(root)) {
  const { subgraph: definition } = (await import(entry.package)) as { subgraph: SubgraphDefinition };
  const dataSource = await openDatabase({
    target: resolveDatabase(entry.name),
    entities: definition.entities,
    migrations: definition.migrations,
    logger,
  });
  domains.push({ definition, schema: await definition.buildSchema(), dataSource });
}
const { server } = await createMonolith({
  root,
  domains,
  verifier: createTokenVerifier(loadAuthConfig()),
  logger,
});
await listen(server, 0, "127.0.0.1");
console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
