import http, { type IncomingHttpHeaders } from "node:http";
import https from "node:https";
import { context, isSpanContextValid, propagation, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";

/** One POST to a subgraph, as the data source sends it. */
export interface SubgraphRequest {
  headers: Record<string, string>;
  body: string;
  /** Gives up (rejecting with a TimeoutError) when no whole answer came within this time. */
  timeoutMs: number;
  /** The client's signal: when it aborts, the request is given up (rejecting with its reason). */
  signal?: AbortSignal;
}

/** A subgraph's whole answer: status, headers (lower-case names) and body text. Shared answers are never mutated. */
export interface SubgraphAnswer {
  status: number;
  headers: Readonly<IncomingHttpHeaders>;
  text: string;
}

/** Sends one request to a subgraph URL and reads the whole answer. */
export type SubgraphTransport = (url: string, request: SubgraphRequest) => Promise<SubgraphAnswer>;

/** A header of an answer as one string (repeated headers joined), or undefined. */
export function headerOf(answer: SubgraphAnswer, name: string): string | undefined {
  const value = answer.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** The error a request gets when `timeoutMs` passes: the same kind `AbortSignal.timeout` gives. */
export function timeoutError(timeoutMs: number): DOMException {
  return new DOMException(`no answer within ${timeoutMs} ms`, "TimeoutError");
}

const tracer = trace.getTracer("portal-graph-gateway");

/**
 * Subgraph calls over node:http with keep-alive agents (one per protocol, sockets reused across operations). Node's
 * global fetch (undici) costs several times the CPU per call of a plain node:http request (WHATWG streams, Request,
 * Response and Headers objects, composed abort signals) and allocates accordingly; the gateway makes every subgraph
 * call through here. Connection failures reject like fetch's ("fetch failed" with the system error as `cause`), a
 * timeout with a TimeoutError, a client that left with its signal's reason. Inside a traced request it makes the
 * client span and sends `traceparent`, as fetch's instrumentation did.
 */
export function httpTransport(): SubgraphTransport & { close(): void } {
  // An idle socket is closed after a minute, or a second before the subgraph's own Keep-Alive timeout when it
  // announces a shorter one (Node's agent reads the hint only when given a timeout), so a call does not go out on a
  // socket the subgraph is closing. The timeout never ends a request in flight: the deadline below does.
  const options = { keepAlive: true, scheduling: "lifo" as const, timeout: 60_000 };
  const agents = { "http:": new http.Agent(options), "https:": new https.Agent(options) };
  const send: SubgraphTransport = (url, request) => {
    const parent = trace.getSpan(context.active());
    if (!parent || !isSpanContextValid(parent.spanContext())) return post(agents, url, request);
    const target = new URL(url);
    const span = tracer.startSpan("POST", {
      kind: SpanKind.CLIENT,
      attributes: {
        "http.request.method": "POST",
        "url.full": url,
        "server.address": target.hostname,
        "server.port": Number(target.port) || (target.protocol === "https:" ? 443 : 80),
      },
    });
    const headers = { ...request.headers };
    propagation.inject(trace.setSpan(context.active(), span), headers);
    return post(agents, url, { ...request, headers }).then(
      (answer) => {
        span.setAttribute("http.response.status_code", answer.status);
        if (answer.status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
        return answer;
      },
      (error: unknown) => {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
        throw error;
      },
    );
  };
  return Object.assign(send, {
    close() {
      agents["http:"].destroy();
      agents["https:"].destroy();
    },
  });
}

function post(
  agents: { "http:": http.Agent; "https:": https.Agent },
  url: string,
  { headers, body, timeoutMs, signal }: SubgraphRequest,
): Promise<SubgraphAnswer> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const secure = url.startsWith("https:");
    let settled = false;
    const settle = (error: unknown, answer?: SubgraphAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      if (error === undefined) resolve(answer!);
      else reject(error);
    };
    // Gives up: the socket is destroyed (never reused half-read) and the caller gets the reason.
    const giveUp = (reason: unknown) => {
      settle(reason);
      req.destroy();
    };
    const onAbort = () => giveUp(signal!.reason);
    const timer = setTimeout(() => giveUp(timeoutError(timeoutMs)), timeoutMs);
    const req = (secure ? https : http).request(
      url,
      {
        method: "POST",
        agent: secure ? agents["https:"] : agents["http:"],
        headers: { ...headers, "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let length = 0;
        res.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          length += chunk.length;
        });
        res.on("end", () => {
          const text = chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks, length).toString();
          settle(undefined, { status: res.statusCode ?? 0, headers: res.headers, text });
        });
        res.on("aborted", () => settle(connectionError(Object.assign(new Error("aborted"), { code: "ECONNRESET" }))));
        res.on("error", (error) => settle(connectionError(error)));
      },
    );
    req.on("error", (error) => settle(connectionError(error)));
    signal?.addEventListener("abort", onAbort, { once: true });
    req.end(body);
  });
}

/** A connection failure as fetch reports one: the system error (ECONNREFUSED, ECONNRESET...) as the cause. */
function connectionError(cause: Error): Error {
  return new TypeError("fetch failed", { cause });
}
