/** Test fixtures: every GraphQL operation the repository sends, for checking the limits' defaults. Not part of the build. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Kind, parse, validate, type DocumentNode, type GraphQLSchema } from "graphql";

/** One operation found in the repository, parsed. */
export interface RepoOperation {
  /** Where it was found: a .graphql file, or a test file and the operation's place in it. */
  source: string;
  text: string;
  document: DocumentNode;
}

// bench/ at the root holds results; scripts/bench/operations holds the benchmark's operations.
const SKIPPED_DIRECTORIES = new Set(["node_modules", "dist", "data", ".turbo", ".git", "coverage", "results", "hive"]);

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) found.push(...filesUnder(path.join(dir, entry.name), keep));
    } else if (keep(entry.name)) {
      found.push(path.join(dir, entry.name));
    }
  }
  return found;
}

function executable(text: string): DocumentNode | undefined {
  try {
    const document = parse(text);
    const ok = document.definitions.every(
      (definition) => definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION,
    );
    return ok ? document : undefined;
  } catch {
    return undefined;
  }
}

// A string or template literal in a test that reads as an operation. Interpolations become 0: an id or a number
// still parses, and a template that builds the operation's text itself does not, so it is left out.
const LITERAL = /`([^`]*)`|"((?:query|mutation|\{)[^"\\\n]*)"/g;
const INTERPOLATION = /\$\{[^}]*\}/g;

/**
 * Every operation of the repository that is valid against the schema: each .graphql operation file, and each
 * string literal in a test file that parses as a GraphQL operation (those written for one subgraph, such as
 * `_entities` calls, do not validate against the gateway's schema and are left out).
 */
export function repoOperations(root: string, schema: GraphQLSchema): RepoOperation[] {
  const operations: RepoOperation[] = [];
  const graphqlFiles = filesUnder(root, (name) => name.endsWith(".graphql"));
  for (const file of graphqlFiles) {
    const text = readFileSync(file, "utf8");
    const document = executable(text);
    if (document) operations.push({ source: path.relative(root, file), text, document });
  }
  const testFiles = filesUnder(root, (name) => name.endsWith(".test.ts"));
  for (const file of testFiles) {
    const content = readFileSync(file, "utf8");
    let index = 0;
    for (const match of content.matchAll(LITERAL)) {
      const text = (match[1] ?? match[2] ?? "").replace(INTERPOLATION, "0").trim();
      if (!/^(query|mutation|\{)/.test(text)) continue;
      const document = executable(text);
      if (!document || validate(schema, document).length > 0) continue;
      operations.push({ source: `${path.relative(root, file)}#${++index}`, text, document });
    }
  }
  return operations;
}
