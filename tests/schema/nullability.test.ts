/**
 * The contract that keeps one team's outage in its own fields, checked on every field of the committed
 * supergraph: a field whose value needs another subgraph than its parent type's owner is nullable, and so is every
 * root query field. A non-null field across a subgraph boundary would turn one failed fetch into a null that
 * bubbles up to its parent, and from there to the whole page.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { findRepoRoot } from "@portal-graph/subgraph-kit/workspace";
import {
  Kind,
  parse,
  type ConstDirectiveNode,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
  type TypeNode,
} from "graphql";
import { describe, expect, it } from "vitest";

const supergraph = parse(readFileSync(path.join(findRepoRoot(), "schema", "supergraph.graphql"), "utf8"));
const objects = supergraph.definitions.filter(
  (definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION,
);

function argument(directive: ConstDirectiveNode, name: string): string | boolean | undefined {
  const value = directive.arguments?.find((arg) => arg.name.value === name)?.value;
  if (value?.kind === Kind.ENUM || value?.kind === Kind.STRING) return value.value;
  if (value?.kind === Kind.BOOLEAN) return value.value;
  return undefined;
}

function directives(node: { directives?: readonly ConstDirectiveNode[] }, name: string): ConstDirectiveNode[] {
  return node.directives?.filter((directive) => directive.name.value === name) ?? [];
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/** The graph that resolves the field (not merely declares it @external), or null when every graph of its type can. */
function resolvingGraph(field: FieldDefinitionNode): string | null {
  const joins = directives(field, "join__field").filter((join) => argument(join, "external") !== true);
  return joins.length === 1 ? (argument(joins[0]!, "graph") as string) : null;
}

/** The owner of a type: the graph that resolves most of its fields. */
const owners = new Map(
  objects.map((type) => {
    const counts = new Map<string, number>();
    for (const field of type.fields ?? []) {
      const graph = resolvingGraph(field);
      if (graph) counts.set(graph, (counts.get(graph) ?? 0) + 1);
    }
    const graphs = directives(type, "join__type").map((join) => argument(join, "graph") as string);
    const owner = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? graphs[0];
    return [type.name.value, owner] as const;
  }),
);
const entities = new Set(
  objects
    .filter((type) => directives(type, "join__type").some((join) => argument(join, "key")))
    .map((type) => type.name.value),
);

/** Why a field must be nullable, or null when it may be non-null. */
function crossing(type: ObjectTypeDefinitionNode, field: FieldDefinitionNode): string | null {
  if (type.name.value === "Query") return "a root query field";
  if (type.name.value === "Mutation") return null;
  const owner = owners.get(type.name.value);
  const graph = resolvingGraph(field) ?? owner;
  if (graph !== owner) return `resolved by ${graph}, not by ${owner} which owns ${type.name.value}`;
  if (directives(field, "join__field").some((join) => argument(join, "requires")))
    return "computed from another subgraph's data (@requires)";
  const target = namedType(field.type);
  if (entities.has(target) && owners.get(target) !== graph)
    return `an entity of ${owners.get(target)}, returned by ${graph}`;
  return null;
}

describe("the supergraph's nullability across subgraphs", () => {
  const rows = objects.flatMap((type) =>
    (type.fields ?? []).flatMap((field) => {
      const reason = crossing(type, field);
      return reason
        ? [
            {
              coordinate: `${type.name.value}.${field.name.value}`,
              reason,
              nonNull: field.type.kind === Kind.NON_NULL_TYPE,
            },
          ]
        : [];
    }),
  );

  it("finds the fields that cross a subgraph boundary", () => {
    const coordinates = rows.map((row) => row.coordinate);
    for (const expected of [
      "Application.helpDesks",
      "Application.roles",
      "Application.requiredPolicies",
      "User.compliance",
      "Role.application",
      "Acknowledgement.user",
      "RoleGrant.status",
      "AccessRequest.blockers",
      "Query.applications",
    ]) {
      expect(coordinates).toContain(expected);
    }
    expect(coordinates).not.toContain("Application.name");
    expect(coordinates).not.toContain("User.displayName");
  });

  it("makes every one of them nullable", () => {
    expect(rows.filter((row) => row.nonNull).map((row) => `${row.coordinate}: ${row.reason}`)).toEqual([]);
  });
});
