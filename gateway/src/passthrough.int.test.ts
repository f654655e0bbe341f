import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@portal-graph/http-kit";
import { loadGatewayConfig } from "./config.js";
import { createGateway, type Gateway } from "./server.js";
import { composeSupergraph, thingsSubgraph } from "./testing/subgraphs.js";

/** A subgraph origin whose downloads are slow in different ways; it records when a request's connection closes. */
function slowUpstream() {
  const received: string[] = [];
  const closed: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const route = new URL(req.url ?? "/", "http://localhost").pathname;
    received.push(route);
    res.once("close", () => closed.push(route));
    if (route === "/export/silent.csv") return; // accepts the request, never answers
    res.writeHead(200, { "content-type": "text/csv; charset=utf-8" });
    res.write("id,name\n");
    if (route === "/export/stalls.csv") return; // one chunk, then nothing
    // /export/trickle.csv: a row every 50 ms for as long as someone listens.
    const timer = setInterval(() => res.write("t,thing\n"), 50);
    timers.add(timer);
    res.once("close", () => clearInterval(timer));
  });
  return { server, received, closed, stop: () => timers.forEach(clearInterval) };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
}

/** Opens a download, waits until `started` says it is under way, then leaves. */
async function openAndLeave(url: string, started: () => boolean): Promise<void> {
  const client = httpRequest(url);
  client.on("error", () => undefined);
  client.on("response", (res) => res.resume());
  client.end();
  await until(started);
  client.destroy();
}

let dir: string;
let upstream: ReturnType<typeof slowUpstream>;
const gateways: Gateway[] = [];

/** A gateway in front of the slow upstream with the given SUBGRAPH_TIMEOUT_MS; resolves with its base URL. */
async function gatewayWithTimeout(timeoutMs: number): Promise<string> {
  const url = `http://127.0.0.1:${(upstream.server.address() as AddressInfo).port}/graphql`;
  const supergraphPath = path.join(dir, `supergraph-${timeoutMs}.graphql`);
  writeFileSync(supergraphPath, composeSupergraph([{ fixture: thingsSubgraph(), url }]));
  const config = loadGatewayConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    SUPERGRAPH_PATH: supergraphPath,
    SUBGRAPH_TIMEOUT_MS: String(timeoutMs),
    PASSTHROUGH_ROUTES: "/export/silent.csv=things,/export/stalls.csv=things,/export/trickle.csv=things",
  });
  const gateway = createGateway(config, { logger: createLogger("gateway", { level: "silent" }) });
  gateways.push(gateway);
  return `http://127.0.0.1:${await gateway.start()}`;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "gateway-passthrough-"));
  upstream = slowUpstream();
  await new Promise<void>((resolve) => upstream.server.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.stop()));
  upstream?.stop();
  upstream?.server.closeAllConnections();
  upstream?.server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("passthrough routes in front of a subgraph that goes quiet (SUBGRAPH_TIMEOUT_MS=300)", () => {
  let base: string;
  beforeAll(async () => {
    base = await gatewayWithTimeout(300);
  });

  // Without the time limit this request hangs until the test times out.
  it("answers 504 SUBGRAPH_UNAVAILABLE when the subgraph does not answer, and hangs up on it", async () => {
    const response = await fetch(`${base}/export/silent.csv`);
    expect(response.status).toBe(504);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]).toEqual({
      message: 'Subgraph "things" is unavailable; try again shortly',
      extensions: { code: "SUBGRAPH_UNAVAILABLE" },
    });
    await until(() => upstream.closed.includes("/export/silent.csv"));
    expect(upstream.closed).toContain("/export/silent.csv");
  });

  it("cuts a download off when the subgraph stops sending mid-way, so it never looks complete", async () => {
    const response = await fetch(`${base}/export/stalls.csv`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    await until(() => upstream.closed.includes("/export/stalls.csv"));
    expect(upstream.closed).toContain("/export/stalls.csv");
  });
});

// The limit is far longer than the test waits, so only the client leaving can end the subgraph's call.
describe("passthrough routes whose client goes away (SUBGRAPH_TIMEOUT_MS=60000)", () => {
  let base: string;
  beforeAll(async () => {
    base = await gatewayWithTimeout(60_000);
    upstream.received.length = 0;
    upstream.closed.length = 0;
  });

  it("aborts the subgraph call while still waiting for its answer", async () => {
    await openAndLeave(`${base}/export/silent.csv`, () => upstream.received.includes("/export/silent.csv"));
    await until(() => upstream.closed.includes("/export/silent.csv"));
    expect(upstream.closed).toContain("/export/silent.csv");
  });

  it("aborts the subgraph call mid-download", async () => {
    let rows = 0;
    const trickle = upstream.received.length;
    await openAndLeave(`${base}/export/trickle.csv`, () => upstream.received.length > trickle && ++rows > 4);
    await until(() => upstream.closed.includes("/export/trickle.csv"));
    expect(upstream.closed).toContain("/export/trickle.csv");
  });
});
