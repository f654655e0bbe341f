/** Writes a new subgraph into a checkout, and takes one out again. */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import * as prettier from "prettier";
import type { RegistryEntry } from "@portal-graph/subgraph-kit/workspace";
import type { ScaffoldNames } from "./names.js";
import { packKit } from "../kit-pack.js";
import { renderStandalone, type ToolVersions } from "./standalone.js";
import { renderSubgraph } from "./templates.js";

const REGISTRY = path.join("schema", "subgraphs.json");

/** Writes every file of the new subgraph, formatted as the project formats, and adds it to the registry. */
export async function writeSubgraph(root: string, names: ScaffoldNames): Promise<string[]> {
  const files = renderSubgraph(names);
  await writeFormatted(root, root, files);
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

/** Why a project cannot be written to `out`, or null: it must be a new or empty folder. */
export function standaloneProblem(out: string): string | null {
  return existsSync(out) && readdirSync(out).length > 0 ? `${out} exists and is not empty` : null;
}

/**
 * Writes a subgraph project outside the repository: its files, formatted as this project formats, and the kit's
 * tarballs in vendor/. The repository's registry is left alone (the project joins the graph through the registry).
 */
export async function writeStandalone(root: string, out: string, names: ScaffoldNames): Promise<string[]> {
  const packs = packKit(root, path.join(out, "vendor"));
  const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    devDependencies: Record<string, string>;
  };
  const tools = Object.fromEntries(
    ["typescript", "tsx", "vitest", "@types/node"].map((name) => [name, manifest.devDependencies[name]!]),
  ) as unknown as ToolVersions;
  const files = renderStandalone(names, packs, tools);
  await writeFormatted(root, out, files);
  return [...files.keys(), ...packs.map((pack) => path.join("vendor", pack.file))];
}

/** Writes files under `base`, each formatted with this repository's Prettier settings; never over an existing file. */
async function writeFormatted(root: string, base: string, files: Map<string, string>): Promise<void> {
  const options = (await prettier.resolveConfig(path.join(root, "package.json"))) ?? {};
  for (const [relative, content] of files) {
    const file = path.join(base, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    const formatted = /\.(ts|json|md)$/.test(file)
      ? await prettier.format(content, { ...options, filepath: file })
      : content;
    writeFileSync(file, formatted, { flag: "wx" });
  }
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
