import { describe, expect, it } from "vitest";
import { driftedFiles } from "./codegen.js";

describe("the portal UI's generated GraphQL code", () => {
  it("is what the operations and the API schema generate now (npm run codegen -w portal-ui)", async () => {
    expect(await driftedFiles()).toEqual([]);
  });
});
