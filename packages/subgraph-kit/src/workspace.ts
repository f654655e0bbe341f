/**
 * `@portal-graph/subgraph-kit/workspace`: the monorepo's own tooling (compose, start, seed, the scaffold, tests)
 * reads the registry and the running graph through these; a subgraph's code does not need them.
 */
export { findRepoRoot, readRegistry, registryEntry, type RegistryEntry } from "./registry.js";
export {
  readRunningGraph,
  runningGraphFile,
  withRunningGraph,
  writeRunningGraph,
  type RunningGraph,
} from "./running-graph.js";
export { duplicateClassNames, typeGraphqlClasses } from "./type-classes.js";
