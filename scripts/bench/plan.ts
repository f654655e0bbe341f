import { parse } from "graphql";
import { operationFromDocument, Supergraph } from "@apollo/federation-internals";
import { QueryPlanner, type PlanNode } from "@apollo/query-planner";

/** A step of the floor's plan: a fetch (merged at `path` when it fetches entities), or steps in order or at once. */
export type FloorNode =
  | { kind: "Fetch"; id: number; subgraph: string; operation: string; path: (string | number)[] | null }
  | { kind: "Sequence" | "Parallel"; nodes: FloorNode[] };

/** A fetch of one request as our gateway sent it: the body, the caller's Authorization it passed on. */
export interface PlannedFetch {
  body: string;
  authorization?: string;
  /** The types of the entities it asks for (from its representations); null for a root fetch. */
  entityTypes: string[] | null;
}

/**
 * Our gateway's plan for an operation: the same query planner, version and (default) configuration as
 * @apollo/gateway uses, on the same supergraph, as the floor's steps. Defer and conditions (@skip/@include on
 * variables) never occur in the benchmarked operations and are refused.
 */
export function gatewayPlan(supergraphSdl: string, query: string): FloorNode {
  const supergraph = Supergraph.build(supergraphSdl);
  const plan = new QueryPlanner(supergraph).buildQueryPlan(operationFromDocument(supergraph.apiSchema(), parse(query)));
  if (!plan.node || plan.node.kind === "Subscription") throw new Error("the operation has no plan the floor can run");
  let next = 0;
  const convert = (node: PlanNode, path: (string | number)[] | null): FloorNode => {
    switch (node.kind) {
      case "Fetch":
        return { kind: "Fetch", id: next++, subgraph: node.serviceName, operation: node.operation, path };
      case "Flatten":
        return convert(node.node, node.path);
      case "Sequence":
      case "Parallel":
        return { kind: node.kind, nodes: node.nodes.map((child) => convert(child, path)) };
      default:
        throw new Error(`the floor cannot run a ${node.kind} node`);
    }
  };
  return convert(plan.node, null);
}

/** The plan's fetches, in plan order. */
export function fetchesOf(node: FloorNode): Extract<FloorNode, { kind: "Fetch" }>[] {
  return node.kind === "Fetch" ? [node] : node.nodes.flatMap(fetchesOf);
}

/**
 * Pairs the fetches our gateway made for one request with the plan's fetch steps (same subgraph, same operation
 * text). A step without a fetch is one the gateway skipped (no entities to ask for); a fetch without a step means
 * the plan is not our gateway's, and is refused.
 */
export function matchFetches(
  plan: FloorNode,
  recorded: readonly { subgraph: string; body: string; authorization?: string }[],
): Map<number, PlannedFetch> {
  const steps = fetchesOf(plan);
  const matched = new Map<number, PlannedFetch>();
  for (const fetched of recorded) {
    const { query, variables } = JSON.parse(fetched.body) as { query: string; variables?: Record<string, unknown> };
    const step = steps.find(
      (candidate) =>
        !matched.has(candidate.id) && candidate.subgraph === fetched.subgraph && candidate.operation === query,
    );
    if (!step) throw new Error(`our gateway fetched from ${fetched.subgraph} what the plan has no step for: ${query}`);
    const representations = variables?.representations as { __typename?: string }[] | undefined;
    matched.set(step.id, {
      body: fetched.body,
      authorization: fetched.authorization,
      entityTypes: representations ? [...new Set(representations.map((entity) => String(entity.__typename)))] : null,
    });
  }
  return matched;
}
