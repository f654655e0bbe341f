import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { coordinatesOf } from "./usage-reporter.js";

const schema = buildSchema(`
  type Query { applications(first: Int, filter: Filter): [Application!]!  me: User }
  input Filter { lifecycle: String, search: String }
  type Application { id: ID!  name: String!  acronym: String  helpDesks: [HelpDesk!] }
  type HelpDesk { name: String! }
  type User { id: ID! }
`);

describe("the coordinates an operation uses", () => {
  it("are its fields, arguments and literal input fields, fragments included, introspection left out", () => {
    const document = parse(`
      query Home {
        __typename
        applications(first: 5, filter: { search: "pecos" }) { ...Card helpDesks { name } }
      }
      fragment Card on Application { id acronym }
    `);
    expect(coordinatesOf(schema, document)).toEqual([
      "Application.acronym",
      "Application.helpDesks",
      "Application.id",
      "Filter.search",
      "HelpDesk.name",
      "Query.applications",
      "Query.applications.filter",
      "Query.applications.first",
    ]);
  });
});
