/**
 * Prints each registered subgraph's SDL from its code into schema/subgraphs/<name>.graphql, composes them into
 * schema/supergraph.graphql, prints the API schema clients see into schema/api.graphql, and writes docs/errors.md from
 * the error registries (the request error codes and each subgraph's UserErrorCode). With --check it does the same in memory and fails on drift or composition errors.
 */
import "reflect-metadata";
import { readdirSync, readFileSync } from "node:fs";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { composeServices } from "@apollo/composition";
import { Supergraph } from "@apollo/federation-internals";
import { graphql, parse, printSchema } from "graphql";
import { REQUEST_ERROR_CODES } from "@portal-graph/http-kit/error-codes";
import type { SubgraphDefinition } from "@portal-graph/subgraph-kit";
import {
  duplicateClassNames,
  findRepoRoot,
  readRegistry,
  typeGraphqlClasses,
} from "@portal-graph/subgraph-kit/workspace";
import { renderErrorDocs, USER_ERROR_ENUM } from "./lib/error-docs.js";

const check = process.argv.includes("--check");
const root = findRepoRoot();

async function subgraphSdl(packageName: string): Promise<string> {
  const { subgraph } = (await import(packageName)) as { subgraph: SubgraphDefinition };
  const schema = await subgraph.buildSchema();
  const result = await graphql({ schema, source: "{ _service { sdl } }" });
  if (result.errors?.length) throw new Error(`${packageName}: ${result.errors.map((e) => e.message).join("; ")}`);
  return (result.data as { _service: { sdl: string } })._service.sdl.trim() + "\n";
}

async function readOrEmpty(file: string): Promise<string> {
  return readFile(file, "utf8").catch(() => "");
}

/** Where a subgraph declares a class: its source files holding `class <name>`. */
function declaredIn(subgraph: string, className: string): string[] {
  const dir = path.join(root, "subgraphs", subgraph, "src");
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts"));
  return files
    .filter((file) => new RegExp(`\\bclass ${className}\\b`).test(readFileSync(path.join(dir, file), "utf8")))
    .map((file) => path.join("subgraphs", subgraph, "src", file));
}

const registry = readRegistry(root);
const outputs = new Map<string, string>();
const services = [];
const sdls = [];
// The type-graphql classes each subgraph brings into this process, to refuse one name declared twice.
const classesOf = new Map<string, Set<object>>();
let known = typeGraphqlClasses();
for (const entry of registry) {
  const sdl = await subgraphSdl(entry.package);
  const now = typeGraphqlClasses();
  classesOf.set(entry.name, new Set([...now].filter((target) => !known.has(target))));
  known = now;
  outputs.set(path.join(root, "schema", "subgraphs", `${entry.name}.graphql`), sdl);
  services.push({ name: entry.name, typeDefs: parse(sdl), url: entry.routingUrl });
  sdls.push({ name: entry.name, sdl });
}

const duplicates = duplicateClassNames(classesOf);
if (duplicates.length > 0) {
  console.error("type-graphql classes with one name in several subgraphs (its metadata is one per process):");
  for (const { className, owners } of duplicates) {
    const places = owners.flatMap((owner) => declaredIn(owner, className)).join(", ");
    console.error(
      `  - class ${className}: ${owners.join(" and ")} (${places}); rename one (the GraphQL name may stay)`,
    );
  }
  process.exit(1);
}

const composed = composeServices(services);
if (composed.errors) {
  console.error("composition failed:");
  for (const error of composed.errors) console.error(`  - ${error.message}`);
  process.exit(1);
}
// Each subgraph's UserErrorCode holds the kit's shared codes and its own: Federation composes an output-only enum as
// the union of the values, and hints once per value a subgraph lacks. That is the design, so it is said once.
const ownCodes = (hint: { definition: { code: string }; coordinate?: string }) =>
  hint.definition.code === "INCONSISTENT_ENUM_VALUE_FOR_OUTPUT_ENUM" &&
  hint.coordinate?.startsWith(`${USER_ERROR_ENUM}.`);
// The kit defines @cacheControl's CacheControlScope enum in every subgraph for the directive alone (ADR 0006): no
// field uses it, by design.
const cacheScope = (hint: { definition: { code: string }; coordinate?: string }) =>
  hint.definition.code === "UNUSED_ENUM_TYPE" && hint.coordinate === "CacheControlScope";
const hints = (composed.hints ?? []).filter((hint) => !cacheScope(hint));
for (const hint of hints.filter((hint) => !ownCodes(hint)))
  console.warn(`hint: ${hint.definition.code}: ${hint.message}`);
const own = hints.filter(ownCodes).length;
if (own)
  console.log(`${USER_ERROR_ENUM}: ${own} value(s) are not in every subgraph's enum; the supergraph has the union`);
outputs.set(path.join(root, "schema", "supergraph.graphql"), composed.supergraphSdl.trim() + "\n");
// What clients see: no join__/link__ machinery, no @inaccessible elements; what UI developers and their codegen read.
const api = Supergraph.build(composed.supergraphSdl).apiSchema().toGraphQLJSSchema();
outputs.set(path.join(root, "schema", "api.graphql"), printSchema(api).trim() + "\n");
outputs.set(path.join(root, "docs", "errors.md"), renderErrorDocs(REQUEST_ERROR_CODES, sdls));

let drift = 0;
for (const [file, text] of outputs) {
  const relative = path.relative(root, file);
  const committed = await readOrEmpty(file);
  if (committed === text) continue;
  if (check) {
    drift += 1;
    console.error(`${relative} does not match the code${committed ? "" : " (missing)"}:`);
    printDiff(committed, text);
  } else {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
    console.log(`wrote ${relative}`);
  }
}
if (drift) {
  console.error(`\n${drift} generated file(s) out of date: run \`npm run schema:compose\` and commit the result.`);
  process.exit(1);
}
console.log(
  check
    ? "schema and docs/errors.md are up to date"
    : `composed ${registry.length} subgraph(s) into schema/supergraph.graphql`,
);

/** A short line diff: what the committed file has that the code does not (-), and the reverse (+). */
function printDiff(before: string, after: string): void {
  const old = new Set(before.split("\n"));
  const next = new Set(after.split("\n"));
  const removed = [...old].filter((line) => line.trim() && !next.has(line));
  const added = [...next].filter((line) => line.trim() && !old.has(line));
  for (const line of removed.slice(0, 20)) console.error(`  - ${line}`);
  for (const line of added.slice(0, 20)) console.error(`  + ${line}`);
  if (removed.length + added.length > 40) console.error(`  ... and ${removed.length + added.length - 40} more`);
}
