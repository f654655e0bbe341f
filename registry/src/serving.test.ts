import { describe, expect, it } from "vitest";
import { definedCoordinates, notServedYet } from "./serving.js";

const SERVED = `
  type Query { applications(first: Int): [Application!]! }
  type Application @key(fields: "id") { id: ID!  name: String!  acronym: String }
  input Filter { search: String }
  enum Lifecycle { ACTIVE RETIRED }
`;

describe("what a subgraph serves against what is published", () => {
  it("reads types, fields, arguments, input fields and enum values", () => {
    expect([...definedCoordinates(SERVED)].sort()).toEqual([
      "Application",
      "Application.acronym",
      "Application.id",
      "Application.name",
      "Filter",
      "Filter.search",
      "Lifecycle",
      "Lifecycle.ACTIVE",
      "Lifecycle.RETIRED",
      "Query",
      "Query.applications",
      "Query.applications.first",
    ]);
  });

  it("names what the proposal adds that the subgraph does not serve yet", () => {
    const proposed = SERVED.replace("acronym: String", "acronym: String  nickname: String").replace(
      "applications(first: Int)",
      "applications(first: Int, after: String)",
    );
    expect(notServedYet(proposed, SERVED)).toEqual(["Application.nickname", "Query.applications.after"]);
  });

  it("lets a proposal serve less than the subgraph does (a removal is published before it is deployed)", () => {
    expect(notServedYet(SERVED.replace("  acronym: String", ""), SERVED)).toEqual([]);
  });
});
