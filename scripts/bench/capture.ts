import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { CALLER_ASSERTION_HEADER, signCallerAssertion, type CallerSigningKey } from "@portal-graph/auth";
import type { RecordedFetch, startRecorder } from "./floor.js";
import type { PreparedRequest } from "./load.js";

/** Sends one request and waits for its whole answer. */
export async function send(url: string, request: PreparedRequest, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...request.headers, ...headers },
    body: request.body,
  });
  return response.text();
}

/**
 * The fetches our gateway makes for each distinct request of a run (requests differing only in x-bench-request are
 * one), through a gateway of ours behind the recording proxies, `concurrency` at a time: each request is sent with
 * its own x-request-id, which the gateway passes on to its fetches. That gateway must not share fetches between
 * requests (DEDUPLICATE_SUBGRAPH_QUERIES=false), or a shared fetch would be recorded for one request only.
 */
export async function captureFetches(
  url: string,
  recorder: Awaited<ReturnType<typeof startRecorder>>,
  requests: readonly PreparedRequest[],
  concurrency = 8,
): Promise<{ captures: RecordedFetch[][]; captureOf: number[] }> {
  const distinct = new Map<string, number>();
  const captureOf = requests.map((request) => {
    const key = `${request.headers.authorization ?? ""}\n${request.body}`;
    if (!distinct.has(key)) distinct.set(key, distinct.size);
    return distinct.get(key)!;
  });
  const firstOf = [...distinct.values()].map((capture) => requests[captureOf.indexOf(capture)]!);
  recorder.take();
  let next = 0;
  const worker = async () => {
    while (next < firstOf.length) {
      const k = next++;
      await send(url, firstOf[k]!, { "x-request-id": `bench-capture-${k}` });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const captures: RecordedFetch[][] = firstOf.map(() => []);
  for (const fetched of recorder.take()) {
    const k = Number(/^bench-capture-(\d+)$/.exec(fetched.requestId ?? "")?.[1] ?? NaN);
    if (!Number.isInteger(k)) throw new Error(`a recorded fetch to ${fetched.subgraph} carries no capture request id`);
    captures[k]!.push(fetched);
  }
  return { captures, captureOf };
}

/** Each subgraph's /metrics, read with the test caller's proof. */
export async function subgraphMetrics(urls: Record<string, string>, key: CallerSigningKey) {
  const entries = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      const requestId = `bench-metrics-${Date.now()}`;
      const assertion = await signCallerAssertion(key, {
        audience: name,
        method: "GET",
        target: "/metrics",
        body: "",
        requestId,
      });
      const response = await fetch(`${url}/metrics`, {
        headers: { "x-request-id": requestId, [CALLER_ASSERTION_HEADER]: assertion },
      });
      const body = (await response.json()) as { requests: number; sqlStatements: number };
      return [name, body] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/**
 * Starts one of the benchmark's TypeScript servers (floor-server.ts, monolith-server.ts) as its own Node process and
 * waits for the `{"port":N}` line it prints.
 */
export async function startScriptServer(
  root: string,
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=source", file, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${file} exited with code ${code} before listening`)));
    lines.on("line", (line) => {
      const found = /^\{"port":(\d+)\}$/.exec(line.trim());
      if (found) resolve(Number(found[1]));
    });
  });
  return { url: `http://127.0.0.1:${port}/graphql`, child };
}
