import { buildSchema, getIntrospectionQuery, getOperationAST, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { estimateCost } from "./cost.js";
import type { OperationLimitExceededError } from "./errors.js";
import { checkOperation, type OperationLimits } from "./limits.js";
import { costModelFromSchema } from "./schema-model.js";
import { measureShape } from "./shape.js";
import { countTokens } from "./tokens.js";

const schema = buildSchema(`
  directive @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR
  directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
  type Query {
    apps(first: Int, after: String): AppConnection!
    all: [App!]!
    few: [App!]! @listSize(assumedSize: 3)
    byIds(ids: [ID!]!): [App!]! @listSize(slicingArguments: ["ids"])
    search(text: String! @cost(weight: 7)): [App!]! @listSize(assumedSize: 2)
    node: Node
  }
  type Mutation { rename(id: ID!): App }
  type AppConnection { nodes: [App!]! edges: [AppEdge!]! totalCount: Int! }
  type AppEdge { cursor: String! node: App! }
  interface Node { id: ID! }
  type App implements Node { id: ID! name: String! owner: Team! tags: [String!]! report: Report }
  type Team implements Node { id: ID! apps: [App!]! @listSize(assumedSize: 4) }
  type Report @cost(weight: 50) { size: Int! }
`);
const model = costModelFromSchema(schema, { defaultListSize: 10, entityWeight: 5 });

function cost(query: string, variables?: Record<string, unknown>): number {
  const document = parse(query);
  return estimateCost(document, getOperationAST(document)!, variables, model);
}

function shape(query: string) {
  const document = parse(query);
  return measureShape(document, getOperationAST(document)!);
}

describe("the shape of an operation", () => {
  it("counts depth from the root, through fragments, leaving out __typename", () => {
    expect(shape("{ all { id } }").depth).toBe(2);
    expect(shape("{ all { owner { apps { __typename ...F } } } } fragment F on App { owner { id } }").depth).toBe(5);
  });

  it("does not count the nesting of introspection, which graphql-js bounds itself", () => {
    expect(shape(getIntrospectionQuery()).depth).toBe(0);
  });

  it("counts aliases each time a fragment is used, root fields after expansion, and the most directives in one place", () => {
    const measured = shape(
      `query Q @a { x: all { id } ...R ...R } fragment R on Query { y: few { id @skip(if: true) @b @c } }`,
    );
    expect(measured).toEqual({ depth: 2, aliases: 3, rootFields: 3, directives: 3 });
  });

  it("measures a fragment bomb in linear time while its counts grow with its expansion", () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1
        ? `fragment F${i} on Query { a: all { id } }`
        : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    );
    const started = Date.now();
    const measured = shape(`{ ...F0 } ${fragments.join(" ")}`);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(measured.aliases).toBe(2 ** (levels - 1));
  });
});

describe("the cost estimate", () => {
  it("prices objects at 1 and leaves at 0, and a list of unknown length at the default size", () => {
    expect(cost("{ all { id name tags } }")).toBe(10);
    expect(cost("{ all { owner { id } } }")).toBe(20);
  });

  it("sizes a connection's nodes and edges by first, from a literal, a variable or the variable's default", () => {
    expect(cost("{ apps(first: 7) { totalCount nodes { id } } }")).toBe(1 + 7);
    expect(cost("query($n: Int) { apps(first: $n) { edges { node { id } } } }", { n: 4 })).toBe(1 + 4 * 2);
    expect(cost("query($n: Int = 3) { apps(first: $n) { nodes { id } } }", {})).toBe(1 + 3);
    expect(cost("{ apps { nodes { id } } }")).toBe(1 + 10);
  });

  it("honours @listSize assumed sizes and slicing arguments (a list argument counts by its length)", () => {
    expect(cost("{ few { owner { apps { id } } } }")).toBe(3 * (1 + 1 + 4));
    expect(cost(`{ byIds(ids: ["a", "b"]) { id } }`)).toBe(2);
    expect(cost("query($ids: [ID!]!) { byIds(ids: $ids) { id } }", { ids: ["a", "b", "c"] })).toBe(3);
  });

  it("honours @cost on types and arguments, and prices a mutation's root field at 10", () => {
    expect(cost("{ few { report { size } } }")).toBe(3 * (1 + 50));
    expect(cost(`{ search(text: "x") { id } }`)).toBe(2 * (1 + 7));
    expect(cost(`mutation { rename(id: "a") { id } }`)).toBe(10);
  });

  it("counts the dearest of the fragments on narrower types, not their sum", () => {
    expect(cost("{ node { id ... on App { owner { id } } ... on Team { apps { id } } } }")).toBe(1 + 4);
  });
});

describe("checking an operation against the limits", () => {
  const limits: OperationLimits = { depth: 3, aliases: 1, rootFields: 2, directives: 1, tokens: 100, cost: 50 };
  const check = (query: string) => {
    const document = parse(query);
    return checkOperation(document, getOperationAST(document)!, {}, limits, model);
  };
  const refusal = (query: string) => {
    try {
      check(query);
    } catch (error) {
      return error as OperationLimitExceededError;
    }
    throw new Error("expected a refusal");
  };

  it("accepts an operation at every limit, with its estimate", () => {
    expect(check("{ a: all { owner { id } } few { id } }")).toEqual({
      depth: 3,
      aliases: 1,
      rootFields: 2,
      directives: 0,
      cost: 23,
    });
  });

  it.each([
    ["depth", "{ all { owner { apps { id } } } }", 3, 4],
    ["aliases", "{ a: all { id } b: few { id } }", 1, 2],
    ["rootFields", "{ all { id } few { id } node { id } }", 2, 3],
    ["directives", "{ all { id @skip(if: false) @include(if: true) } }", 1, 2],
    ["cost", "{ apps(first: 50) { nodes { id } } }", 50, 51],
  ])(
    "refuses one over the %s limit, naming the limit, the most allowed and the actual value",
    (limit, query, max, actual) => {
      const error = refusal(query);
      expect(error.extensions).toEqual({ code: "OPERATION_LIMIT_EXCEEDED", limit, max, actual, http: { status: 400 } });
      expect(error.message).toContain(`limit "${limit}"`);
    },
  );
});

describe("counting tokens", () => {
  it("counts as the parser's maxTokens does: comments are not tokens", () => {
    const query = "# a comment\n{ all { id } }";
    expect(countTokens(query)).toBe(6);
    expect(() => parse(query, { maxTokens: 6 })).not.toThrow();
    expect(() => parse(query, { maxTokens: 5 })).toThrow(/tokens/);
  });
});
