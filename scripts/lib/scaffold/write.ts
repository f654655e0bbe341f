/** Writes a new subgraph into a checkout, and takes one out again. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as prettier from "prettier";
import type { RegistryEntry } from "@portal-graph/subgraph-kit/workspace";
import type { ScaffoldNames } from "./names.js";
import { renderSubgraph } from "./templates.js";

const REGISTRY = path.join("schema", "subgraphs.json");

/** Writes every file of the new subgraph, formatted as the project formats, and adds it to the registry. */
export async function writeSubgraph(root: string, names: ScaffoldNames): Promise<string[]> {
  const files = renderSubgraph(names);
  for (const [relative, content] of files) {
    const file = path.join(root, relative);
    const options = (await prettier.resolveConfig(file)) ?? {};
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, await prettier.format(content, { ...options, filepath: file }), { flag: "wx" });
  }
  updateRegistry(root, (subgraphs) => [
    ...subgraphs,
    {
      name: names.subgraph,
      package: names.packageName,
      port: names.port,
      routingUrl: `http://localhost:${names.port}/graphql`,
    },
  ]);
  return [...files.keys(), REGISTRY];
}

/** Takes a subgraph out: its workspace, its end-to-end test, its committed SDL and its registry entry. */
export function removeSubgraph(root: string, name: string): string[] {
  const removed = [
    path.join("subgraphs", name),
    path.join("tests", "e2e", `${name}.e2e.test.ts`),
    path.join("schema", "subgraphs", `${name}.graphql`),
  ];
  for (const relative of removed) rmSync(path.join(root, relative), { recursive: true, force: true });
  updateRegistry(root, (subgraphs) => subgraphs.filter((entry) => entry.name !== name));
  return [...removed, REGISTRY];
}

function updateRegistry(root: string, change: (subgraphs: RegistryEntry[]) => RegistryEntry[]): void {
  const file = path.join(root, REGISTRY);
  const registry = JSON.parse(readFileSync(file, "utf8")) as { subgraphs: RegistryEntry[] };
  registry.subgraphs = change(registry.subgraphs);
  writeFileSync(file, `${JSON.stringify(registry, null, 2)}\n`);
}
