/**
 * `npm run remove:subgraph -- <name>`: takes a subgraph out of the graph (its workspace, end-to-end test, committed
 * SDL and registry entry), then reinstalls and composes. Refused when the rest would not compose without it.
 */
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { findRepoRoot, readRegistry } from "@portal-graph/subgraph-kit/workspace";
import { removeSubgraph } from "./lib/scaffold/write.js";

const USAGE = `usage: npm run remove:subgraph -- <name> [--no-install]

  --no-install  change the files only (then: npm install && npm run schema:compose)`;

const args = process.argv.slice(2);
const install = !args.includes("--no-install");
const name = args.find((arg) => !arg.startsWith("-"));
if (args.includes("--help") || args.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}
if (!name || args.some((arg) => arg.startsWith("-") && arg !== "--no-install")) {
  console.error(USAGE);
  process.exit(2);
}
const root = findRepoRoot();
const registry = readRegistry(root);
if (!registry.some((entry) => entry.name === name)) {
  console.error(`no subgraph named "${name}" (there are ${registry.map((entry) => entry.name).join(", ")})`);
  process.exit(1);
}

// The rest must compose on their own: another subgraph may use a type only this one defines.
const rest = registry
  .filter((entry) => entry.name !== name)
  .map((entry) => ({
    name: entry.name,
    url: entry.routingUrl,
    typeDefs: parse(readFileSync(path.join(root, "schema", "subgraphs", `${entry.name}.graphql`), "utf8")),
  }));
const composed = composeServices(rest);
if (composed.errors) {
  console.error(`Nothing was removed: the other subgraphs do not compose without ${name}:`);
  for (const error of composed.errors) console.error(`  - ${error.message}`);
  process.exit(1);
}

const removed = removeSubgraph(root, name);
console.log(`Removed:\n${removed.map((file) => `  ${file}`).join("\n")}`);
if (install) {
  for (const [command, commandArgs] of [
    ["npm", ["install", "--no-audit", "--no-fund"]],
    ["npm", ["run", "-s", "schema:compose"]],
  ] as const) {
    console.log(`\n$ ${command} ${commandArgs.join(" ")}`);
    if (spawnSync(command, commandArgs, { cwd: root, stdio: "inherit" }).status !== 0) process.exit(1);
  }
}
console.log(`\n${name} is out of the graph; commit the change (git add -A).`);
