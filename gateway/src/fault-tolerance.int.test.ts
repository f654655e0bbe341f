import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { createLogger } from "@portal-graph/http-kit";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { loadGatewayConfig } from "./config.js";
import { createGateway, type Gateway, type SubgraphHealthReport } from "./server.js";
import { composeSupergraph } from "./testing/subgraphs.js";

const FIXTURE = {
  name: "things",
  typeDefs: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Query { things: [Thing!] }
    type Mutation { rename(id: ID!, name: String!): Thing }
    type Thing @key(fields: "id") { id: ID!  name: String }`,
  resolvers: {},
};
const QUERY = "{ things { id name } }";
const MUTATION = 'mutation { rename(id: "t1", name: "Anvil") { id } }';

type Mode = "answer" | "reset-first" | "reset" | "hang" | "coded-503" | "proxy-503";

/** A stand-in subgraph whose behaviour each test sets: answers, drops connections, or never answers. */
function faultySubgraph() {
  const state = {
    mode: "answer" as Mode,
    graphqlRequests: 0,
    healthRequests: 0,
    closedUnanswered: 0,
    headers: [] as IncomingMessage["headers"][],
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url === "/health") {
      state.healthRequests += 1;
      if (state.mode === "hang") return;
      res.end('{"status":"ok"}');
      return;
    }
    state.graphqlRequests += 1;
    state.headers.push(req.headers);
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      if (state.mode === "reset" || (state.mode === "reset-first" && state.graphqlRequests === 1)) {
        req.socket.destroy();
        return;
      }
      if (state.mode === "hang") {
        res.on("close", () => (state.closedUnanswered += 1));
        return;
      }
      if (state.mode === "coded-503") {
        // The subgraph itself refusing, as it does when the identity provider cannot be reached.
        res.writeHead(503, { "content-type": "application/json", "retry-after": "5" });
        res.end(JSON.stringify({ errors: [{ message: "Keys unreachable", extensions: { code: "IDP_DOWN" } }] }));
        return;
      }
      if (state.mode === "proxy-503") {
        res.writeHead(503, { "content-type": "text/html" });
        res.end("<html>Service Unavailable</html>");
        return;
      }
      const data = body.includes("rename") ? { rename: { id: "t1" } } : { things: [{ id: "t1", name: "Anvil" }] };
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ data }));
    });
  });
  return { server, state };
}

describe("fail fast, recover by itself", () => {
  let dir: string;
  let subgraph: ReturnType<typeof faultySubgraph>;
  let fast: Gateway;
  let patient: Gateway;
  let fastBase: string;
  let patientBase: string;

  const post = (base: string, query: string, signal?: AbortSignal) =>
    fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
      signal,
    }).then(async (response) => ({
      status: response.status,
      body: (await response.json()) as {
        data?: Record<string, unknown> | null;
        errors?: { path?: unknown[]; extensions?: Record<string, unknown> }[];
      },
    }));
  const health = async (base: string) =>
    (await (await fetch(`${base}/health/subgraphs`)).json()) as SubgraphHealthReport;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "gateway-faults-"));
    subgraph = faultySubgraph();
    await new Promise<void>((resolve) => subgraph.server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(subgraph.server.address() as AddressInfo).port}/graphql`;
    const supergraphPath = path.join(dir, "supergraph.graphql");
    writeFileSync(supergraphPath, composeSupergraph([{ fixture: FIXTURE, url }]));
    const logger = createLogger("gateway", { level: "silent" });
    const env = {
      PORT: "0",
      HOST: "127.0.0.1",
      SUPERGRAPH_PATH: supergraphPath,
      DEDUPLICATE_SUBGRAPH_QUERIES: "false",
    };
    fast = createGateway(
      loadGatewayConfig({
        ...env,
        SUBGRAPH_TIMEOUT_MS: "60000",
        SUBGRAPH_THINGS_TIMEOUT_MS: "400",
        SUBGRAPH_BREAKER_FAILURES: "3",
        SUBGRAPH_BREAKER_RESET_MS: "100",
      }),
      { logger },
    );
    patient = createGateway(loadGatewayConfig({ ...env, SUBGRAPH_TIMEOUT_MS: "60000" }), { logger });
    fastBase = `http://127.0.0.1:${await fast.start()}`;
    patientBase = `http://127.0.0.1:${await patient.start()}`;
  });
  afterAll(async () => {
    await fast?.stop();
    await patient?.stop();
    subgraph?.server.closeAllConnections();
    subgraph?.server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    subgraph.state.mode = "answer";
    subgraph.state.graphqlRequests = 0;
    subgraph.state.headers = [];
  });

  it("tells the subgraph how long it will wait, from the subgraph's own timeout", async () => {
    await post(fastBase, QUERY);
    await post(patientBase, QUERY);
    expect(subgraph.state.headers.map((headers) => headers["x-request-timeout-ms"])).toEqual(["400", "60000"]);
  });

  it("retries a query once when its connection is dropped, and the client never sees it", async () => {
    subgraph.state.mode = "reset-first";
    const { body } = await post(patientBase, QUERY);
    expect(body).toEqual({ data: { things: [{ id: "t1", name: "Anvil" }] } });
    expect(subgraph.state.graphqlRequests).toBe(2);
  });

  it("never retries a mutation", async () => {
    subgraph.state.mode = "reset";
    const { body } = await post(patientBase, MUTATION);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "SUBGRAPH_UNAVAILABLE", reason: "CONNECTION" });
    expect(subgraph.state.graphqlRequests).toBe(1);
  });

  it("gives up a fetch when the client goes away, and the subgraph sees the connection close", async () => {
    subgraph.state.mode = "hang";
    const closedBefore = subgraph.state.closedUnanswered;
    const client = new AbortController();
    const pending = post(patientBase, QUERY, client.signal).catch((error: Error) => error.name);
    await vi.waitFor(() => expect(subgraph.state.graphqlRequests).toBe(1), { timeout: 5000, interval: 10 });
    client.abort();
    expect(await pending).toBe("AbortError");
    // The patient gateway waits 60 s for an answer: only the client leaving can have closed this request.
    await vi.waitFor(() => expect(subgraph.state.closedUnanswered).toBe(closedBefore + 1), {
      timeout: 5000,
      interval: 10,
    });
  });

  it("passes a subgraph's own coded 503 through with its code and message, and does not count it against the circuit", async () => {
    subgraph.state.mode = "coded-503";
    for (let i = 0; i < 4; i++) {
      const { body } = await post(fastBase, QUERY);
      expect(body.data).toEqual({ things: null });
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: "Keys unreachable",
          extensions: expect.objectContaining({ code: "IDP_DOWN" }),
        }),
      ]);
    }
    expect((await health(fastBase)).subgraphs.things?.circuit.state).toBe("closed");
  });

  it("answers a 503 without a GraphQL body (a proxy's page) as SUBGRAPH_UNAVAILABLE", async () => {
    subgraph.state.mode = "proxy-503";
    const { body } = await post(patientBase, QUERY);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "SUBGRAPH_UNAVAILABLE", reason: "BAD_RESPONSE" });
  });

  it("opens the circuit after repeated timeouts, answers at once without calling, and closes when it answers", async () => {
    subgraph.state.mode = "hang";
    for (let i = 0; i < 3; i++) {
      const { body } = await post(fastBase, QUERY);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: "SUBGRAPH_UNAVAILABLE", reason: "TIMEOUT" });
    }
    expect((await health(fastBase)).subgraphs.things?.circuit.state).not.toBe("closed");
    const calls = subgraph.state.graphqlRequests;
    const open = await post(fastBase, QUERY);
    expect(open.body).toEqual({
      data: { things: null },
      errors: [
        expect.objectContaining({
          path: ["things"],
          extensions: expect.objectContaining({
            code: "SUBGRAPH_UNAVAILABLE",
            subgraph: "things",
            reason: "CIRCUIT_OPEN",
          }),
        }),
      ],
    });
    expect(subgraph.state.graphqlRequests).toBe(calls);
    // The gateway probes /health by itself; no client request is spent finding out.
    expect(subgraph.state.healthRequests).toBeGreaterThan(0);
    expect((await fetch(`${fastBase}/ready`)).status).toBe(200);
    const circuitGauge = async () =>
      /^gateway_subgraph_circuit_state\{subgraph="things"\} (\d)$/m.exec(
        await (await fetch(`${fastBase}/metrics`)).text(),
      )?.[1];
    expect(["1", "2"]).toContain(await circuitGauge());

    subgraph.state.mode = "answer";
    await vi.waitFor(async () => expect((await health(fastBase)).subgraphs.things?.circuit.state).toBe("closed"), {
      timeout: 5000,
      interval: 50,
    });
    expect((await post(fastBase, QUERY)).body).toEqual({ data: { things: [{ id: "t1", name: "Anvil" }] } });
    expect(await circuitGauge()).toBe("0");
  });
});
