import { readFileSync } from "node:fs";
import path from "node:path";
import { Supergraph } from "@apollo/federation-internals";
import { checkOperation, estimateCost, shapeOf } from "@portal-graph/operation-limits";
import { findRepoRoot } from "@portal-graph/subgraph-kit/workspace";
import { getOperationAST, Kind, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { repoOperations } from "../testing/repo-operations.js";
import { loadOperationLimits } from "./config.js";
import { costModelFromSupergraph } from "./supergraph-cost.js";

const root = findRepoRoot();
const supergraphSdl = readFileSync(path.join(root, "schema", "supergraph.graphql"), "utf8");
const defaults = loadOperationLimits({});
const model = costModelFromSupergraph(supergraphSdl, defaults);
const operations = repoOperations(root, Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema());

function estimate(query: string): number {
  const document = parse(query);
  return estimateCost(document, getOperationAST(document)!, {}, model);
}

/** `{ a { b { a { b ... } } } }`, n levels of the pair, closed by a leaf. */
function nested(open: string, pair: [string, string], levels: number, leaf = "id"): string {
  let inner = leaf;
  for (let level = 0; level < levels; level++) inner = `${pair[0]} { ${pair[1]} { ${inner} } }`;
  return `{ ${open.replace("%", inner)} }`;
}

describe("the default limits against every operation in the repository", () => {
  it("finds the golden, benchmark and test operations", () => {
    const sources = operations.map((operation) => operation.source);
    expect(sources).toContain("scripts/bench/operations/portal-home.graphql");
    expect(sources.filter((source) => source.startsWith("schema/operations/"))).toHaveLength(8);
    expect(operations.length).toBeGreaterThan(50);
  });

  it.each(operations.map((operation) => [operation.source, operation] as const))(
    "%s passes with at least twice the room on cost and depth",
    (_source, { document }) => {
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        const measured = checkOperation(document, definition, {}, defaults, model);
        expect(measured.cost * 2).toBeLessThanOrEqual(defaults.cost);
        expect(measured.depth * 1.5).toBeLessThanOrEqual(defaults.depth);
        expect(measured.aliases * 2).toBeLessThanOrEqual(defaults.aliases);
        expect(measured.rootFields * 2).toBeLessThanOrEqual(defaults.rootFields);
        expect(measured.directives * 2).toBeLessThanOrEqual(defaults.directives);
      }
    },
  );
});

describe("the cost model of the supergraph", () => {
  it("prices a field another subgraph resolves as an entity fetch per parent", () => {
    // Application.name is the catalog's own; Application.roles is access-roles', one entity fetch per application.
    const local = estimate("{ applications(first: 10) { nodes { name } } }");
    const across = estimate("{ applications(first: 10) { nodes { viewerAccess { canRequest } } } }");
    expect(local).toBe(1 + 10);
    expect(across).toBe(1 + 10 * (1 + defaults.entityWeight + 1));
  });

  it("multiplies a connection's nodes by first", () => {
    expect(estimate("{ applications(first: 100) { totalCount nodes { id } } }")).toBe(101);
    expect(estimate("{ applications(first: 7) { edges { node { id } } } }")).toBe(1 + 7 * 2);
  });
});

describe("the hostile operations of issue 11 under the default limits", () => {
  const refusal = (query: string) => {
    const document = parse(query);
    try {
      checkOperation(document, getOperationAST(document)!, {}, defaults, model);
    } catch (error) {
      return (error as { extensions: Record<string, unknown> }).extensions;
    }
    return undefined;
  };

  it("refuses the roles ↔ application cycle at depth 10", () => {
    const query = nested("applications(first: 23) { nodes { % } }", ["roles", "application"], 4, "name");
    expect(shapeOf(parse(query), getOperationAST(parse(query))!).depth).toBe(11);
    expect(refusal(query)).toMatchObject({ code: "OPERATION_LIMIT_EXCEEDED", limit: "cost" });
  });

  it("refuses the policies ↔ versions cycle at depth 10", () => {
    const query = nested("policies { % }", ["versions", "policy"], 4, "title");
    expect(shapeOf(parse(query), getOperationAST(parse(query))!).depth).toBe(10);
    expect(refusal(query)).toMatchObject({ code: "OPERATION_LIMIT_EXCEEDED", limit: "cost" });
  });

  it("refuses 700 aliases of applications(first: 100)", () => {
    const aliases = Array.from({ length: 700 }, (_, i) => `a${i}: applications(first: 100) { totalCount }`);
    expect(refusal(`{ ${aliases.join(" ")} }`)).toMatchObject({ limit: "aliases", max: 30, actual: 700 });
  });
});
