/**
 * The response cache's safety rule, checked on every subgraph's committed SDL: a field that answers for the viewer
 * (`me`, `viewer*`) never takes a public hint. A scalar takes its parent type's hint, so on a type a subgraph marks
 * public such a field must say PRIVATE itself, or one user's answer could be kept and served to another.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { findRepoRoot } from "@portal-graph/subgraph-kit/workspace";
import { Kind, parse, type ConstDirectiveNode, type ObjectTypeDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";

const dir = path.join(findRepoRoot(), "schema", "subgraphs");
const subgraphs = readdirSync(dir)
  .filter((file) => file.endsWith(".graphql"))
  .map((file) => ({
    name: file.replace(/\.graphql$/, ""),
    document: parse(readFileSync(path.join(dir, file), "utf8")),
  }));

interface Hint {
  maxAge?: number;
  scope?: string;
  inheritMaxAge?: boolean;
}

function hintOf(directives: readonly ConstDirectiveNode[] | undefined): Hint | null {
  const directive = directives?.find((candidate) => candidate.name.value === "cacheControl");
  if (!directive) return null;
  const hint: Hint = {};
  for (const arg of directive.arguments ?? []) {
    if (arg.value.kind === Kind.INT) hint.maxAge = Number(arg.value.value);
    if (arg.value.kind === Kind.ENUM) hint.scope = arg.value.value;
    if (arg.value.kind === Kind.BOOLEAN) hint.inheritMaxAge = arg.value.value;
  }
  return hint;
}

const isViewerField = (name: string) => name === "me" || /^viewer[A-Z]/.test(name);

describe("cache hints in the subgraphs", () => {
  it("finds public types to check (the rule below is not vacuous)", () => {
    const publicTypes = subgraphs.flatMap(({ document }) =>
      document.definitions.filter(
        (definition) =>
          definition.kind === Kind.OBJECT_TYPE_DEFINITION && (hintOf(definition.directives)?.maxAge ?? 0) > 0,
      ),
    );
    expect(publicTypes.length).toBeGreaterThan(3);
  });

  it("marks every viewer field of a public type PRIVATE with max-age 0, and never hints one public", () => {
    const wrong: string[] = [];
    for (const { name, document } of subgraphs) {
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
        const type = definition as ObjectTypeDefinitionNode;
        const typeHint = hintOf(type.directives);
        for (const field of type.fields ?? []) {
          if (!isViewerField(field.name.value)) continue;
          // A field another subgraph resolves is checked there.
          if (field.directives?.some((directive) => directive.name.value === "external")) continue;
          const hint = hintOf(field.directives);
          const where = `${name}: ${type.name.value}.${field.name.value}`;
          if (hint && ((hint.maxAge ?? 0) > 0 || hint.scope === "PUBLIC" || hint.inheritMaxAge)) wrong.push(where);
          else if ((typeHint?.maxAge ?? 0) > 0 && !(hint?.maxAge === 0 && hint.scope === "PRIVATE")) wrong.push(where);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
