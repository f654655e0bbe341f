import {
  CALLER_ASSERTION_HEADER,
  CallerProofError,
  createCallerVerifier,
  type CallerRole,
  type CallerTrustConfig,
} from "@portal-graph/auth";
import {
  HttpError,
  httpStatusOf,
  type CallToVerify,
  type HttpRequestInfo,
  type RequestErrorCode,
} from "@portal-graph/http-kit";
import type { Logger } from "pino";

/** The code a subgraph answers a call without a valid gateway proof with (HTTP 401). */
export const GATEWAY_PROOF_REQUIRED = "GATEWAY_PROOF_REQUIRED" satisfies RequestErrorCode;

/** Paths that answer without a proof: load balancers and the gateway's circuit probes call them bare. */
export const OPEN_PATHS = ["/health", "/ready"];

/**
 * http-kit's verifyCaller for a subgraph: the caller's assertion must be signed by a trusted key, addressed to this
 * subgraph, fresh, unused, and cover this exact request (method, path, request id, body). Anything else is 401
 * GATEWAY_PROOF_REQUIRED with `extensions.reason`, before the body is parsed or the token looked at.
 */
export function createCallerCheck(subgraph: string, trust: CallerTrustConfig, logger: Logger) {
  const verifier = createCallerVerifier({
    audience: subgraph,
    trusted: trust.trusted,
    clockSkewSeconds: trust.clockSkewSeconds,
  });
  if (trust.trusted.length === 0) {
    logger.warn("TRUSTED_CALLER_KEYS is not set: every call but /health and /ready is refused");
  }
  return async (request: HttpRequestInfo, call: CallToVerify): Promise<CallerRole> => {
    const rawRequestId = request.headers["x-request-id"];
    try {
      const caller = await verifier.verify(request.headers[CALLER_ASSERTION_HEADER], {
        audience: subgraph,
        method: call.method,
        target: call.target,
        body: call.body,
        requestId: Array.isArray(rawRequestId) ? rawRequestId[0] : (rawRequestId ?? ""),
      });
      return caller.role;
    } catch (error) {
      if (!(error instanceof CallerProofError)) throw error;
      // The path only: a GET query string may carry variables.
      const path = call.target.split("?")[0];
      logger.warn({ requestId: request.requestId, reason: error.reason, path }, "caller refused");
      throw new HttpError(httpStatusOf(GATEWAY_PROOF_REQUIRED), GATEWAY_PROOF_REQUIRED, error.message, {
        reason: error.reason,
      });
    }
  };
}
