/**
 * `npm run new:subgraph -- <name> [--entity <Type>] [--extends Application] [--no-database]`: a subgraph workspace (an
 * entity with its table, loader, paged query, reference resolver and seed; a field on Application; unit,
 * integration and end-to-end tests; a README), registered with a free port, installed and composed. Every refusal
 * comes before anything is written. `npm run remove:subgraph -- <name>` takes it out again.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { findRepoRoot } from "@portal-graph/subgraph-kit/workspace";
import { checkScaffold } from "./lib/scaffold/check.js";
import { standaloneProblem, writeStandalone, writeSubgraph } from "./lib/scaffold/write.js";

const USAGE = `usage: npm run new:subgraph -- <name> [--entity <Type>] [--extends Application] [--no-database] [--out <dir>] [--no-install]

  <name>         the subgraph, kebab-case (enrollment, training-records)
  --entity       the type it owns, PascalCase (default: the name in PascalCase)
  --extends      add a field listing the entity to the catalog's Application (public: anonymous callers get it)
  --no-database  no database, migration or seed: the data is computed, or comes from another team's API
  --out          write a project of its own in <dir> (another repository), on the kit's tarballs (npm run kit:pack)
  --no-install   write the files and the registry entry only (then: npm install && npm run schema:compose)`;

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      entity: { type: "string" },
      extends: { type: "string" },
      "no-database": { type: "boolean" },
      out: { type: "string" },
      "no-install": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1) {
  console.error(USAGE);
  process.exit(2);
}

const root = findRepoRoot();
const checked = checkScaffold(root, {
  subgraph: positionals[0]!,
  entity: values.entity,
  extendsType: values.extends ?? null,
  database: !values["no-database"],
  standalone: values.out !== undefined,
});
const out = values.out === undefined ? null : path.resolve(values.out);
const outProblem = out && standaloneProblem(out);
if ("problems" in checked || outProblem) {
  const problems = [...("problems" in checked ? checked.problems : []), ...(outProblem ? [outProblem] : [])];
  console.error(`Nothing was written:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  process.exit(1);
}
const { names } = checked;
const written = out ? await writeStandalone(root, out, names) : await writeSubgraph(root, names);
console.log(
  `Wrote the ${names.subgraph} subgraph (port ${names.port})${out ? ` in ${out}` : ""}:\n${written.map((file) => `  ${file}`).join("\n")}`,
);

const run = (command: string, args: string[]) => {
  console.log(`\n$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { cwd: out ?? root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(" ")} failed; fix it and run it again (the files are in place).`);
    process.exit(1);
  }
};
if (out) {
  if (!values["no-install"]) {
    run("npm", ["install", "--no-audit", "--no-fund"]);
    run("npm", ["run", "-s", "schema"]);
  }
  console.log(`
Next:
  cd ${out}
${values["no-install"] ? "  npm install && npm run schema            # install from vendor/ and the npm registry, print the SDL\n" : ""}  npm test                                 # its unit and integration tests
  npm run dev                              # run it alone, from source
  git init && git add -A && git commit     # a repository of its own

Its README says how to deploy it and join the graph (the schema registry's check and publish).
`);
  process.exit(0);
}
if (!values["no-install"]) {
  run("npm", ["install", "--no-audit", "--no-fund"]);
  run("npm", ["run", "-s", "schema:compose"]);
}

const example = names.extendsType
  ? `{ applications(first: 5) { nodes { name ${names.extensionField} { name } } } }`
  : `{ ${names.entityPlural}(first: 5) { totalCount nodes { name } } }`;
console.log(`
Next:
${values["no-install"] ? "  npm install && npm run schema:compose   # link the workspace, compose the supergraph\n" : ""}  npm start                                # the graph, ${names.subgraph} in it
  curl -s http://localhost:4000/graphql -H 'content-type: application/json' \\
    -d '{"query":"${example}"}'
  npm run check                            # lint, types, schema and every test, the new ones included
  git add -A && git commit                 # the workspace, schema/ and package-lock.json

Make it yours: subgraphs/${names.subgraph}/README.md says what is where. To take it out again:
  npm run remove:subgraph -- ${names.subgraph}
`);
