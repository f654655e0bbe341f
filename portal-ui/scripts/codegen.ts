/**
 * `npm run codegen -w portal-ui [-- --check]`: types every operation in src/graphql/operations/*.graphql with GraphQL
 * Code Generator's client preset, and writes the persisted-documents manifest (`{ "sha256:<hex>": "<document>" }`)
 * the gateway's trusted-documents mode reads. `--check` generates in memory and fails on any drift from the
 * committed files (a test runs it).
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Supergraph } from "@apollo/federation-internals";
import { generate } from "@graphql-codegen/cli";
import { addTypenameSelectionDocumentTransform } from "@graphql-codegen/client-preset";
import { printSchema } from "graphql";

const uiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = path.resolve(uiRoot, "..");
export const GENERATED_DIR = path.join(uiRoot, "src", "graphql", "generated");

/**
 * The API schema clients see. schema/api.graphql, once committed, is that schema; until then it is derived from the
 * supergraph here (the same derivation the gateway serves).
 */
export function apiSchemaSdl(): string {
  const committed = path.join(repoRoot, "schema", "api.graphql");
  if (existsSync(committed)) return readFileSync(committed, "utf8");
  const supergraph = readFileSync(path.join(repoRoot, "schema", "supergraph.graphql"), "utf8");
  return printSchema(Supergraph.build(supergraph).apiSchema().toGraphQLJSSchema());
}

/** Generates every file in memory: their paths (relative to portal-ui/) and contents. */
export async function generateClient(): Promise<{ file: string; content: string }[]> {
  const outputs = await generate(
    {
      cwd: uiRoot,
      schema: apiSchemaSdl(),
      documents: ["src/graphql/operations/*.graphql"],
      silent: true,
      generates: {
        "src/graphql/generated/": {
          preset: "client",
          presetConfig: { persistedDocuments: true, fragmentMasking: false },
          // urql's document cache reads __typename to know which queries a mutation changes: the documents carry it,
          // so the persisted text is the text executed.
          documentTransforms: [addTypenameSelectionDocumentTransform],
          config: {
            scalars: { DateTime: "string" },
            enumsAsTypes: true,
            useTypeImports: true,
            avoidOptionals: false,
          },
        },
      },
    },
    false,
  );
  return outputs.map((output: { filename: string; content: string }) => ({
    file: path.relative(uiRoot, path.resolve(uiRoot, output.filename)),
    content: output.content.endsWith("\n") ? output.content : `${output.content}\n`,
  }));
}

/** The files that differ from what is committed (empty when up to date). */
export async function driftedFiles(): Promise<string[]> {
  const outputs = await generateClient();
  return outputs
    .filter(({ file, content }) => {
      const target = path.join(uiRoot, file);
      return !existsSync(target) || readFileSync(target, "utf8") !== content;
    })
    .map(({ file }) => file);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--check")) {
    const drifted = await driftedFiles();
    if (drifted.length > 0) {
      console.error(`Generated GraphQL code is out of date: ${drifted.join(", ")}. Run: npm run codegen -w portal-ui`);
      process.exit(1);
    }
    console.log("Generated GraphQL code is up to date.");
  } else {
    for (const { file, content } of await generateClient()) {
      mkdirSync(path.dirname(path.join(uiRoot, file)), { recursive: true });
      writeFileSync(path.join(uiRoot, file), content);
      console.log(`wrote portal-ui/${file}`);
    }
  }
}
