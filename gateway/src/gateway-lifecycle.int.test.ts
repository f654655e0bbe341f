import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadGatewayConfig } from "./config.js";
import { createGateway } from "./server.js";
import { composeSupergraph, startSubgraph, thingsSubgraph, type RunningSubgraph } from "./testing/subgraphs.js";

describe("gateway start and stop", () => {
  let dir: string;
  let supergraphPath: string;
  let things: RunningSubgraph;
  let release: () => void = () => {};
  let entered: () => void = () => {};
  let slowStarted: Promise<void>;

  const configFor = (env: Record<string, string> = {}) =>
    loadGatewayConfig({ PORT: "0", HOST: "127.0.0.1", SUPERGRAPH_PATH: supergraphPath, ...env });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "gateway-lifecycle-"));
    supergraphPath = path.join(dir, "supergraph.graphql");
    slowStarted = new Promise((resolve) => (entered = resolve));
    const gate = {
      wait: () => {
        entered();
        return new Promise<void>((resolve) => (release = resolve));
      },
    };
    things = await startSubgraph(thingsSubgraph(gate));
    writeFileSync(supergraphPath, composeSupergraph([{ fixture: thingsSubgraph(), url: things.url }]));
  });

  afterAll(async () => {
    release();
    await things?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses to start without a supergraph file, and says how to make one", async () => {
    const missing = path.join(dir, "nowhere", "supergraph.graphql");
    const gateway = createGateway(configFor({ SUPERGRAPH_PATH: missing }));
    await expect(gateway.start()).rejects.toThrow(
      `cannot read the supergraph at ${missing} (ENOENT); run \`npm run schema:compose\` to create it`,
    );
    expect(gateway.server.listening).toBe(false);
    await gateway.stop();
  });

  it("refuses to start on a supergraph that does not load", async () => {
    const broken = path.join(dir, "broken.graphql");
    writeFileSync(broken, "type Query { x: Int }");
    const gateway = createGateway(configFor({ SUPERGRAPH_PATH: broken }));
    await expect(gateway.start()).rejects.toThrow(
      `the supergraph at ${broken} did not load: Invalid supergraph: must be a core schema`,
    );
    expect(gateway.server.listening).toBe(false);
    await gateway.stop();
  });

  it("refuses a port already in use with a clear message", async () => {
    const first = createGateway(configFor());
    const port = await first.start();
    const second = createGateway(configFor({ PORT: String(port) }));
    await expect(second.start()).rejects.toThrow(`port ${port} is already in use`);
    await second.stop();
    await first.stop();
  });

  it("lets an operation in flight finish when stopped, then refuses new connections", async () => {
    const gateway = createGateway(configFor());
    const port = await gateway.start();
    const url = `http://127.0.0.1:${port}/graphql`;
    const inFlight = fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ slow }" }),
    });
    await slowStarted;

    let stopped = false;
    const stopping = gateway.stop().then(() => (stopped = true));
    // The drain waits for the operation: the server stops listening but stop() has not finished.
    await vi.waitFor(() => expect(gateway.server.listening).toBe(false));
    expect(stopped).toBe(false);

    release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { slow: "done" } });
    await stopping;
    expect(stopped).toBe(true);
    await expect(fetch(url, { method: "POST", body: "{}" })).rejects.toThrow();
  });
});
