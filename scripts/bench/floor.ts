import http, { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { CALLER_ASSERTION_HEADER, signCallerAssertion, type CallerSigningKey } from "@portal-graph/auth";
import type { FloorNode, PlannedFetch } from "./plan.js";

/** One fetch a gateway made to a subgraph, as it went over the wire, with the gateway's request id. */
export interface RecordedFetch {
  subgraph: string;
  url: string;
  body: string;
  authorization?: string;
  requestId?: string;
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
      const requestId = req.headers["x-request-id"] as string | undefined;
      if (req.url?.startsWith("/graphql")) recorded.push({ subgraph, url: target, body, authorization, requestId });
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

/** Sends one planned fetch to a subgraph and gives its response body. */
export type SendFetch = (subgraph: string, fetch: PlannedFetch) => Promise<string>;

/** A merged answer: the data of every fetch put together, and the errors the subgraphs reported. */
export interface MergedAnswer {
  data: Record<string, unknown>;
  errors: unknown[];
}

/**
 * Runs a plan's fetches for one request: the steps of a Sequence one after another, those of a Parallel at once, a
 * step our gateway skipped for this request (no entities) skipped too. Root fetches merge into the answer's data,
 * entity fetches into the objects at their path, in order, as a gateway does.
 */
export async function executePlan(
  plan: FloorNode,
  fetches: ReadonlyMap<number, PlannedFetch>,
  send: SendFetch,
): Promise<MergedAnswer> {
  const answer: MergedAnswer = { data: {}, errors: [] };
  const run = async (node: FloorNode): Promise<void> => {
    if (node.kind !== "Fetch") {
      if (node.kind === "Parallel") await Promise.all(node.nodes.map(run));
      else for (const child of node.nodes) await run(child);
      return;
    }
    const planned = fetches.get(node.id);
    if (!planned) return;
    const result = JSON.parse(await send(node.subgraph, planned)) as {
      data?: Record<string, unknown> | null;
      errors?: unknown[];
    };
    if (result.errors) answer.errors.push(...result.errors);
    if (!result.data) return;
    if (node.path === null) {
      deepMerge(answer.data, result.data);
      return;
    }
    const types = planned.entityTypes ?? [];
    const entities = objectsAt(answer.data, node.path).filter((entity) => types.includes(String(entity.__typename)));
    const received = result.data._entities;
    if (!Array.isArray(received) || received.length !== entities.length) {
      throw new Error(
        `${node.subgraph} answered ${Array.isArray(received) ? received.length : "no"} entities for ${entities.length} asked`,
      );
    }
    received.forEach((entity, i) => {
      if (entity && typeof entity === "object") deepMerge(entities[i]!, entity as Record<string, unknown>);
    });
  };
  await run(plan);
  return answer;
}

/** The objects at a response path; `@` stands for every item of a list. */
function objectsAt(value: unknown, path: readonly (string | number)[]): Record<string, unknown>[] {
  if (value === null || typeof value !== "object") return [];
  if (Array.isArray(value)) return value.flatMap((item) => objectsAt(item, path));
  if (path.length === 0) return [value as Record<string, unknown>];
  const [step, ...rest] = path;
  if (step === "@") return objectsAt(value, rest);
  return objectsAt((value as Record<string, unknown>)[String(step)], rest);
}

/** Merges source into target in place: objects field by field, lists item by item, anything else replaced. */
function deepMerge(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (Array.isArray(existing) && Array.isArray(value)) {
      value.forEach((item, i) => {
        if (isObject(existing[i]) && isObject(item)) deepMerge(existing[i], item);
        else existing[i] = item;
      });
    } else if (isObject(existing) && isObject(value)) {
      deepMerge(existing, value);
    } else {
      target[key] = value;
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// Only queries are shared, as our gateway shares them: a mutation's body starts with "mutation".
const QUERY_BODY = /^\{"query":"\s*(query\b|\{)/;

/**
 * Sends planned fetches as any gateway must: each with a fresh proof signed by the gateway's key, bound to a fresh
 * request id, and the caller's Authorization passed on. An identical query already in flight (same subgraph, same
 * Authorization, same body) is shared rather than sent again, as our gateway and Hive Gateway share them.
 */
export function floorSender(urls: Record<string, string>, key: CallerSigningKey): SendFetch {
  const inFlight = new Map<string, Promise<string>>();
  return (subgraph, planned) => {
    const url = urls[subgraph];
    if (!url) return Promise.reject(new Error(`no URL for subgraph ${subgraph}`));
    const shareable = QUERY_BODY.test(planned.body);
    const sharing = `${url}\n${planned.authorization ?? ""}\n${planned.body}`;
    const shared = shareable ? inFlight.get(sharing) : undefined;
    if (shared) return shared;
    const call = (async () => {
      const requestId = randomUUID();
      const assertion = await signCallerAssertion(key, {
        audience: subgraph,
        method: "POST",
        target: new URL(url).pathname,
        body: planned.body,
        requestId,
      });
      const { status, text } = await post(url, planned.body, {
        "content-type": "application/json",
        "x-request-id": requestId,
        [CALLER_ASSERTION_HEADER]: assertion,
        ...(planned.authorization ? { authorization: planned.authorization } : {}),
      });
      if (status !== 200) throw new Error(`${subgraph} answered HTTP ${status}: ${text.slice(0, 200)}`);
      return text;
    })();
    if (shareable) {
      inFlight.set(sharing, call);
      const done = () => inFlight.delete(sharing);
      call.then(done, done);
    }
    return call;
  };
}

// Keep-alive connections reused across requests, as a gateway keeps them (ours: gateway/src/subgraph-transport.ts).
const agent = new http.Agent({ keepAlive: true, scheduling: "lifo" });

/** One POST over node:http, the cheapest HTTP client Node has: its status and body text. */
function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: "POST", agent, headers: { ...headers, "content-length": Buffer.byteLength(body) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** What the floor serves for one operation: its plan, and our gateway's fetches for each distinct request. */
export interface FloorConfig {
  plan: FloorNode;
  /** Per distinct request, its fetches by plan step id. */
  captures: [number, PlannedFetch][][];
  /** For the i-th prepared request (x-bench-request: i), which capture answers it. */
  captureOf: number[];
}

/**
 * The floor as a server: for each request, the fetches our gateway made for that very request (found by its
 * x-bench-request header), run with the plan's order and parallelism, answered as merged JSON. Nothing parses,
 * validates or plans a GraphQL document.
 */
export function createFloorServer(config: FloorConfig, send: SendFetch): Server {
  const captures = config.captures.map((entries) => new Map(entries));
  return createServer((req, res) => {
    const index = Number(req.headers["x-bench-request"] ?? 0);
    const fetches = captures[config.captureOf[index % config.captureOf.length] ?? 0]!;
    req.resume();
    req.on("end", () => {
      executePlan(config.plan, fetches, send).then(
        ({ data, errors }) => {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify(errors.length ? { data, errors } : { data }));
        },
        (error: Error) => {
          res.writeHead(502, { "content-type": "application/json" });
          res.end(JSON.stringify({ errors: [{ message: error.message }] }));
        },
      );
    });
  });
}
