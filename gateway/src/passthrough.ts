import type { ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { TokenRejectedError } from "@portal-graph/auth";
import { sendError, type RawRoute } from "@portal-graph/http-kit";
import type { Logger } from "pino";
import type { GatewayProof } from "./gateway-proof.js";
import type { SubgraphEndpoint } from "./readiness.js";
import { sendTokenRefusal } from "./token-errors.js";

// Response headers worth passing on from a subgraph's download; hop-by-hop and length headers are the server's own.
const FORWARDED_HEADERS = ["content-type", "content-disposition", "cache-control"];

/** How a passthrough route reaches its subgraph. */
export interface PassthroughOptions {
  path: string;
  subgraph: string;
  endpoints: () => SubgraphEndpoint[];
  tokenRefusal: (authorization: string | undefined, requestId: string) => Promise<TokenRejectedError | null>;
  /** Longest the subgraph may stay silent: before its response starts (504) and between two chunks (cut off). */
  timeoutMs: number;
  logger: Logger;
  /** Proves the call comes from the gateway (docs/adr/0003); none when absent. */
  proof?: GatewayProof;
}

/**
 * A route the gateway forwards, unchanged and streamed, to one subgraph (a CSV export), so clients reach it at the
 * gateway's origin like everything else. The caller's Authorization, the request id and the gateway's proof go with
 * it; the subgraph decides who may read it. A subgraph silent for longer than the timeout is given up on, and a client that goes away
 * aborts the upstream call, so neither side holds a connection (or a database cursor) for nobody.
 */
export function passthroughRoute(options: PassthroughOptions): RawRoute {
  const { path, subgraph, logger } = options;
  return async (req, res, request) => {
    if (req.method !== "GET") return sendError(res, 405, "METHOD_NOT_ALLOWED", `${path} answers GET only`);
    const refusal = await options.tokenRefusal(req.headers.authorization, request.requestId);
    if (refusal) return sendTokenRefusal(res, refusal);
    const endpoint = options.endpoints().find((candidate) => candidate.name === subgraph);
    if (!endpoint) {
      return sendError(res, 503, "SUBGRAPH_UNAVAILABLE", `Subgraph "${subgraph}" is not in the supergraph`);
    }
    const target = new URL(path, endpoint.url);
    target.search = new URL(req.url ?? "/", "http://localhost").search;
    const headers: Record<string, string> = { "x-request-id": request.requestId };
    if (req.headers.authorization) headers.authorization = req.headers.authorization;
    Object.assign(
      headers,
      await options.proof?.headers({ subgraph, method: "GET", url: target, body: "", requestId: request.requestId }),
    );

    const upstream = new AbortController();
    const silence = silenceTimer(options.timeoutMs, () => upstream.abort(new PassthroughTimeout()));
    const onClientGone = () => {
      if (!res.writableFinished) upstream.abort(new Error("the client went away"));
    };
    res.once("close", onClientGone);
    // A client that left during the token check is gone already: no close event will come.
    if (req.socket.destroyed) onClientGone();
    const log = (reason: string) =>
      logger.warn({ subgraph, requestId: request.requestId, reason }, "passthrough failed");
    try {
      let response: Response;
      try {
        response = await fetch(target, { headers, signal: upstream.signal });
      } catch (error) {
        if (res.destroyed) return;
        const timedOut = upstream.signal.reason instanceof PassthroughTimeout;
        log(timedOut ? `no answer within ${options.timeoutMs} ms` : (error as Error).message);
        return unavailable(res, subgraph, timedOut ? 504 : 502);
      }
      res.statusCode = response.status;
      for (const name of FORWARDED_HEADERS) {
        const value = response.headers.get(name);
        if (value) res.setHeader(name, value);
      }
      if (!response.body) return void res.end();
      const body = Readable.fromWeb(response.body as never);
      body.on("data", silence.reset);
      try {
        await pipeline(body, res);
      } catch (error) {
        // Headers are out: all that is left is to cut the response, so the client sees it incomplete.
        log(upstream.signal.aborted ? String(upstream.signal.reason) : (error as Error).message);
        res.destroy();
      }
    } finally {
      silence.stop();
      res.off("close", onClientGone);
    }
  };
}

class PassthroughTimeout extends Error {
  constructor() {
    super("the subgraph stayed silent too long");
  }
}

/** A timer that fires after `ms` of silence; reset() starts the wait again. */
function silenceTimer(ms: number, fire: () => void): { reset(): void; stop(): void } {
  let timer = setTimeout(fire, ms);
  return {
    reset: () => {
      clearTimeout(timer);
      timer = setTimeout(fire, ms);
    },
    stop: () => clearTimeout(timer),
  };
}

function unavailable(res: ServerResponse, subgraph: string, status: number): void {
  sendError(res, status, "SUBGRAPH_UNAVAILABLE", `Subgraph "${subgraph}" is unavailable; try again shortly`);
}
