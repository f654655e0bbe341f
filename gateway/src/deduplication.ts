import { timeoutError, type SubgraphAnswer, type SubgraphTransport } from "./subgraph-transport.js";

// Only queries are shared: a mutation's body starts with "mutation" and must run once per caller.
const QUERY_BODY = /^\{"query":"\s*(query\b|\{)/;

/** One shared request: its answer, and the callers still waiting for it (it is aborted when the last one gives up). */
interface Shared {
  answer: Promise<SubgraphAnswer>;
  controller: AbortController;
  waiting: number;
}

/**
 * A transport that sends a subgraph query once while an identical one is in flight: same URL, same Authorization
 * (so never across viewers), same document and variables. Everyone waiting gets the same answer: its text is a
 * string, which each caller parses into objects of its own (the gateway merges into what it parses, so no object is
 * shared). Many people opening the portal home at once cost the subgraphs one fetch, not one each. Each caller's
 * timeout and signal (its client leaving) end only that caller's wait; the shared request itself is aborted when
 * every caller has given up.
 */
export function deduplicatingTransport(base: SubgraphTransport): SubgraphTransport {
  const inFlight = new Map<string, Shared>();
  return async (url, request) => {
    const { body, signal, timeoutMs } = request;
    if (!QUERY_BODY.test(body)) return base(url, request);
    // A caller that has gone starts nothing: a shared request made for it alone would be aborted with no one to catch it.
    if (signal?.aborted) throw signal.reason;
    const key = `${url}\n${request.headers.authorization ?? ""}\n${body}`;
    let shared = inFlight.get(key);
    if (!shared) {
      const controller = new AbortController();
      // The shared request waits as long as its callers do; each caller keeps its own deadline below.
      const answer = base(url, { ...request, timeoutMs: 2 ** 31 - 1, signal: controller.signal }).finally(() =>
        inFlight.delete(key),
      );
      shared = { answer, controller, waiting: 0 };
      inFlight.set(key, shared);
    }
    return waitFor(shared, signal, timeoutMs);
  };
}

function waitFor(shared: Shared, signal: AbortSignal | undefined, timeoutMs: number): Promise<SubgraphAnswer> {
  shared.waiting += 1;
  return new Promise<SubgraphAnswer>((resolve, reject) => {
    let done = false;
    const giveUp = (reason: unknown) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      shared.waiting -= 1;
      if (shared.waiting === 0) shared.controller.abort(reason);
      reject(reason as Error);
    };
    const onAbort = () => giveUp(signal!.reason);
    const timer = setTimeout(() => giveUp(timeoutError(timeoutMs)), timeoutMs);
    signal?.addEventListener("abort", onAbort, { once: true });
    shared.answer.then(
      (answer) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        resolve(answer);
      },
      (error: unknown) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        reject(error as Error);
      },
    );
  });
}
