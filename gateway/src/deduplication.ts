/** What a shared subgraph answer keeps, so each waiting caller gets a Response of its own to read. */
interface SharedAnswer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
}

// Only queries are shared: a mutation's body starts with "mutation" and must run once per caller.
const QUERY_BODY = /^\{"query":"\s*(query\b|\{)/;

/**
 * A fetch that sends a subgraph query once while an identical one is in flight: same URL, same Authorization
 * (so never across viewers), same document and variables. Everyone waiting gets the same answer, each as a fresh
 * Response (the gateway merges into what it parses, so no object is shared). Many people opening the portal home at
 * once cost the subgraphs one fetch, not one each.
 */
export function deduplicatingFetch(base: typeof fetch): typeof fetch {
  const inFlight = new Map<string, Promise<SharedAnswer>>();
  return async (input, init) => {
    const body = typeof init?.body === "string" ? init.body : null;
    if (!body || !QUERY_BODY.test(body)) return base(input, init);
    const headers = new Headers(init?.headers);
    const key = `${String(input)}\n${headers.get("authorization") ?? ""}\n${body}`;
    let shared = inFlight.get(key);
    if (!shared) {
      shared = base(input, init)
        .then(async (response) => ({
          status: response.status,
          statusText: response.statusText,
          headers: [...response.headers],
          body: await response.text(),
        }))
        .finally(() => inFlight.delete(key));
      inFlight.set(key, shared);
    }
    const answer = await shared;
    return new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
  };
}

/** A fetch that gives up after `ms` (an unanswered subgraph becomes SUBGRAPH_UNAVAILABLE, not a hung request). */
export function timeLimitedFetch(base: typeof fetch, ms: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(ms);
    return base(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
  };
}
