import { describe, expect, it } from "vitest";
import { unavailableAnswer } from "./subgraph-data-source.js";

describe("unavailableAnswer", () => {
  it("puts one error on the first entity's first field of an _entities fetch", () => {
    const query =
      "query PortalHome__help_desks__1($representations: [_Any!]!) { _entities(representations: $representations) { ... on Application { helpDesks { purpose } requiredPolicies { id } } } }";
    expect(unavailableAnswer("help-desks", query, "TIMEOUT")).toEqual({
      data: null,
      errors: [
        {
          message: 'Subgraph "help-desks" is unavailable; try again shortly',
          path: ["_entities", 0, "helpDesks"],
          extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: "help-desks", reason: "TIMEOUT" },
        },
      ],
    });
  });

  it("puts one error on each root field of a root fetch, by its alias", () => {
    const answer = unavailableAnswer(
      "catalog",
      '{ first: applications { totalCount } application(id: "x") { id } __typename }',
      "CIRCUIT_OPEN",
    );
    expect(answer.errors?.map((error) => error.path)).toEqual([["first"], ["application"]]);
    expect(answer.errors?.[0]?.message).toContain("calls are paused while it recovers");
  });
});
