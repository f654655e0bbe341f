import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { answerTags, evictedTags } from "./cache-tags.js";

const SCHEMA = buildSchema(`
  type Query {
    applications: [Application!]!
    applicationPage: ApplicationConnection!
    application(id: ID!): Application
    search: [SearchHit!]!
    channel: Channel
  }
  type Application { id: ID! name: String! helpDesks: [HelpDesk!]! primaryDesk: HelpDesk owner: Person! }
  type HelpDesk { id: ID! name: String! }
  "A value type: no id, so it belongs to the entity that holds it."
  type Person { name: String! }
  type Channel { kind: String! desk: HelpDesk! }
  type ApplicationConnection { totalCount: Int! nodes: [Application!]! }
  union SearchHit = Application | HelpDesk
`);

const tags = (query: string, data: Record<string, unknown>, operationName?: string) =>
  answerTags(SCHEMA, parse(query), operationName, data).sort();

describe("an answer's cache tags", () => {
  it("name each entity by id, and each list of a type and each type held", () => {
    const data = {
      applications: [
        { id: "pecos-ai", name: "PECOS", owner: { name: "CMS" }, helpDesks: [{ id: "pecos-help", name: "Help" }] },
        { id: "aps", name: "APS", owner: { name: "CMS" }, helpDesks: [] },
      ],
    };
    expect(tags("{ applications { id name owner { name } helpDesks { id name } } }", data)).toEqual([
      "Application",
      "Application:aps",
      "Application:pecos-ai",
      "Application[]",
      "HelpDesk",
      "HelpDesk:pecos-help",
      "HelpDesk[]",
    ]);
  });

  it("file one entity by its id alone, through aliases and fragments", () => {
    const query = `query One { app: application(id: "aps") { ...Fields } }
      fragment Fields on Application { key: id primaryDesk { ... on HelpDesk { id } } }`;
    const data = { app: { key: "aps", primaryDesk: { id: "aps-help" } } };
    expect(tags(query, data, "One")).toEqual(["Application", "Application:aps", "HelpDesk", "HelpDesk:aps-help"]);
  });

  it("count a missing entity and one without its id as membership that a write may change", () => {
    expect(tags(`{ application(id: "new-app") { name } }`, { application: null })).toEqual([
      "Application",
      "Application[]",
    ]);
    expect(tags(`{ application(id: "aps") { name } }`, { application: { name: "APS" } })).toEqual([
      "Application",
      "Application[]",
    ]);
  });

  it("reach entities held by value types, and count a value type as membership of what it can reach", () => {
    expect(tags("{ channel { kind desk { id } } }", { channel: { kind: "phone", desk: { id: "d1" } } })).toEqual([
      "HelpDesk",
      "HelpDesk:d1",
      "HelpDesk[]",
    ]);
    // A count of applications lists none, yet a new application changes it.
    expect(tags("{ applicationPage { totalCount } }", { applicationPage: { totalCount: 2 } })).toEqual([
      "Application",
      "Application[]",
    ]);
  });

  it("use __typename on a union, and every possible type without it", () => {
    const withTypename = { search: [{ __typename: "HelpDesk", id: "d1" }] };
    expect(tags("{ search { __typename ... on HelpDesk { id } ... on Application { id } } }", withTypename)).toEqual([
      "Application",
      "Application[]",
      "HelpDesk",
      "HelpDesk:d1",
      "HelpDesk[]",
    ]);
    expect(tags("{ search { ... on HelpDesk { id } } }", { search: [{ id: "d1" }] })).toEqual([
      "Application",
      "Application[]",
      "HelpDesk",
      "HelpDesk[]",
    ]);
  });
});

describe("a reported change", () => {
  it("evicts its entity and the lists of its type; a bare type evicts all of the type", () => {
    expect(evictedTags("Application:pecos-ai")).toEqual(["Application:pecos-ai", "Application[]"]);
    expect(evictedTags("HelpDesk")).toEqual(["HelpDesk"]);
  });
});
