import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { createLogger, REQUEST_ERROR_CODES, type RequestErrorCode } from "@portal-graph/http-kit";
import { BadUserInputError, createErrorFormatter, ForbiddenError } from "./errors.js";
import { runInRequestScope } from "./request-scope.js";

function capture() {
  const lines: string[] = [];
  const logger = createLogger("test", { level: "info", destination: { write: (line: string) => lines.push(line) } });
  return { lines, format: createErrorFormatter(logger) };
}

describe("error formatting", () => {
  it("passes known codes through without stack traces", () => {
    const { format } = capture();
    const error = new BadUserInputError("first", "must be small");
    const formatted = format(
      { message: error.message, extensions: { ...error.extensions, stacktrace: ["at x"] } },
      error,
    );
    expect(formatted).toEqual({
      message: "first: must be small",
      extensions: { code: "BAD_USER_INPUT", field: "first" },
    });
    expect(new ForbiddenError().extensions.code).toBe("FORBIDDEN");
  });

  it("masks anything else as INTERNAL and logs the cause with the request id", async () => {
    const { lines, format } = capture();
    const cause = new Error("connection to 10.0.0.5 refused: password=hunter2");
    const formatted = await runInRequestScope("req-42", async () =>
      format(
        { message: cause.message, path: ["applications"] },
        new GraphQLError(cause.message, { originalError: cause }),
      ),
    );
    expect(formatted).toEqual({
      message: "Internal server error",
      path: ["applications"],
      locations: undefined,
      extensions: { code: "INTERNAL", requestId: "req-42" },
    });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ requestId: "req-42", msg: "internal error" });
  });

  it("passes every registered code through unchanged, message included", () => {
    const { lines, format } = capture();
    const codes = Object.keys(REQUEST_ERROR_CODES).filter((code) => code !== "INTERNAL") as RequestErrorCode[];
    expect(codes).toContain("UNAUTHENTICATED");
    for (const code of codes) {
      const formatted = format({ message: `refused: ${code}`, path: ["x"], extensions: { code, detail: 1 } }, null);
      expect(formatted).toEqual({ message: `refused: ${code}`, path: ["x"], extensions: { code, detail: 1 } });
    }
    expect(lines).toHaveLength(0);
  });

  it.each([
    ["a code nobody registered", "HELP_DESK_NOT_FOUND"],
    ["the server's own fallback", "INTERNAL_SERVER_ERROR"],
    ["INTERNAL itself, which only the formatter gives", "INTERNAL"],
  ])("masks %s as INTERNAL with the request id", async (_case, code) => {
    const { lines, format } = capture();
    const formatted = await runInRequestScope("req-7", async () =>
      format({ message: "the table help_desk is locked", path: ["helpDesk"], extensions: { code } }, null),
    );
    expect(formatted).toEqual({
      message: "Internal server error",
      path: ["helpDesk"],
      locations: undefined,
      extensions: { code: "INTERNAL", requestId: "req-7" },
    });
    expect(lines).toHaveLength(1);
  });
});
