import { readFileSync } from "node:fs";
import path from "node:path";
import { graphql, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { composeServices } from "@apollo/composition";
import { operationFromDocument, Supergraph } from "@apollo/federation-internals";
import { isPlanNode, QueryPlanner, type PlanNode } from "@apollo/query-planner";
import { findRepoRoot } from "@portal-graph/subgraph-kit/workspace";
import { subgraph } from "../server.js";

// The catalog's committed SDL (an artifact, not its code) against ours, planned as the gateway plans it.
async function planFor(query: string) {
  const { data } = await graphql({ schema: await subgraph.buildSchema(), source: "{ _service { sdl } }" });
  const catalog = readFileSync(path.join(findRepoRoot(), "schema", "subgraphs", "catalog.graphql"), "utf8");
  const composed = composeServices([
    { name: "catalog", url: "http://catalog/graphql", typeDefs: parse(catalog) },
    {
      name: "help-desks",
      url: "http://help-desks/graphql",
      typeDefs: parse((data as { _service: { sdl: string } })._service.sdl),
    },
  ]);
  expect(composed.errors).toBeUndefined();
  const supergraph = Supergraph.build(composed.supergraphSdl!);
  return new QueryPlanner(supergraph).buildQueryPlan(operationFromDocument(supergraph.apiSchema(), parse(query)));
}

function fetches(node: PlanNode | undefined): { serviceName: string; operation: string }[] {
  if (!node) return [];
  if (node.kind === "Fetch") return [node];
  if (node.kind === "Flatten") return fetches(node.node);
  if (node.kind === "Sequence" || node.kind === "Parallel") return node.nodes.flatMap(fetches);
  throw new Error(`unexpected plan node ${node.kind}`);
}

describe("the gateway's plan for a page of applications with their help desks", () => {
  it("asks help-desks once, with one _entities call for the whole page", async () => {
    const plan = await planFor(`{
      applications(first: 100) {
        nodes {
          name
          helpDesks { purpose primary helpDesk { name openNow contactPoints { kind value } hours { timeZone } } }
        }
      }
    }`);
    expect(isPlanNode(plan.node)).toBe(true);
    const toHelpDesks = fetches(plan.node as PlanNode).filter((fetch) => fetch.serviceName === "help-desks");
    expect(toHelpDesks).toHaveLength(1);
    expect(toHelpDesks[0]!.operation).toContain("_entities(representations:");
  });
});
