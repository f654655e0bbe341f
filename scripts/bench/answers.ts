/**
 * What a right answer to an operation holds, as paths into `data` (`*` stands for every item of a list): fields
 * that must be non-null, and lists that must not be empty where the generated data guarantees items.
 */
export interface AnswerShape {
  nonNull: string[];
  nonEmpty: string[];
}

/** Why a response body is not a right answer, or null when it is: no `errors`, and `data` of the expected shape. */
export function wrongAnswer(shape: AnswerShape, body: string): string | null {
  let parsed: { data?: unknown; errors?: unknown };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return `not JSON: ${body.slice(0, 80)}`;
  }
  if (parsed.errors !== undefined) return `errors: ${JSON.stringify(parsed.errors).slice(0, 200)}`;
  if (parsed.data === null || typeof parsed.data !== "object") return "no data";
  for (const path of shape.nonNull) {
    const missing = valuesAt(parsed.data, path.split(".")).find((value) => value === null || value === undefined);
    if (missing !== undefined) return `${path} is null`;
  }
  for (const path of shape.nonEmpty) {
    for (const value of valuesAt(parsed.data, path.split("."))) {
      if (!Array.isArray(value)) return `${path} is not a list`;
      if (value.length === 0) return `${path} is empty`;
    }
  }
  return null;
}

/** The values at a path; `*` fans out over a list's items. A null or absent step ends there, as that value. */
function valuesAt(value: unknown, steps: string[]): unknown[] {
  if (steps.length === 0) return [value];
  if (value === null || value === undefined) return [value];
  const [step, ...rest] = steps;
  if (step === "*") return Array.isArray(value) ? value.flatMap((item) => valuesAt(item, rest)) : [undefined];
  if (typeof value !== "object" || Array.isArray(value)) return [undefined];
  return valuesAt((value as Record<string, unknown>)[step!], rest);
}

/** Checks every n-th response of a run (the first included): counts what it checked and what was wrong. */
export function answerSampler(shape: AnswerShape, every: number) {
  let seen = 0;
  const tally = { checked: 0, wrong: 0, firstWrong: null as string | null };
  return {
    tally,
    /** Looks at one response body; true when it was checked and found wrong. */
    look(body: string): boolean {
      if (seen++ % every !== 0) return false;
      tally.checked += 1;
      const reason = wrongAnswer(shape, body);
      if (reason === null) return false;
      tally.wrong += 1;
      tally.firstWrong ??= reason;
      return true;
    },
  };
}
