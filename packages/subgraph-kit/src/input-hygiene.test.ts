import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { inputHygienePlugin } from "./input-hygiene.js";

const schema = buildSchema(`
  type Query { find(search: String, first: Int): String }
  type Mutation { write(input: WriteInput!): String }
  input WriteInput { body: String  count: Int }
`);

describe("text input rules", () => {
  it("take input fields and arguments by schema coordinate", () => {
    expect(() =>
      inputHygienePlugin(schema, { "WriteInput.body": { multiline: true }, "Query.find(search:)": { maxLength: 50 } }),
    ).not.toThrow();
  });

  it.each(["WriteInput.title", "WriteInput.count", "Query.find(query:)", "Query.find", "writeInput.body"])(
    "refuse %s, which names no String input of the schema, at once",
    (coordinate) => {
      expect(() => inputHygienePlugin(schema, { [coordinate]: { multiline: true } })).toThrow(
        `text input rule "${coordinate}" names no String input field or argument of this schema`,
      );
    },
  );
});
