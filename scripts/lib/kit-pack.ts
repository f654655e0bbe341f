/**
 * The subgraph kit as tarballs a project outside this repository installs: the kit and the workspace packages it
 * depends on (auth, http-kit, operation-limits, telemetry), built, then packed with `npm pack`.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const KIT_PACKAGE = "@portal-graph/subgraph-kit";

/** One packed package: its name and version, and the tarball's file name in the output folder. */
export interface PackedPackage {
  name: string;
  version: string;
  file: string;
}

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
}

const manifestOf = (root: string, name: string): Manifest =>
  JSON.parse(readFileSync(path.join(root, "packages", name.replace("@portal-graph/", ""), "package.json"), "utf8"));

/** The kit and every @portal-graph package it needs, directly or through another, dependencies first. */
export function kitPackages(root: string): string[] {
  const order: string[] = [];
  const visit = (name: string) => {
    if (order.includes(name)) return;
    for (const dependency of Object.keys(manifestOf(root, name).dependencies ?? {})) {
      if (dependency.startsWith("@portal-graph/")) visit(dependency);
    }
    order.push(name);
  };
  visit(KIT_PACKAGE);
  return order;
}

/** Builds the kit and its workspace dependencies, then packs them into `outDir`; returns what it packed. */
export function packKit(root: string, outDir: string): PackedPackage[] {
  const packages = kitPackages(root);
  const run = (args: string[]) => {
    const result = spawnSync("npm", args, { cwd: root, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`npm ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
    return result.stdout;
  };
  for (const name of packages) run(["run", "-s", "build", "-w", name]);
  mkdirSync(outDir, { recursive: true });
  const packed = JSON.parse(
    run(["pack", "--json", "--pack-destination", outDir, ...packages.flatMap((name) => ["-w", name])]),
  ) as { name: string; version: string; filename: string }[];
  return packed.map(({ name, version, filename }) => ({ name, version, file: filename }));
}
