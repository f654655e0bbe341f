/**
 * A subgraph project outside this repository (`npm run new:subgraph -- <name> --out <dir>`): the same source files
 * as a subgraph written here, with its own package, TypeScript and Vitest settings, a script printing its SDL, and a
 * README; it depends on the kit's tarballs in vendor/ (`npm run kit:pack`).
 */
import type { PackedPackage } from "../kit-pack.js";
import type { ScaffoldNames } from "./names.js";
import { renderSubgraph } from "./templates.js";

/** What the project's package.json pins beside the kit: the versions this repository uses. */
export interface ToolVersions {
  typescript: string;
  tsx: string;
  vitest: string;
  "@types/node": string;
}

/** Every file of the project, by path relative to its folder; the kit's tarballs are copied in separately. */
export function renderStandalone(n: ScaffoldNames, packs: PackedPackage[], tools: ToolVersions): Map<string, string> {
  const inRepository = `subgraphs/${n.subgraph}/src/`;
  const files = new Map<string, string>();
  for (const [file, content] of renderSubgraph(n)) {
    if (file.startsWith(inRepository)) files.set(`src/${file.slice(inRepository.length)}`, content);
  }
  files.set("package.json", packageJson(n, packs, tools));
  files.set("tsconfig.json", TSCONFIG);
  files.set("tsconfig.build.json", TSCONFIG_BUILD);
  files.set("vitest.config.ts", VITEST_CONFIG);
  files.set("scripts/print-schema.ts", PRINT_SCHEMA);
  files.set(".gitignore", "node_modules/\ndist/\ndata/\n");
  files.set("README.md", readme(n, packs));
  return files;
}

function packageJson(n: ScaffoldNames, packs: PackedPackage[], tools: ToolVersions): string {
  const pkg = {
    name: `${n.subgraph}-subgraph`,
    version: "0.1.0",
    private: true,
    description: `The ${n.subgraph} subgraph of Portal Graph: ${n.entity}${n.extendsType ? ` and ${n.extendsType}.${n.extensionField}` : ""}.`,
    type: "module",
    engines: { node: "^20.19.0 || ^22.12.0 || >=24.0.0" },
    scripts: {
      build: "tsc -p tsconfig.build.json",
      start: "node dist/index.js",
      dev: `PORT=\${PORT:-${n.port}} SEED_ON_START=true tsx watch src/index.ts`,
      schema: "tsx scripts/print-schema.ts",
      typecheck: "tsc --noEmit",
      test: "vitest run",
    },
    dependencies: {
      ...Object.fromEntries(packs.map((pack) => [pack.name, `file:vendor/${pack.file}`])),
      dataloader: "2.2.3",
      graphql: "16.15.0",
      "reflect-metadata": "0.2.2",
      "type-graphql": "2.0.0-rc.4",
      ...(n.database ? { typeorm: "1.1.1" } : {}),
    },
    devDependencies: { ...tools },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

const TSCONFIG = `{
  "compilerOptions": {
    "target": "ES2022",
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "lib": ["ES2023"],
    "types": ["node"],
    "strict": true,
    "noUncheckedIndexedAccess": true,
    "noImplicitOverride": true,
    "experimentalDecorators": true,
    "emitDecoratorMetadata": true,
    "skipLibCheck": true,
    "declaration": true,
    "sourceMap": true,
    "esModuleInterop": true,
    "isolatedModules": true
  },
  "include": ["src", "scripts", "vitest.config.ts"]
}
`;

const TSCONFIG_BUILD = `{
  "extends": "./tsconfig.json",
  "compilerOptions": { "rootDir": "src", "outDir": "dist" },
  "include": ["src"],
  "exclude": ["src/**/*.test.ts"]
}
`;

const VITEST_CONFIG = `import { defineConfig } from "vitest/config";

export default defineConfig({
  // graphql 16 has no exports map: without this, vite loads index.mjs while CommonJS dependencies load index.js.
  resolve: { alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }] },
  test: {
    include: ["src/**/*.test.ts"],
    // type-graphql's decorators need the metadata polyfill before any schema class loads.
    setupFiles: ["reflect-metadata"],
    pool: "forks",
  },
});
`;

const PRINT_SCHEMA = `/** \`npm run schema\`: writes this subgraph's SDL to schema.graphql, as the graph's registry and tests read it. */
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { graphql } from "graphql";
import { subgraph } from "../src/server.js";

const result = await graphql({ schema: await subgraph.buildSchema(), source: "{ _service { sdl } }" });
if (result.errors?.length) throw new Error(result.errors.map((error) => error.message).join("\\n"));
const { sdl } = (result.data as { _service: { sdl: string } })._service;
writeFileSync(new URL("../schema.graphql", import.meta.url), \`\${sdl.trim()}\\n\`);
console.log("wrote schema.graphql");
`;

function readme(n: ScaffoldNames, packs: PackedPackage[]): string {
  const kit = packs.find((pack) => pack.name === "@portal-graph/subgraph-kit")!;
  return `# ${n.subgraph} subgraph

Owns \`${n.entity} @key(fields: "id")\`${n.extendsType ? ` and adds \`${n.extendsType}.${n.extensionField}\` to Portal Graph's \`${n.extendsType}\`` : ""}, in a
repository of its own. Written by Portal Graph's \`npm run new:subgraph -- ${n.subgraph} --out\`; make it yours.
${n.database ? "Its data lives in its own database (SQLite by default, PostgreSQL with `DATABASE_URL`)." : "It keeps no database: its data comes from `src/" + n.entityKebab + "/" + n.entityKebab + ".source.ts`."}

It is built on \`@portal-graph/subgraph-kit\` ${kit.version} (its README is the guide: \`node_modules/@portal-graph/subgraph-kit/README.md\`;
what changed between versions: its \`CHANGELOG.md\`). The kit and the packages it needs are the tarballs in
\`vendor/\`; once your organisation publishes them to its npm registry, replace the \`file:vendor/...\` versions in
\`package.json\` with version numbers.

| what                            | command                                                          |
| ------------------------------- | ---------------------------------------------------------------- |
| install                         | \`npm install\`                                                    |
| its tests (unit, integration)   | \`npm test\` (PostgreSQL too when \`CI=true\` or one answers at 127.0.0.1:5432) |
| print its SDL into schema.graphql | \`npm run schema\` (after every schema change; the tests compare)  |
| run it alone, from source       | \`npm run dev\` (port ${n.port}, or \`PORT\`)                               |
| build and run it                | \`npm run build\`, then \`PORT=${n.port} node dist/index.js\`                  |

In production it needs \`PORT\`,${n.database ? " `DATABASE_URL`," : ""} \`NODE_ENV=production\`, the identity provider's \`OIDC_ISSUER\`,
\`TRUSTED_CALLER_KEYS\` naming the gateway's public key (it answers only callers that prove they are the gateway),
and \`HOST\` where the gateway can reach it.

**Joining the graph.** The gateway learns of it from Portal Graph's schema registry: check each change against the
operations clients send (\`POST /subgraphs/${n.subgraph}/check\` with \`{ sdl }\`) and publish after deploying
(\`POST /subgraphs/${n.subgraph}/publish\` with \`{ sdl, routingUrl }\`), with the token the registry gave your team;
Portal Graph's \`registry/README.md\` has the HTTP API.
`;
}
