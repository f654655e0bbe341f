import { Kind, parse, type DocumentNode, type SelectionSetNode } from "graphql";

/**
 * Report fields: `@inaccessible` and nullable fields of the supergraph. Clients never see them; a subgraph declares
 * one only for another subgraph to `@requires` (docs/adr/0004), and its consumer reads null as "the owner did not
 * answer". When a fetch of such fields fails, the gateway hands the consumer that null instead of skipping it, so
 * the consumer can still answer, saying what it could not check.
 */
export type ReportFields = ReadonlyMap<string, ReadonlySet<string>>;

/** The report fields of a supergraph, by type name. */
export function reportFieldsOf(supergraphSdl: string): ReportFields {
  const fields = new Map<string, Set<string>>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of definition.fields ?? []) {
      const inaccessible = field.directives?.some((directive) => directive.name.value === "inaccessible");
      if (!inaccessible || field.type.kind === Kind.NON_NULL_TYPE) continue;
      const names = fields.get(definition.name.value) ?? new Set<string>();
      fields.set(definition.name.value, names.add(field.name.value));
    }
  }
  return fields;
}

type Representation = { __typename?: unknown } | null | undefined;

/**
 * What a failed `_entities` fetch gives each entity: null for each report field it asked of that entity's type (and
 * its __typename), or null when it asked none. Undefined when the fetch asked no report field at all, so every other
 * failed fetch stays as it was: no data.
 */
export function reportPlaceholders(
  document: DocumentNode | undefined,
  representations: unknown,
  reportFields: ReportFields,
): { _entities: (Record<string, unknown> | null)[] } | undefined {
  if (!document || !Array.isArray(representations) || reportFields.size === 0) return undefined;
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (operation?.kind !== Kind.OPERATION_DEFINITION) return undefined;
  const entities = operation.selectionSet.selections.find(
    (selection) => selection.kind === Kind.FIELD && selection.name.value === "_entities",
  );
  if (entities?.kind !== Kind.FIELD || !entities.selectionSet) return undefined;
  const byType = requestedReports(entities.selectionSet, reportFields);
  if (byType.size === 0) return undefined;
  return {
    _entities: (representations as Representation[]).map((representation) => {
      const typeName = typeof representation?.__typename === "string" ? representation.__typename : "";
      const keys = byType.get(typeName);
      if (!keys) return null;
      return Object.fromEntries([["__typename", typeName], ...keys.map((key) => [key, null])]);
    }),
  };
}

/** The response keys of report fields asked in each `... on Type` fragment of an `_entities` selection. */
function requestedReports(selectionSet: SelectionSetNode, reportFields: ReportFields): Map<string, string[]> {
  const byType = new Map<string, string[]>();
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.INLINE_FRAGMENT || !selection.typeCondition) continue;
    const typeName = selection.typeCondition.name.value;
    const reports = reportFields.get(typeName);
    if (!reports) continue;
    const keys = selection.selectionSet.selections.flatMap((field) =>
      field.kind === Kind.FIELD && reports.has(field.name.value) ? [field.alias?.value ?? field.name.value] : [],
    );
    if (keys.length > 0) byType.set(typeName, [...(byType.get(typeName) ?? []), ...keys]);
  }
  return byType;
}
