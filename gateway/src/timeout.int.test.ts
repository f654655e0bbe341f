import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@portal-graph/http-kit";
import { loadGatewayConfig } from "./config.js";
import { createGateway, type Gateway } from "./server.js";
import { composeSupergraph, thingsSubgraph } from "./testing/subgraphs.js";

describe("a subgraph that never answers", () => {
  let dir: string;
  let silent: Server;
  let gateway: Gateway;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "gateway-timeout-"));
    // Accepts the connection and the request, and never answers.
    silent = createServer((req) => req.resume());
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`;
    const supergraphPath = path.join(dir, "supergraph.graphql");
    writeFileSync(supergraphPath, composeSupergraph([{ fixture: thingsSubgraph(), url }]));
    const config = loadGatewayConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      SUPERGRAPH_PATH: supergraphPath,
      SUBGRAPH_TIMEOUT_MS: "300",
    });
    gateway = createGateway(config, { logger: createLogger("gateway", { level: "silent" }) });
    base = `http://127.0.0.1:${await gateway.start()}`;
  });
  afterAll(async () => {
    await gateway?.stop();
    silent?.closeAllConnections();
    silent?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // Without the limit this request would hang for minutes and the test would time out.
  it("gives the client SUBGRAPH_UNAVAILABLE instead of hanging", { timeout: 15_000 }, async () => {
    const response = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ things { id } }" }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe("SUBGRAPH_UNAVAILABLE");
  });
});
