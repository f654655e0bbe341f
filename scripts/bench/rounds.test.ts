import { describe, expect, it } from "vitest";
import type { LoadResult } from "./load.js";
import { alternate, median, medianOfRounds, timeRatio } from "./rounds.js";

const result = (requestsPerSecond: number, p99: number, errors = 0): LoadResult => ({
  requestsPerSecond,
  latencyMs: { p50: p99 / 2, p90: p99 - 1, p99, max: p99 + 10 },
  requests: requestsPerSecond * 10,
  errors,
  answers: { checked: 10, wrong: errors, firstWrong: errors ? "no data" : null },
});

describe("the median of rounds", () => {
  it("takes the middle value, or the mean of the middle two", () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow();
  });

  it("takes medians of throughput and latency, and adds up requests and errors", () => {
    const combined = medianOfRounds([result(100, 80), result(300, 20, 1), result(200, 40)]);
    expect(combined.requestsPerSecond).toBe(200);
    expect(combined.latencyMs).toEqual({ p50: 20, p90: 39, p99: 40, max: 50 });
    expect(combined.requests).toBe(6000);
    expect(combined.errors).toBe(1);
    expect(combined.answers).toEqual({ checked: 30, wrong: 1, firstWrong: "no data" });
    expect(combined.rounds).toEqual([100, 300, 200]);
  });

  it("runs the targets in turn, round after round", async () => {
    const order: string[] = [];
    const results = await alternate(["ours", "hive", "floor"], 2, async (target, r) => {
      order.push(`${target}${r}`);
      return r;
    });
    expect(order).toEqual(["ours0", "hive0", "floor0", "ours1", "hive1", "floor1"]);
    expect(results.get("hive")).toEqual([0, 1]);
  });

  it("compares two targets round by round, so a slow round slows both sides of its ratio", () => {
    // Round 2 ran on a busy machine: both targets slowed, their ratio did not.
    expect(timeRatio([100, 20, 110], [200, 40, 200])).toBe(2);
    expect(() => timeRatio([1, 2], [1])).toThrow();
  });
});
