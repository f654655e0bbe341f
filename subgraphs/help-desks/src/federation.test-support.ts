// Shared by the plan tests; kept out of the build (tsconfig.build.json excludes *.test-support.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { graphql, parse } from "graphql";
import { expect } from "vitest";
import { composeServices } from "@apollo/composition";
import { operationFromDocument, Supergraph } from "@apollo/federation-internals";
import { QueryPlanner, type PlanNode, type QueryPlan } from "@apollo/query-planner";
import { findRepoRoot } from "@portal-graph/subgraph-kit/workspace";
import { subgraph } from "./server.js";

/**
 * The gateway's plan for a query: every other subgraph's committed SDL (artifacts, not their code; the registry
 * names them) composed with the SDL ours serves now. All of them, since a field of one may @require another's.
 */
export async function planFor(query: string): Promise<QueryPlan> {
  const root = findRepoRoot();
  const registry = JSON.parse(readFileSync(path.join(root, "schema", "subgraphs.json"), "utf8")) as {
    subgraphs: { name: string }[];
  };
  const { data } = await graphql({ schema: await subgraph.buildSchema(), source: "{ _service { sdl } }" });
  const ours = (data as { _service: { sdl: string } })._service.sdl;
  const sdlOf = (name: string) =>
    name === subgraph.name ? ours : readFileSync(path.join(root, "schema", "subgraphs", `${name}.graphql`), "utf8");
  const composed = composeServices(
    registry.subgraphs.map(({ name }) => ({ name, url: `http://${name}/graphql`, typeDefs: parse(sdlOf(name)) })),
  );
  expect(composed.errors).toBeUndefined();
  const supergraph = Supergraph.build(composed.supergraphSdl!);
  return new QueryPlanner(supergraph).buildQueryPlan(operationFromDocument(supergraph.apiSchema(), parse(query)));
}

/** The fetches of a plan, in order. */
export function fetches(node: PlanNode | undefined): { serviceName: string; operation: string }[] {
  if (!node) return [];
  if (node.kind === "Fetch") return [node];
  if (node.kind === "Flatten") return fetches(node.node);
  if (node.kind === "Sequence" || node.kind === "Parallel") return node.nodes.flatMap(fetches);
  throw new Error(`unexpected plan node ${node.kind}`);
}
