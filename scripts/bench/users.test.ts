import { describe, expect, it } from "vitest";
import { rotation, viewerAt } from "./users.js";

const population = Array.from({ length: 10 }, (_, i) => `user-${i}`);

describe("the users requests rotate through", () => {
  it("draws distinct users spread over the whole population", () => {
    const users = rotation(population, 4);
    expect(users).toEqual(["user-0", "user-2", "user-5", "user-7"]);
    expect(new Set(users).size).toBe(4);
  });

  it("gives one user for the one-user shape, and the whole population when asked for more", () => {
    expect(rotation(population, 1)).toEqual(["user-0"]);
    expect(rotation(population, 25)).toEqual(population);
  });

  it("meets every user of the rotation once in as many requests", () => {
    const users = rotation(population, 5);
    const seen = Array.from({ length: 5 }, (_, i) => viewerAt(users, i));
    expect(new Set(seen)).toEqual(new Set(users));
    expect(viewerAt(users, 5)).toBe(users[0]);
  });

  it("refuses an empty rotation", () => {
    expect(() => rotation(population, 0)).toThrow(/at least one user/);
    expect(() => rotation([], 3)).toThrow(/population/);
  });
});
