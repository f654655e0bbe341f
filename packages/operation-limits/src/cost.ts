import {
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionNode,
} from "graphql";

/** Federation's `@listSize`: how long a list field's answer may be. */
export interface ListSize {
  assumedSize?: number;
  /** Arguments whose value (a number, or a list's length) is the size; the largest given wins. */
  slicingArguments?: string[];
  /** Fields of the returned object the size applies to (a connection's `nodes` and `edges`), not the field itself. */
  sizedFields?: string[];
  /** Values of slicing arguments a caller leaves out. */
  argumentDefaults?: Record<string, unknown>;
}

/** What the estimate needs to know of one field of one type. */
export interface FieldCostInfo {
  /** The named type the field returns. */
  type: string;
  list: boolean;
  /** The returned type has fields of its own (object, interface or union). */
  composite: boolean;
  /** The cost of one value of the field, before its children. */
  weight: number;
  /** `@cost` weights of arguments, added when the argument is given. */
  argumentWeights?: Record<string, number>;
  listSize?: ListSize;
  /** The subgraphs that can resolve the field (the gateway's model only). */
  graphs?: string[];
  /** The field needs other subgraphs' fields first (`@requires`): one more entity fetch per value. */
  requires?: boolean;
}

/** The schema facts an estimate reads; built once per schema. */
export interface CostModel {
  field(parentType: string, fieldName: string): FieldCostInfo | undefined;
  /** The name of the root type of an operation kind (`Query` for queries). */
  rootType(operation: OperationDefinitionNode["operation"]): string | undefined;
  /** The length assumed for a list with no size from its arguments or `@listSize`. */
  defaultListSize: number;
  /** What it costs to resolve one object in another subgraph than its parent's (an entity fetch). */
  entityWeight: number;
}

/**
 * Estimates what an operation costs to answer, from the schema and the request's variables. A field costs its
 * weight plus its children, times its list size; a field resolved by another subgraph than its parent adds the
 * entity weight once per parent. Fragments are estimated once per context and reused.
 */
export function estimateCost(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  model: CostModel,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const values: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (variables && name in variables) values[name] = variables[name];
    else if (definition.defaultValue) values[name] = valueFromASTUntyped(definition.defaultValue);
  }
  const memo = new Map<string, number>();
  const visiting = new Set<string>();

  function selectionsCost(
    selections: readonly SelectionNode[],
    type: string,
    graph: string | undefined,
    sized: Map<string, number> | undefined,
  ): number {
    let common = 0;
    // Fragments on a narrower type apply to some values only: the dearest of them counts, not their sum.
    const narrowed = new Map<string, number>();
    const add = (condition: string | undefined, cost: number) => {
      if (!condition || condition === type) common += cost;
      else narrowed.set(condition, (narrowed.get(condition) ?? 0) + cost);
    };
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) {
        common += fieldCost(selection, type, graph, sized?.get(selection.name.value));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        add(condition, selectionsCost(selection.selectionSet.selections, condition ?? type, graph, sized));
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) continue;
        const condition = fragment.typeCondition.name.value;
        add(condition, fragmentCost(fragment, condition, graph, sized));
      }
    }
    return common + Math.max(0, ...narrowed.values());
  }

  function fragmentCost(
    fragment: FragmentDefinitionNode,
    type: string,
    graph: string | undefined,
    sized: Map<string, number> | undefined,
  ): number {
    const key = `${fragment.name.value}|${type}|${graph ?? ""}|${sized ? JSON.stringify([...sized]) : ""}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    if (visiting.has(key)) return 0;
    visiting.add(key);
    const cost = selectionsCost(fragment.selectionSet.selections, type, graph, sized);
    visiting.delete(key);
    memo.set(key, cost);
    return cost;
  }

  function fieldCost(node: FieldNode, parentType: string, graph: string | undefined, given?: number): number {
    if (node.name.value.startsWith("__")) return 0;
    const info = model.field(parentType, node.name.value);
    if (!info) return 0;
    let fetches = info.requires ? 1 : 0;
    let next = graph;
    if (info.graphs?.length) {
      if (graph === undefined) next = info.graphs[0];
      else if (!info.graphs.includes(graph)) {
        fetches += 1;
        next = info.graphs[0];
      }
    }
    let own = info.weight;
    for (const argument of node.arguments ?? []) own += info.argumentWeights?.[argument.name.value] ?? 0;
    const size = sliceSize(node, info.listSize);
    let childSized: Map<string, number> | undefined;
    if (info.listSize?.sizedFields?.length) {
      childSized = new Map(info.listSize.sizedFields.map((name) => [name, size]));
    }
    const length = given ?? (info.list && !childSized ? size : 1);
    const children =
      info.composite && node.selectionSet
        ? selectionsCost(node.selectionSet.selections, info.type, next, childSized)
        : 0;
    return fetches * model.entityWeight + length * (own + children);
  }

  function sliceSize(node: FieldNode, listSize: ListSize | undefined): number {
    let largest: number | undefined;
    for (const name of listSize?.slicingArguments ?? []) {
      const argument = node.arguments?.find((candidate) => candidate.name.value === name);
      const value = argument ? valueFromASTUntyped(argument.value, values) : listSize?.argumentDefaults?.[name];
      const size = Array.isArray(value) ? value.length : typeof value === "number" && value >= 0 ? value : undefined;
      if (size !== undefined) largest = Math.max(largest ?? 0, size);
    }
    return largest ?? listSize?.assumedSize ?? model.defaultListSize;
  }

  const root = model.rootType(operation.operation);
  return root ? selectionsCost(operation.selectionSet.selections, root, undefined, undefined) : 0;
}
