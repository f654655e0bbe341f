import { Readable } from "node:stream";
import type { TokenRejectedError } from "@portal-graph/auth";
import type { RawRoute } from "@portal-graph/http-kit";
import { sendJson } from "@portal-graph/http-kit";
import type { Logger } from "pino";
import type { SubgraphEndpoint } from "./readiness.js";
import { sendTokenRefusal } from "./token-errors.js";

// Response headers worth passing on from a subgraph's download; hop-by-hop and length headers are the server's own.
const FORWARDED_HEADERS = ["content-type", "content-disposition", "cache-control"];

/**
 * A route the gateway forwards, unchanged and streamed, to one subgraph (a CSV export), so clients reach it at the
 * gateway's origin like everything else. The caller's Authorization and the request id go with it; the subgraph
 * decides who may read it.
 */
export function passthroughRoute(
  path: string,
  subgraph: string,
  endpoints: () => SubgraphEndpoint[],
  tokenRefusal: (authorization: string | undefined, requestId: string) => Promise<TokenRejectedError | null>,
  logger: Logger,
): RawRoute {
  return async (req, res, request) => {
    if (req.method !== "GET") return sendJson(res, 405, { errors: [{ message: `${path} answers GET only` }] });
    const refusal = await tokenRefusal(req.headers.authorization, request.requestId);
    if (refusal) return sendTokenRefusal(res, refusal);
    const endpoint = endpoints().find((candidate) => candidate.name === subgraph);
    if (!endpoint) {
      return sendJson(res, 503, { errors: [{ message: `Subgraph "${subgraph}" is not in the supergraph` }] });
    }
    const target = new URL(path, endpoint.url);
    target.search = new URL(req.url ?? "/", "http://localhost").search;
    const headers: Record<string, string> = { "x-request-id": request.requestId };
    if (req.headers.authorization) headers.authorization = req.headers.authorization;
    let response: Response;
    try {
      response = await fetch(target, { headers });
    } catch (error) {
      logger.warn({ subgraph, requestId: request.requestId, reason: (error as Error).message }, "subgraph unavailable");
      return sendJson(res, 502, {
        errors: [
          {
            message: `Subgraph "${subgraph}" is unavailable; try again shortly`,
            extensions: { code: "SUBGRAPH_UNAVAILABLE" },
          },
        ],
      });
    }
    res.statusCode = response.status;
    for (const name of FORWARDED_HEADERS) {
      const value = response.headers.get(name);
      if (value) res.setHeader(name, value);
    }
    if (!response.body) return void res.end();
    await new Promise<void>((resolve, reject) => {
      Readable.fromWeb(response.body as never)
        .on("error", reject)
        .pipe(res)
        .on("finish", resolve)
        .on("error", reject);
    });
  };
}
