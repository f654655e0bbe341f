import { describe, expect, it } from "vitest";
import { reportFieldsOf } from "./report-fields.js";
import { unavailableAnswer } from "./subgraph-data-source.js";

const SUPERGRAPH = `
type Application {
  id: ID!
  name: String!
  report: [String!] @inaccessible
  mandatoryReport: [String!]! @inaccessible
  helpDesks: [String!]
}
type User { id: ID! flags: [String!] @inaccessible }
`;

const FETCH =
  "query Q__acknowledgements__1($representations: [_Any!]!) { _entities(representations: $representations) { ... on Application { report answer: report helpDesks } ... on User { flags } } }";

describe("report fields", () => {
  it("are the supergraph's @inaccessible fields that may be null", () => {
    expect(reportFieldsOf(SUPERGRAPH)).toEqual(
      new Map([
        ["Application", new Set(["report"])],
        ["User", new Set(["flags"])],
      ]),
    );
  });

  it("reach their consumers as null, entity by entity, when the fetch that owes them fails", () => {
    const representations = [
      { __typename: "Application", id: "a" },
      { __typename: "User", id: "u" },
      { __typename: "Application", id: "b" },
    ];
    const answer = unavailableAnswer("acknowledgements", FETCH, "CONNECTION", {
      representations,
      fields: reportFieldsOf(SUPERGRAPH),
    });
    expect(answer.data).toEqual({
      _entities: [
        { __typename: "Application", report: null, answer: null },
        { __typename: "User", flags: null },
        { __typename: "Application", report: null, answer: null },
      ],
    });
    // The error sits on the first field a client could have asked for.
    expect(answer.errors?.map((error) => error.path)).toEqual([["_entities", 0, "helpDesks"]]);
  });

  it("leave a failed fetch that owes none as it was: no data, the error on its first field", () => {
    const query =
      "query Q($representations: [_Any!]!) { _entities(representations: $representations) { ... on Application { helpDesks } } }";
    const answer = unavailableAnswer("help-desks", query, "TIMEOUT", {
      representations: [{ __typename: "Application", id: "a" }],
      fields: reportFieldsOf(SUPERGRAPH),
    });
    expect(answer).toMatchObject({ data: null, errors: [{ path: ["_entities", 0, "helpDesks"] }] });
  });

  it("put the error on the entity when the fetch asked for reports only", () => {
    const query =
      "query Q($representations: [_Any!]!) { _entities(representations: $representations) { ... on Application { report } } }";
    const answer = unavailableAnswer("acknowledgements", query, "TIMEOUT", {
      representations: [{ __typename: "Application", id: "a" }],
      fields: reportFieldsOf(SUPERGRAPH),
    });
    expect(answer.errors?.map((error) => error.path)).toEqual([["_entities", 0]]);
  });
});
