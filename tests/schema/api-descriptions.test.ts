/**
 * Every element of the API schema a client sees (schema/api.graphql) says what it is: types, fields, arguments,
 * input fields and enum values. The IDE's docs pane and generated client types show these descriptions, so a
 * missing one is a gap in the documentation UI developers read. The test names each element lacking one.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { findRepoRoot } from "@portal-graph/subgraph-kit/workspace";
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from "graphql";
import { describe, expect, it } from "vitest";

/** The schema coordinates (`Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`) that have no description. */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (coordinate: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(coordinate);
  };
  const roots = new Set([schema.getQueryType(), schema.getMutationType()].filter(Boolean));
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    // The root types are containers; their fields carry the meaning.
    if (!roots.has(type as never)) check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name}:)`, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
  }
  return missing;
}

describe("schema/api.graphql", () => {
  const schema = buildSchema(readFileSync(path.join(findRepoRoot(), "schema", "api.graphql"), "utf8"));

  it("describes every type, field, argument, input field and enum value", () => {
    expect(undescribed(schema)).toEqual([]);
  });

  it("is the API schema: no federation machinery", () => {
    const names = Object.keys(schema.getTypeMap());
    expect(names.filter((name) => /^(join|link)__/.test(name) || name === "_Service" || name === "_Entity")).toEqual(
      [],
    );
    expect(schema.getDirectives().map((directive) => directive.name)).not.toContain("inaccessible");
  });
});
