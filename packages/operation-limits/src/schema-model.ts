import {
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from "graphql";
import type { CostModel, FieldCostInfo, ListSize } from "./cost.js";

/** How a schema's fields are resolved across subgraphs; the gateway reads it from the supergraph's join directives. */
export type FieldResolution = (
  typeName: string,
  field: GraphQLField<unknown, unknown>,
) => { graphs: string[]; requires: boolean } | undefined;

export interface SchemaCostOptions {
  defaultListSize: number;
  entityWeight: number;
  /** The names the cost directives carry in this schema (a supergraph may rename them); default `cost`, `listSize`. */
  directiveNames?: { cost: string; listSize: string };
  resolution?: FieldResolution;
  /** Sizes for fields the schema cannot declare them on, by `Type.field` (a subgraph's `Query._entities`). */
  listSizes?: Record<string, ListSize>;
}

// Apollo's demand control prices a mutation's root field at 10: writes are dearer than reads.
const MUTATION_WEIGHT = 10;

/**
 * A cost model over a schema: `@cost(weight:)` on fields, arguments and types, `@listSize` on fields, and where a
 * field has no `@listSize` but a `first` argument, `first` slices it (or, on a connection, its `nodes` and `edges`).
 * Objects cost 1 and leaves 0 unless `@cost` says otherwise.
 */
export function costModelFromSchema(schema: GraphQLSchema, options: SchemaCostOptions): CostModel {
  const names = options.directiveNames ?? { cost: "cost", listSize: "listSize" };
  const cache = new Map<string, FieldCostInfo | undefined>();
  const mutationType = schema.getMutationType()?.name;

  function costOf(directives: readonly ConstDirectiveNode[] | undefined): number | undefined {
    const weight = argumentsOf(directives, names.cost)?.weight;
    return typeof weight === "number" ? weight : undefined;
  }

  function typeCost(type: GraphQLNamedType): number | undefined {
    for (const node of [type.astNode, ...(type.extensionASTNodes ?? [])]) {
      const weight = costOf(node?.directives);
      if (weight !== undefined) return weight;
    }
    return undefined;
  }

  function build(typeName: string, fieldName: string): FieldCostInfo | undefined {
    const parent = schema.getType(typeName);
    if (!isObjectType(parent) && !isInterfaceType(parent)) return undefined;
    const field = parent.getFields()[fieldName];
    if (!field) return undefined;
    const named = getNamedType(field.type);
    const composite = isCompositeType(named);
    const fieldWeight = costOf(field.astNode?.directives);
    const rootWrite = typeName === mutationType ? MUTATION_WEIGHT : undefined;
    const argumentWeights: Record<string, number> = {};
    for (const argument of field.args) {
      const weight = costOf(argument.astNode?.directives);
      if (weight !== undefined) argumentWeights[argument.name] = weight;
    }
    const resolution = options.resolution?.(typeName, field);
    return {
      type: named.name,
      list: isList(field.type),
      composite,
      weight: fieldWeight ?? rootWrite ?? typeCost(named) ?? (composite ? 1 : 0),
      argumentWeights,
      listSize: options.listSizes?.[`${typeName}.${fieldName}`] ?? listSizeOf(field, names.listSize),
      graphs: resolution?.graphs,
      requires: resolution?.requires,
    };
  }

  return {
    defaultListSize: options.defaultListSize,
    entityWeight: options.entityWeight,
    rootType: (operation) =>
      (operation === "query"
        ? schema.getQueryType()
        : operation === "mutation"
          ? schema.getMutationType()
          : schema.getSubscriptionType()
      )?.name,
    field(typeName, fieldName) {
      const key = `${typeName}.${fieldName}`;
      if (!cache.has(key)) cache.set(key, build(typeName, fieldName));
      return cache.get(key);
    },
  };
}

function listSizeOf(field: GraphQLField<unknown, unknown>, directiveName: string): ListSize | undefined {
  const declared = argumentsOf(field.astNode?.directives, directiveName);
  const argumentDefaults: Record<string, unknown> = {};
  for (const argument of field.args) {
    if (argument.defaultValue !== undefined) argumentDefaults[argument.name] = argument.defaultValue;
  }
  if (declared) {
    return {
      assumedSize: typeof declared.assumedSize === "number" ? declared.assumedSize : undefined,
      slicingArguments: strings(declared.slicingArguments),
      sizedFields: strings(declared.sizedFields),
      argumentDefaults,
    };
  }
  if (!field.args.some((argument) => argument.name === "first")) return undefined;
  // A connection: `first` sizes its lists (nodes, edges), not the connection object itself.
  const named = getNamedType(field.type);
  const sizedFields =
    !isList(field.type) && isObjectType(named)
      ? Object.values(named.getFields())
          .filter((child) => isList(child.type))
          .map((child) => child.name)
      : undefined;
  return { slicingArguments: ["first"], sizedFields, argumentDefaults };
}

function argumentsOf(
  directives: readonly ConstDirectiveNode[] | undefined,
  name: string,
): Record<string, unknown> | undefined {
  const directive = directives?.find((candidate) => candidate.name.value === name);
  if (!directive) return undefined;
  return Object.fromEntries(
    (directive.arguments ?? []).map((argument) => [argument.name.value, valueFromASTUntyped(argument.value)]),
  );
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : undefined;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}
