import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findRepoRoot } from "@portal-graph/subgraph-kit/workspace";
import { fetchesOf, gatewayPlan, matchFetches, type FloorNode } from "./plan.js";

const root = findRepoRoot();
const supergraph = readFileSync(path.join(root, "schema", "supergraph.graphql"), "utf8");
const operation = (name: string) =>
  readFileSync(path.join(root, "scripts", "bench", "operations", `${name}.graphql`), "utf8");

/** A plan as text: subgraph@path for a fetch, Sequence(...) and Parallel(...) around steps. */
const shape = (node: FloorNode): string =>
  node.kind === "Fetch"
    ? `${node.subgraph}${node.path ? `@${node.path.join(".")}` : ""}`
    : `${node.kind}(${node.nodes.map(shape).join(", ")})`;

describe("our gateway's plan, for the floor", () => {
  it("keeps the plan's order, parallelism and entity paths", () => {
    expect(shape(gatewayPlan(supergraph, operation("my-portal")))).toBe(
      "Sequence(access-roles, Parallel(acknowledgements@me, Sequence(acknowledgements@me.roleGrants.@.user, access-roles@me.roleGrants.@)))",
    );
  });

  it("pairs each fetch our gateway made with its step, and notes the entity types it asks for", () => {
    const plan = gatewayPlan(supergraph, operation("portal-home"));
    const [first, second] = fetchesOf(plan);
    const representations = [{ __typename: "Application", id: "a" }];
    const matched = matchFetches(plan, [
      { subgraph: "catalog", body: JSON.stringify({ query: first!.operation, variables: {} }) },
      { subgraph: "help-desks", body: JSON.stringify({ query: second!.operation, variables: { representations } }) },
    ]);
    expect([...matched.keys()]).toEqual([first!.id, second!.id]);
    expect(matched.get(first!.id)!.entityTypes).toBeNull();
    expect(matched.get(second!.id)!.entityTypes).toEqual(["Application"]);
  });

  it("refuses a fetch the plan has no step for", () => {
    const plan = gatewayPlan(supergraph, operation("approval-queue"));
    expect(() => matchFetches(plan, [{ subgraph: "catalog", body: JSON.stringify({ query: "{ x }" }) }])).toThrow(
      /no step for/,
    );
  });
});
