import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { CALLER_ASSERTION_HEADER, signCallerAssertion, type CallerSigningKey } from "@portal-graph/auth";
import { percentile, round, type LoadResult } from "./load.js";

/** One fetch a gateway made to a subgraph, as it went over the wire. */
export interface RecordedFetch {
  subgraph: string;
  url: string;
  body: string;
  authorization?: string;
}

// What the recorder passes on from the gateway's fetch: the proof is bound to the request id, so both go.
const FORWARDED = ["authorization", "x-request-id", CALLER_ASSERTION_HEADER];

/** Proxies in front of the subgraphs that record every fetch a gateway makes, in order. */
export async function startRecorder(targets: Record<string, string>) {
  let recorded: RecordedFetch[] = [];
  const servers: Server[] = [];
  const urls: Record<string, string> = {};
  for (const [subgraph, target] of Object.entries(targets)) {
    const server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString("utf8");
      const authorization = req.headers.authorization;
      if (req.url?.startsWith("/graphql")) recorded.push({ subgraph, url: target, body, authorization });
      const forwarded = FORWARDED.flatMap((name) => {
        const value = req.headers[name];
        return typeof value === "string" ? [[name, value] as const] : [];
      });
      const response = await fetch(new URL(req.url ?? "/", target), {
        method: req.method,
        headers: { "content-type": "application/json", ...Object.fromEntries(forwarded) },
        body: req.method === "POST" ? body : undefined,
      });
      res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "application/json" });
      res.end(Buffer.from(await response.arrayBuffer()));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    urls[subgraph] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }
  return {
    urls,
    /** The fetches recorded since the last take. */
    take(): RecordedFetch[] {
      const taken = recorded;
      recorded = [];
      return taken;
    },
    close: () => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))),
  };
}

/**
 * The floor: the same subgraph fetches, called directly one after another in plan order, by `connections` callers
 * for `seconds`, each with a fresh proof signed by the gateway's key (as any gateway must send). What any gateway
 * must at least spend on an operation.
 */
export async function runFloor(
  fetches: RecordedFetch[],
  seconds: number,
  connections: number,
  gatewayKey: CallerSigningKey,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + seconds * 1000;
  const worker = async () => {
    while (Date.now() < deadline) {
      const started = performance.now();
      let failed = false;
      for (const fetched of fetches) {
        const requestId = randomUUID();
        const assertion = await signCallerAssertion(gatewayKey, {
          audience: fetched.subgraph,
          method: "POST",
          target: new URL(fetched.url).pathname,
          body: fetched.body,
          requestId,
        });
        const response = await fetch(fetched.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-request-id": requestId,
            [CALLER_ASSERTION_HEADER]: assertion,
            ...(fetched.authorization ? { authorization: fetched.authorization } : {}),
          },
          body: fetched.body,
        });
        const text = await response.text();
        if (response.status !== 200 || text.includes('"errors"')) failed = true;
      }
      latencies.push(performance.now() - started);
      if (failed) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: round(latencies.length / seconds),
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p90: round(percentile(latencies, 90)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies.at(-1) ?? 0),
    },
    requests: latencies.length,
    errors,
  };
}
