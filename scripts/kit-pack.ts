/**
 * `npm run kit:pack -- [--out <dir>]`: the subgraph kit and the workspace packages it depends on as npm tarballs
 * (default folder: dist-packages/), for a subgraph in another repository (`npm run new:subgraph -- <name> --out`).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { findRepoRoot } from "@portal-graph/subgraph-kit/workspace";
import { packKit } from "./lib/kit-pack.js";

const { values } = parseArgs({ options: { out: { type: "string" }, help: { type: "boolean", short: "h" } } });
if (values.help) {
  console.log("usage: npm run kit:pack -- [--out <dir>]   (default: dist-packages/)");
  process.exit(0);
}
const root = findRepoRoot();
const out = path.resolve(values.out ?? path.join(root, "dist-packages"));
for (const pack of packKit(root, out)) console.log(`${pack.name}@${pack.version}  ${path.join(out, pack.file)}`);
