import { describe, expect, it } from "vitest";
import { answerSampler, wrongAnswer, type AnswerShape } from "./answers.js";

const shape: AnswerShape = { nonNull: ["queue.nodes.*.role"], nonEmpty: ["queue.nodes"] };
const body = (data: unknown, errors?: unknown) => JSON.stringify(errors ? { data, errors } : { data });

describe("checking an answer's shape", () => {
  it("accepts data of the expected shape", () => {
    expect(wrongAnswer(shape, body({ queue: { nodes: [{ role: { id: "r" } }, { role: { id: "s" } }] } }))).toBeNull();
  });

  it("refuses errors, even beside data", () => {
    expect(wrongAnswer(shape, body({ queue: { nodes: [{ role: {} }] } }, [{ message: "boom" }]))).toMatch(/^errors/);
  });

  it("refuses a null where a value is expected, in any item of a list", () => {
    expect(wrongAnswer(shape, body({ queue: { nodes: [{ role: {} }, { role: null }] } }))).toBe(
      "queue.nodes.*.role is null",
    );
    expect(wrongAnswer(shape, body({ queue: null }))).toBe("queue.nodes.*.role is null");
    expect(wrongAnswer(shape, body(null))).toBe("no data");
  });

  it("refuses an empty list the data guarantees items in", () => {
    expect(wrongAnswer(shape, body({ queue: { nodes: [] } }))).toBe("queue.nodes is empty");
  });

  it("refuses what is not JSON", () => {
    expect(wrongAnswer(shape, "<html>")).toMatch(/^not JSON/);
  });
});

describe("sampling answers under load", () => {
  it("checks every n-th response, the first included, and counts the wrong ones", () => {
    const sampler = answerSampler(shape, 3);
    const right = body({ queue: { nodes: [{ role: {} }] } });
    const wrong = body({ queue: { nodes: [] } });
    const flagged = [wrong, right, right, right, wrong, wrong, wrong].map((b) => sampler.look(b));
    expect(flagged).toEqual([true, false, false, false, false, false, true]);
    expect(sampler.tally).toEqual({ checked: 3, wrong: 2, firstWrong: "queue.nodes is empty" });
  });
});
