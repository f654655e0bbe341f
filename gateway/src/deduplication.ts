/** What a shared subgraph answer keeps, so each waiting caller gets a Response of its own to read. */
interface SharedAnswer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
}

// Only queries are shared: a mutation's body starts with "mutation" and must run once per caller.
const QUERY_BODY = /^\{"query":"\s*(query\b|\{)/;

/** One shared fetch: its answer, and the callers still waiting for it (it is aborted when the last one gives up). */
interface Shared {
  answer: Promise<SharedAnswer>;
  controller: AbortController;
  waiting: number;
}

/**
 * A fetch that sends a subgraph query once while an identical one is in flight: same URL, same Authorization
 * (so never across viewers), same document and variables. Everyone waiting gets the same answer, each as a fresh
 * Response (the gateway merges into what it parses, so no object is shared). Many people opening the portal home at
 * once cost the subgraphs one fetch, not one each. Each caller's signal (its timeout, its client leaving) ends only
 * that caller's wait; the shared fetch itself is aborted when every caller has given up.
 */
export function deduplicatingFetch(base: typeof fetch): typeof fetch {
  const inFlight = new Map<string, Shared>();
  return async (input, init) => {
    const body = typeof init?.body === "string" ? init.body : null;
    if (!body || !QUERY_BODY.test(body)) return base(input, init);
    // A caller that has gone starts nothing: a shared fetch made for it alone would be aborted with no one to catch it.
    if (init?.signal?.aborted) throw init.signal.reason;
    const headers = new Headers(init?.headers);
    const key = `${String(input)}\n${headers.get("authorization") ?? ""}\n${body}`;
    let shared = inFlight.get(key);
    if (!shared) {
      const controller = new AbortController();
      const answer = base(input, { ...init, signal: controller.signal })
        .then(async (response) => ({
          status: response.status,
          statusText: response.statusText,
          headers: [...response.headers],
          body: await response.text(),
        }))
        .finally(() => inFlight.delete(key));
      shared = { answer, controller, waiting: 0 };
      inFlight.set(key, shared);
    }
    const answer = await waitFor(shared, init?.signal ?? undefined);
    return new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
  };
}

function waitFor(shared: Shared, signal: AbortSignal | undefined): Promise<SharedAnswer> {
  // A caller without a signal waits for good, so the shared fetch is never aborted under it.
  shared.waiting += 1;
  if (!signal) return shared.answer;
  return new Promise<SharedAnswer>((resolve, reject) => {
    const onAbort = () => {
      shared.waiting -= 1;
      if (shared.waiting === 0) shared.controller.abort(signal.reason);
      reject(signal.reason as Error);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    shared.answer.then(
      (answer) => {
        signal.removeEventListener("abort", onAbort);
        resolve(answer);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error as Error);
      },
    );
  });
}
