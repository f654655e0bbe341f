/**
 * What a cached answer holds, as the tags a subgraph's write report names (docs/adr/0006): the response cache files
 * each answer under them, and a reported write evicts only the answers filed under what it changed.
 *
 * An answer is filed under
 * - `Type:id` for each entity it holds whose id it selected (`Application:pecos-ai`);
 * - `Type[]` where its membership of Type could change: a list of Type, a Type that was null or absent, a Type
 *   whose id it did not select, or an object that is not an entity (a connection, say) from which a Type can be
 *   reached, since it may summarise Types it does not list (`totalCount`);
 * - `Type` for every entity type it holds at all.
 * An entity type is an object type with an `id: ID!` field, as every entity of the graph has.
 *
 * A write reported as `Type:id` evicts the answers filed under `Type:id` or `Type[]`; a bare `Type` evicts every
 * answer holding a Type.
 */
import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/** The index names an answer is filed under: see the module's comment. */
export function answerTags(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  data: Record<string, unknown>,
): string[] {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName),
  );
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return [];
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const tags = new Set<string>();
  const walker = { schema, fragments, tags };
  visitObject(walker, root, operation.selectionSet, data);
  return [...tags];
}

/** The index names a reported change evicts. */
export function evictedTags(change: string): string[] {
  const colon = change.indexOf(":");
  return colon < 0 ? [change] : [change, `${change.slice(0, colon)}[]`];
}

interface Walker {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  tags: Set<string>;
}

// The entity types reachable from a type that is not an entity through others that are not, per schema and type.
const reachable = new WeakMap<GraphQLSchema, Map<string, GraphQLObjectType[]>>();

function reachableEntities(schema: GraphQLSchema, start: GraphQLObjectType): GraphQLObjectType[] {
  let bySchema = reachable.get(schema);
  if (!bySchema) reachable.set(schema, (bySchema = new Map()));
  const known = bySchema.get(start.name);
  if (known) return known;
  const found = new Set<GraphQLObjectType>();
  const seen = new Set<string>([start.name]);
  const pending: GraphQLObjectType[] = [start];
  while (pending.length > 0) {
    for (const field of Object.values(pending.pop()!.getFields())) {
      const named = getNamedType(field.type);
      if (!isCompositeType(named)) continue;
      for (const type of isAbstractType(named) ? schema.getPossibleTypes(named) : [named]) {
        if (seen.has(type.name)) continue;
        seen.add(type.name);
        if (isEntityType(type)) found.add(type);
        else pending.push(type);
      }
    }
  }
  const entities = [...found];
  bySchema.set(start.name, entities);
  return entities;
}

function isEntityType(type: GraphQLObjectType): boolean {
  const id = type.getFields()["id"]?.type;
  return !!id && isNonNullType(id) && isScalarType(id.ofType) && id.ofType.name === "ID";
}

/** The entity types a value of this type may be. */
function entityTypesOf(walker: Walker, type: GraphQLCompositeType): GraphQLObjectType[] {
  const possible = isAbstractType(type) ? walker.schema.getPossibleTypes(type) : [type];
  return possible.filter(isEntityType);
}

/** Files under `Type[]` and `Type` each entity type a value of this type may be: its membership may change. */
function tagMembership(walker: Walker, type: GraphQLCompositeType): void {
  for (const entity of entityTypesOf(walker, type)) {
    walker.tags.add(`${entity.name}[]`);
    walker.tags.add(entity.name);
  }
}

function visitValue(walker: Walker, type: GraphQLOutputType, selectionSet: SelectionSetNode, value: unknown): void {
  const named = getNamedType(type);
  if (!isCompositeType(named)) return;
  const nullable = getNullableType(type);
  if (value == null) {
    tagMembership(walker, named);
    return;
  }
  if (isListType(nullable)) {
    tagMembership(walker, named);
    if (Array.isArray(value)) for (const item of value) visitValue(walker, nullable.ofType, selectionSet, item);
    return;
  }
  if (typeof value !== "object") return;
  const object = value as Record<string, unknown>;
  // The concrete type: the field's own, or the answer's __typename; unknown for an abstract type without it.
  const typename = object["__typename"];
  const concrete = isObjectType(named)
    ? named
    : typeof typename === "string"
      ? walker.schema.getType(typename)
      : undefined;
  if (!concrete || !isObjectType(concrete)) {
    tagMembership(walker, named);
    visitObject(walker, named, selectionSet, object);
    return;
  }
  const ids = visitObject(walker, concrete, selectionSet, object);
  if (!isEntityType(concrete)) {
    for (const entity of reachableEntities(walker.schema, concrete)) tagMembership(walker, entity);
    return;
  }
  walker.tags.add(concrete.name);
  if (ids.size === 0) walker.tags.add(`${concrete.name}[]`);
  for (const id of ids) walker.tags.add(`${concrete.name}:${id}`);
}

/** Visits an object's selections; returns the ids it selected. */
function visitObject(
  walker: Walker,
  type: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  object: Record<string, unknown>,
): Set<string> {
  const ids = new Set<string>();
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      if (!(key in object) || selection.name.value.startsWith("__")) continue;
      const field = isUnionType(type) ? undefined : type.getFields()[selection.name.value];
      if (!field) continue;
      if (selection.name.value === "id" && typeof object[key] === "string") ids.add(object[key]);
      if (selection.selectionSet) visitValue(walker, field.type, selection.selectionSet, object[key]);
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : walker.fragments.get(selection.name.value);
    if (!fragment) continue;
    const condition = fragment.typeCondition ? walker.schema.getType(fragment.typeCondition.name.value) : type;
    if (!condition || !isCompositeType(condition)) continue;
    // On a known object type, a fragment for another type selected nothing here.
    if (
      isObjectType(type) &&
      condition !== type &&
      !(isAbstractType(condition) && walker.schema.isSubType(condition, type))
    )
      continue;
    for (const id of visitObject(walker, isObjectType(type) ? type : condition, fragment.selectionSet, object))
      ids.add(id);
  }
  return ids;
}
