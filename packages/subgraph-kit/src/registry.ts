import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** One subgraph as schema/subgraphs.json lists it. */
export interface RegistryEntry {
  name: string;
  package: string;
  port: number;
  routingUrl: string;
  /** The owning team and how to reach it, as the schema registry records them. */
  owner?: string;
  contact?: string;
}

/** The repository root: the nearest folder above `from` holding schema/subgraphs.json. */
export function findRepoRoot(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "schema", "subgraphs.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`schema/subgraphs.json not found above ${from}`);
  }
}

/** Every subgraph in the registry, in its order. */
export function readRegistry(root = findRepoRoot()): RegistryEntry[] {
  const file = path.join(root, "schema", "subgraphs.json");
  const { subgraphs } = JSON.parse(readFileSync(file, "utf8")) as { subgraphs: RegistryEntry[] };
  return subgraphs;
}

/** The registry entry for one subgraph; a name not in the registry is a start error. */
export function registryEntry(name: string, root?: string): RegistryEntry {
  const entry = readRegistry(root).find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`subgraph "${name}" is not in schema/subgraphs.json`);
  return entry;
}
