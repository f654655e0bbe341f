import autocannon from "autocannon";
import { answerSampler, type AnswerShape } from "./answers.js";

/** One request of an operation: its headers and JSON body (varied per request by the operation). */
export interface PreparedRequest {
  headers: Record<string, string>;
  body: string;
}

/** What a load run measured. */
export interface LoadResult {
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  requests: number;
  /** Non-2xx responses, transport errors, 200s whose body carries GraphQL errors, and sampled wrong answers. */
  errors: number;
  /** Responses whose answer was checked against the operation's expected shape, and how many of them were wrong. */
  answers: { checked: number; wrong: number; firstWrong: string | null };
  /** What `errors` is made of (one run's; not kept in the medians of rounds). */
  errorKinds?: { non2xx: number; transport: number; timeouts: number; graphqlErrors: number };
}

// One response in this many is parsed and checked (the first always): enough to catch a fast wrong answer without
// the load generator spending its CPU on parsing.
const CHECK_EVERY = 10;

/** Runs autocannon against a GraphQL URL for `seconds` at `connections`, each request made by `next(i)`. */
export async function runLoad(
  url: string,
  next: (i: number) => PreparedRequest,
  seconds: number,
  connections: number,
  answer: AnswerShape,
): Promise<LoadResult> {
  let counter = 0;
  let graphqlErrors = 0;
  const sampler = answerSampler(answer, CHECK_EVERY);
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const prepared = next(counter++);
          return {
            ...request,
            headers: { ...request.headers, "content-type": "application/json", ...prepared.headers },
            body: prepared.body,
          };
        },
        onResponse: (status, body) => {
          if (status !== 200) return;
          // A sampled wrong answer with errors in it is counted once, as a wrong answer.
          if (sampler.look(body)) graphqlErrors += 1;
          else if (body.includes('"errors"')) graphqlErrors += 1;
        },
      },
    ],
  });
  return {
    requestsPerSecond: round(result.requests.average),
    latencyMs: {
      p50: round(result.latency.p50),
      p90: round(result.latency.p90),
      p99: round(result.latency.p99),
      max: round(result.latency.max),
    },
    requests: result.requests.total,
    // autocannon's `errors` include its timeouts: each failed request is counted once.
    errors: result.errors + result.non2xx + graphqlErrors,
    answers: sampler.tally,
    errorKinds: {
      non2xx: result.non2xx,
      transport: result.errors - result.timeouts,
      timeouts: result.timeouts,
      graphqlErrors,
    },
  };
}

/** Percentile of sorted values (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Two decimals, for tables. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
