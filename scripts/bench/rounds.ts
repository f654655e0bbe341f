import { round, type LoadResult } from "./load.js";

/** The median of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("the median of no values is undefined");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A load result over several rounds: medians of throughput and of each latency, with each round's throughput. */
export interface RoundsResult extends LoadResult {
  /** Requests per second in each round, in the order they ran. */
  rounds: number[];
}

/**
 * Several rounds of one target as one result: the median of requests per second and of each latency percentile (a
 * shared machine's slow round or fast round does not decide it), while requests, errors and checked answers add up
 * (an error in any round counts).
 */
export function medianOfRounds(rounds: readonly LoadResult[]): RoundsResult {
  if (rounds.length === 0) throw new Error("no rounds to take the median of");
  const of = (pick: (result: LoadResult) => number) => round(median(rounds.map(pick)));
  const firstWrong = rounds.find((result) => result.answers.firstWrong !== null)?.answers.firstWrong ?? null;
  return {
    requestsPerSecond: of((result) => result.requestsPerSecond),
    latencyMs: {
      p50: of((result) => result.latencyMs.p50),
      p90: of((result) => result.latencyMs.p90),
      p99: of((result) => result.latencyMs.p99),
      max: of((result) => result.latencyMs.max),
    },
    requests: rounds.reduce((sum, result) => sum + result.requests, 0),
    errors: rounds.reduce((sum, result) => sum + result.errors, 0),
    answers: {
      checked: rounds.reduce((sum, result) => sum + result.answers.checked, 0),
      wrong: rounds.reduce((sum, result) => sum + result.answers.wrong, 0),
      firstWrong,
    },
    rounds: rounds.map((result) => result.requestsPerSecond),
  };
}

/**
 * Runs `count` rounds, each of every target in turn (ours, Hive, floor, monolith, then again), so a slow spell of
 * a shared machine falls on all of them alike; gives each target's rounds in order.
 */
export async function alternate<T>(
  targets: readonly string[],
  count: number,
  run: (target: string, round: number) => Promise<T>,
): Promise<Map<string, T[]>> {
  const results = new Map<string, T[]>(targets.map((target) => [target, []]));
  for (let r = 0; r < count; r++) for (const target of targets) results.get(target)!.push(await run(target, r));
  return results;
}

/**
 * How much longer x takes per operation than y, at the same concurrency, from their throughput in the same rounds:
 * the median of each round's ratio (2: x takes twice as long). Rounds that ran side by side are compared with each
 * other, so a slow spell of the shared machine that spans a round cancels out.
 */
export function timeRatio(xRounds: readonly number[], yRounds: readonly number[]): number {
  if (xRounds.length !== yRounds.length) throw new Error("a ratio needs both targets' figures for the same rounds");
  return round(median(xRounds.map((x, r) => yRounds[r]! / Math.max(x, 0.01))));
}
