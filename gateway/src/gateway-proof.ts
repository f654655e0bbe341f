import { CALLER_ASSERTION_HEADER, signCallerAssertion, type CallerSigningKey } from "@portal-graph/auth";

/** One call to a subgraph, as the assertion must describe it. */
export interface SubgraphCall {
  subgraph: string;
  method: string;
  url: string | URL;
  body: string;
  requestId?: string;
}

/** Adds the gateway's proof to each subgraph call. */
export interface GatewayProof {
  /** The headers that prove this call comes from the gateway: a fresh assertion each time (empty without a key). */
  headers(call: SubgraphCall): Promise<Record<string, string>>;
}

/**
 * Signs a short-lived assertion per call with the gateway's key: audience the subgraph's name, bound to the method,
 * path, request id and body, with a fresh jti (docs/adr/0003). Without a key (only outside production, for test
 * fixtures that check nothing) calls go without one.
 */
export function createGatewayProof(key: CallerSigningKey | null): GatewayProof {
  return {
    async headers(call): Promise<Record<string, string>> {
      if (!key) return {};
      const url = new URL(call.url);
      const assertion = await signCallerAssertion(key, {
        audience: call.subgraph,
        method: call.method,
        target: `${url.pathname}${url.search}`,
        body: call.body,
        requestId: call.requestId ?? "",
      });
      return { [CALLER_ASSERTION_HEADER]: assertion };
    },
  };
}
