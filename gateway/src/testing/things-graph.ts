import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createLogger } from "@portal-graph/http-kit";
import { loadGatewayConfig } from "../config.js";
import { createGateway, type Gateway } from "../server.js";
import { composeSupergraph, startSubgraph, thingsSubgraph } from "./subgraphs.js";

/** The things subgraph on a free port, its supergraph in a temporary folder, and gateways started over it. */
export interface ThingsGraph {
  /** The temporary folder (for a test's own files, such as a manifest). */
  dir: string;
  /** Starts a gateway on a free port with these settings besides the supergraph; resolves with its GraphQL URL. */
  startGateway(env?: Record<string, string>): Promise<string>;
  /** Stops every gateway started, the subgraph, and removes the folder. */
  close(): Promise<void>;
}

export async function startThingsGraph(name: string): Promise<ThingsGraph> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `gateway-${name}-`));
  const things = await startSubgraph(thingsSubgraph());
  const supergraphPath = path.join(dir, "supergraph.graphql");
  writeFileSync(supergraphPath, composeSupergraph([{ fixture: thingsSubgraph(), url: things.url }]));
  const gateways: Gateway[] = [];
  return {
    dir,
    async startGateway(env = {}) {
      const config = loadGatewayConfig({ PORT: "0", HOST: "127.0.0.1", SUPERGRAPH_PATH: supergraphPath, ...env });
      const gateway = createGateway(config, { logger: createLogger("gateway", { level: "silent" }), proofKey: null });
      gateways.push(gateway);
      return `http://127.0.0.1:${await gateway.start()}/graphql`;
    },
    async close() {
      await Promise.all(gateways.map((gateway) => gateway.stop()));
      await things.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
