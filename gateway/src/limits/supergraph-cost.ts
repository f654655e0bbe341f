import { costModelFromSchema, type CostModel } from "@portal-graph/operation-limits";
import {
  buildASTSchema,
  Kind,
  parse,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLNamedType,
} from "graphql";

/** How the estimate prices what the supergraph does not say. */
export interface CostSettings {
  /** The length assumed for a list without `first` or `@listSize`. */
  listSize: number;
  /** The cost of resolving one object in another subgraph than its parent's. */
  entityWeight: number;
}

/**
 * The cost model of a supergraph: the subgraphs' `@cost` and `@listSize`, and which subgraph resolves each field
 * (its `@join__field`, else its type's `@join__type`), so a field its parent's subgraph cannot resolve is priced
 * as an entity fetch.
 */
export function costModelFromSupergraph(supergraphSdl: string, settings: CostSettings): CostModel {
  const document = parse(supergraphSdl);
  const schema = buildASTSchema(document, { assumeValidSDL: true });
  const join = linkedPrefix(document, "https://specs.apollo.dev/join/", "join");
  const cost = linkedPrefix(document, "https://specs.apollo.dev/cost/", "cost");
  const graphNames = new Map<string, string>();
  const graphEnum = schema.getType(`${join.prefix}__Graph`);
  for (const value of graphEnum?.astNode?.kind === Kind.ENUM_TYPE_DEFINITION ? (graphEnum.astNode.values ?? []) : []) {
    const name = argument(directive(value.directives, `${join.prefix}__graph`), "name");
    graphNames.set(value.name.value, typeof name === "string" ? name : value.name.value);
  }
  const graphOf = (node: ConstDirectiveNode) => {
    const graph = argument(node, "graph");
    return typeof graph === "string" ? (graphNames.get(graph) ?? graph) : undefined;
  };
  const typeGraphs = (type: GraphQLNamedType) =>
    [type.astNode, ...type.extensionASTNodes]
      .flatMap((node) => node?.directives ?? [])
      .filter((node) => node.name.value === `${join.prefix}__type`)
      .map(graphOf)
      .filter((graph): graph is string => graph !== undefined);

  return costModelFromSchema(schema, {
    defaultListSize: settings.listSize,
    entityWeight: settings.entityWeight,
    directiveNames: { cost: cost.prefix, listSize: cost.imported("listSize") },
    resolution(typeName, field) {
      const joins = (field.astNode?.directives ?? []).filter((node) => node.name.value === `${join.prefix}__field`);
      const resolving = joins.filter((node) => argument(node, "external") !== true && graphOf(node) !== undefined);
      if (resolving.length === 0) {
        const type = schema.getType(typeName);
        return type ? { graphs: typeGraphs(type), requires: false } : undefined;
      }
      return {
        graphs: resolving.map((node) => graphOf(node)!),
        requires: resolving.some((node) => argument(node, "requires") !== undefined),
      };
    },
  });
}

/**
 * How a core schema names a linked spec's directives: its `as:` (or the spec's own name) is the prefix, the
 * directive named like the spec is the prefix itself, and `import:` brings other names in unprefixed.
 */
function linkedPrefix(document: DocumentNode, urlPrefix: string, specName: string) {
  let prefix = specName;
  const imports = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of definition.directives ?? []) {
      const url = argument(link, "url");
      if (link.name.value !== "link" || typeof url !== "string" || !url.startsWith(urlPrefix)) continue;
      const as = argument(link, "as");
      if (typeof as === "string") prefix = as;
      for (const entry of (argument(link, "import") as unknown[] | undefined) ?? []) {
        const [name, alias] =
          typeof entry === "string"
            ? [entry, entry]
            : [(entry as { name: string }).name, (entry as { as?: string }).as];
        imports.set(name.replace(/^@/, ""), (alias ?? name).replace(/^@/, ""));
      }
    }
  }
  return { prefix, imported: (name: string) => imports.get(name) ?? `${prefix}__${name}` };
}

function directive(directives: readonly ConstDirectiveNode[] | undefined, name: string) {
  return directives?.find((node) => node.name.value === name);
}

function argument(node: ConstDirectiveNode | undefined, name: string): unknown {
  const value = node?.arguments?.find((candidate) => candidate.name.value === name)?.value;
  return value === undefined ? undefined : valueFromASTUntyped(value);
}
