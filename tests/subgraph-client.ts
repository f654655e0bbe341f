/** Direct calls to one subgraph of a running stack, with the test harness's own caller proof (or a flawed one). */
import {
  CALLER_ASSERTION_HEADER,
  signCallerAssertion,
  type CallerRole,
  type CallerSigningKey,
  type SignOverrides,
} from "@portal-graph/auth";
import type { Stack } from "../scripts/lib/stack.js";

/** A call straight to a subgraph; by default a GraphQL POST to /graphql as the `test` caller. */
export interface DirectCall {
  query?: string;
  variables?: Record<string, unknown>;
  /** Another route (GET), such as /metrics. */
  path?: string;
  /** A user's token, sent as a bearer token. */
  token?: string;
  /** Whose key signs the proof; "none" sends no proof at all. */
  as?: CallerRole | "none";
  /** A flaw in the proof: another audience, another body than the one sent, times, a chosen jti. */
  flaw?: SignOverrides & { audience?: string; signedBody?: string; requestId?: string };
  /** Send exactly this assertion (a replay). */
  assertion?: string;
  requestId?: string;
  /** More request headers (an Accept). */
  headers?: Record<string, string>;
}

/** What a subgraph answered (`body` parsed when it is JSON), and the assertion that went with the call. */
export interface DirectAnswer<T> {
  status: number;
  contentType: string;
  text: string;
  body: {
    data?: T | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  } & Record<string, unknown>;
  assertion?: string;
}

/** The signing key of a caller role of the stack's development keys. */
export function callerKey(stack: Stack, role: CallerRole): CallerSigningKey {
  if (!stack.callerKeys) throw new Error("the stack was started without callerKeysDir: it has no caller keys");
  return stack.callerKeys.signingKey(role);
}

/** Calls subgraph `name` of the stack directly. */
export async function callSubgraph<T = Record<string, unknown>>(
  stack: Stack,
  name: string,
  call: DirectCall,
): Promise<DirectAnswer<T>> {
  const subgraph = stack.subgraphs.get(name);
  if (!subgraph) throw new Error(`no subgraph ${name} in the stack`);
  const target = call.path ?? "/graphql";
  const method = call.path ? "GET" : "POST";
  const body = method === "POST" ? JSON.stringify({ query: call.query, variables: call.variables }) : "";
  const requestId = call.requestId ?? `direct-${Math.random().toString(36).slice(2)}`;
  const headers: Record<string, string> = { ...call.headers, "x-request-id": requestId };
  if (method === "POST") headers["content-type"] = "application/json";
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  let assertion = call.assertion;
  if (!assertion && call.as !== "none") {
    const { audience, signedBody, requestId: signedRequestId, ...overrides } = call.flaw ?? {};
    assertion = await signCallerAssertion(
      callerKey(stack, call.as ?? "test"),
      { audience: audience ?? name, method, target, body: signedBody ?? body, requestId: signedRequestId ?? requestId },
      overrides,
    );
  }
  if (assertion) headers[CALLER_ASSERTION_HEADER] = assertion;
  const response = await fetch(`${subgraph.url}${target}`, { method, headers, body: body || undefined });
  const contentType = response.headers.get("content-type") ?? "";
  const text = await response.text();
  const answer = (contentType.includes("json") ? JSON.parse(text) : {}) as DirectAnswer<T>["body"];
  return { status: response.status, contentType, text, body: answer, assertion };
}

/** A subgraph's request and SQL totals since it started (its /metrics, which needs a caller proof). */
export async function subgraphMetrics(
  stack: Stack,
  name: string,
): Promise<{ requests: number; sqlStatements: number }> {
  const { status, body } = await callSubgraph(stack, name, { path: "/metrics" });
  if (status !== 200) throw new Error(`${name} /metrics answered ${status}: ${JSON.stringify(body)}`);
  return body as unknown as { requests: number; sqlStatements: number };
}

/**
 * fetch, plus the test caller's proof when the URL is one of the stack's subgraphs (the gateway's URLs go as they
 * are): for tests written against any endpoint. The body must be a string; a given x-request-id is kept.
 */
export async function provedFetch(stack: Stack, url: string, init: RequestInit = {}): Promise<Response> {
  const target = new URL(url);
  const subgraph = [...stack.subgraphs.values()].find((candidate) => new URL(candidate.url).origin === target.origin);
  if (!subgraph) return fetch(url, init);
  const headers = new Headers(init.headers);
  const requestId = headers.get("x-request-id") ?? `direct-${Math.random().toString(36).slice(2)}`;
  headers.set("x-request-id", requestId);
  const assertion = await signCallerAssertion(callerKey(stack, "test"), {
    audience: subgraph.name,
    method: init.method ?? "GET",
    target: `${target.pathname}${target.search}`,
    body: typeof init.body === "string" ? init.body : "",
    requestId,
  });
  headers.set(CALLER_ASSERTION_HEADER, assertion);
  return fetch(url, { ...init, headers });
}
