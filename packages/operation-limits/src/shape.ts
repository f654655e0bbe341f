import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/** What an operation looks like, independent of its variables: the inputs of the structural limits. */
export interface OperationShape {
  /** Fields on the longest path from the root (a root field is 1); introspection and `__typename` excluded. */
  depth: number;
  /** Aliased fields, counted once per place they are used (a fragment spread twice counts twice). */
  aliases: number;
  /** Fields selected at the root, fragments expanded. */
  rootFields: number;
  /** The most directives on any one field, fragment spread, inline fragment or the operation itself. */
  directives: number;
}

interface SetShape {
  depth: number;
  aliases: number;
  fields: number;
  directives: number;
}

const EMPTY: SetShape = { depth: 0, aliases: 0, fields: 0, directives: 0 };

// Introspection is bounded by graphql-js's own MaxIntrospectionDepthRule, and the gateway answers it itself: its
// nesting (`ofType { ofType { ... } }` in every IDE's query) is not counted against the operation's depth.
const INTROSPECTION_ROOTS = new Set(["__schema", "__type"]);

/**
 * Measures an operation. Each fragment is measured once and reused, so a document that spreads fragments into
 * each other (a "fragment bomb") is measured in time linear in its size, while its counts grow as its expansion does.
 */
export function measureShape(document: DocumentNode, operation: OperationDefinitionNode): OperationShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, SetShape>();
  const visiting = new Set<string>();

  function fragmentShape(name: string): SetShape {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    // Validation refuses unknown fragments and cycles before this runs; stay finite regardless.
    if (!fragment || visiting.has(name)) return EMPTY;
    visiting.add(name);
    const shape = setShape(fragment.selectionSet);
    visiting.delete(name);
    const withOwn = { ...shape, directives: Math.max(shape.directives, fragment.directives?.length ?? 0) };
    measured.set(name, withOwn);
    return withOwn;
  }

  function setShape(selectionSet: SelectionSetNode): SetShape {
    const total: SetShape = { depth: 0, aliases: 0, fields: 0, directives: 0 };
    for (const selection of selectionSet.selections) {
      const own = selection.directives?.length ?? 0;
      let inner: SetShape;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const counted = !name.startsWith("__");
        const children =
          selection.selectionSet && !INTROSPECTION_ROOTS.has(name) ? setShape(selection.selectionSet) : EMPTY;
        inner = {
          depth: counted ? children.depth + 1 : 0,
          aliases: children.aliases + (selection.alias ? 1 : 0),
          fields: 1,
          directives: children.directives,
        };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = setShape(selection.selectionSet);
      } else {
        inner = fragmentShape(selection.name.value);
      }
      total.depth = Math.max(total.depth, inner.depth);
      total.aliases += inner.aliases;
      total.fields += inner.fields;
      total.directives = Math.max(total.directives, inner.directives, own);
    }
    return total;
  }

  const root = setShape(operation.selectionSet);
  return {
    depth: root.depth,
    aliases: root.aliases,
    rootFields: root.fields,
    directives: Math.max(root.directives, operation.directives?.length ?? 0),
  };
}
