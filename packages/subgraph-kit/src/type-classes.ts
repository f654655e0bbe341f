import { getMetadataStorage } from "type-graphql";

/**
 * type-graphql keeps one metadata store per process, and compose, the scaffold's checks and tests that plan across
 * subgraphs load several subgraphs into one. Two of their classes with one name then surprise (a field lands on the
 * wrong type, a schema will not build), so compose refuses them, naming both places. The kit's own factories make
 * a class per subgraph on purpose (each subgraph's UserError): those are marked and left out.
 */
const kitMade = new WeakSet<object>();

/** Marks a class a kit factory makes once per subgraph under one name. */
export function markKitMade(target: object): void {
  kitMade.add(target);
}

/** Every class type-graphql knows so far (object, input, argument and interface types, resolvers), kit-made ones left out. */
export function typeGraphqlClasses(): Set<object> {
  const storage = getMetadataStorage();
  const classes = new Set<object>();
  for (const list of [
    storage.objectTypes,
    storage.inputTypes,
    storage.argumentTypes,
    storage.interfaceTypes,
    storage.resolverClasses,
  ]) {
    for (const { target } of list) if (!kitMade.has(target)) classes.add(target);
  }
  return classes;
}

/** Class names declared by more than one owner (subgraph), with the owners. */
export function duplicateClassNames(owners: Map<string, Set<object>>): { className: string; owners: string[] }[] {
  const byName = new Map<string, Set<string>>();
  for (const [owner, classes] of owners) {
    for (const target of classes) {
      const name = (target as { name: string }).name;
      if (!byName.has(name)) byName.set(name, new Set());
      byName.get(name)!.add(owner);
    }
  }
  return [...byName]
    .filter(([, names]) => names.size > 1)
    .map(([className, names]) => ({ className, owners: [...names] }));
}
