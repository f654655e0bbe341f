/**
 * The files that differ for a subgraph without a database (`--no-database`): its data comes from a source in code,
 * standing for another team's API or a computation, read through batched loaders. The rest is shared with the
 * database kind (templates.ts).
 */
import type { ScaffoldNames } from "./names.js";
import { capitalize, lowerFirst } from "./templates.js";

export function serverTs(n: ScaffoldNames): string {
  return `import type { ComputedSubgraphDefinition } from "@portal-graph/subgraph-kit";
import { createLoaders, type Loaders } from "./context.js";
import { build${n.subgraphPascal}Schema } from "./schema.js";

/** The ${n.subgraph} subgraph as the kit runs it: no database, its data read through its loaders. */
export const subgraph: ComputedSubgraphDefinition<Loaders> = {
  name: "${n.subgraph}",
  database: false,
  buildSchema: build${n.subgraphPascal}Schema,
  createLoaders,
};
`;
}

export function contextTs(n: ScaffoldNames): string {
  return `import type { ComputedSubgraphContext } from "@portal-graph/subgraph-kit";
import { create${n.entity}Loaders, type ${n.entity}Loaders } from "./${n.entityKebab}/${n.entityKebab}.loaders.js";

/** Every loader of the ${n.subgraph} subgraph, made per request (one entity's for now). */
export type Loaders = ${n.entity}Loaders;

/** What every ${n.subgraph} resolver receives (no data source: this subgraph keeps no database). */
export type ${n.subgraphPascal}Context = ComputedSubgraphContext<Loaders>;

/** Makes the loaders for one request. */
export function createLoaders(): Loaders {
  return create${n.entity}Loaders();
}
`;
}

export function entityTs(n: ScaffoldNames): string {
  return `import { Directive, Field, ID, ObjectType } from "type-graphql";

/** A ${n.entityCamel}, owned by this subgraph; other subgraphs may reference it by id. */
@ObjectType({ description: "A ${n.entityCamel}." })
@Directive('@key(fields: "id")')
export class ${n.entity} {
  @Field(() => ID, { description: "Stable lowercase slug." })
  id!: string;
${
  n.extendsType
    ? `
  /** The ${n.extendsType}'s id, as the source gives it. */
  ${lowerFirst(n.extendsType)}Id!: string;
`
    : ""
}
  @Field(() => String)
  name!: string;
}
`;
}

export function sourceTs(n: ScaffoldNames, rows: string): string {
  const ref = n.extendsType ? `${lowerFirst(n.extendsType)}Id` : null;
  return `import type { ${n.entity} } from "./${n.entityKebab}.entity.js";

/**
 * Where ${n.entityPlural} come from. Here, a list in code; replace the bodies with calls to the owning team's API (one
 * request per batch: every method takes many keys) or with the computation. Tests count the calls.
 */
export interface ${n.entity}Source {
  all(): Promise<${n.entity}[]>;
  byIds(ids: readonly string[]): Promise<${n.entity}[]>;${ref ? `\n  by${n.extendsType}Ids(ids: readonly string[]): Promise<${n.entity}[]>;` : ""}
}

/** Example ${n.entityPlural}: replace them with the real source. */
export const EXAMPLES: readonly ${n.entity}[] = [
${rows}
];

/** How many calls the source has answered, for tests that count them as others count SQL statements. */
export const sourceCalls = { count: 0 };

export const ${n.entityCamel}Source: ${n.entity}Source = {
  async all() {
    sourceCalls.count += 1;
    return [...EXAMPLES];
  },
  async byIds(ids) {
    sourceCalls.count += 1;
    return EXAMPLES.filter((row) => ids.includes(row.id));
  },${
    ref
      ? `
  async by${n.extendsType}Ids(ids) {
    sourceCalls.count += 1;
    return EXAMPLES.filter((row) => ids.includes(row.${ref}));
  },`
      : ""
  }
};
`;
}

export function loadersTs(n: ScaffoldNames): string {
  const ref = n.extendsType ? `${lowerFirst(n.extendsType)}Id` : null;
  const byRef = ref ? `${n.entityPlural}By${n.extendsType}Id` : null;
  return `import DataLoader from "dataloader";
import type { ${n.entity} } from "./${n.entityKebab}.entity.js";
import { ${n.entityCamel}Source, type ${n.entity}Source } from "./${n.entityKebab}.source.js";

/** The per-request loaders: one source call per batch of keys, results in key order. */
export interface ${n.entity}Loaders {
  ${n.entityCamel}ById: DataLoader<string, ${n.entity} | null>;
${byRef ? `  ${byRef}: DataLoader<string, ${n.entity}[]>;\n` : ""}  /** Every ${n.entityCamel}, read once per request. */
  all(): Promise<${n.entity}[]>;
}

/** Makes the loaders for one request, over the source (the real one unless a test gives another). */
export function create${n.entity}Loaders(source: ${n.entity}Source = ${n.entityCamel}Source): ${n.entity}Loaders {
  let all: Promise<${n.entity}[]> | null = null;
  return {
    ${n.entityCamel}ById: new DataLoader(async (ids) => {
      const byId = new Map((await source.byIds(ids)).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),${
      byRef
        ? `
    ${byRef}: new DataLoader(async (ids) => {
      const rows = (await source.by${n.extendsType}Ids(ids)).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
      const groups = new Map<string, ${n.entity}[]>(ids.map((id) => [id, []]));
      for (const row of rows) groups.get(row.${ref})?.push(row);
      return ids.map((id) => groups.get(id)!);
    }),`
        : ""
    }
    all: () => (all ??= source.all()),
  };
}
`;
}

export function loadersTestTs(n: ScaffoldNames): string {
  return `import { describe, expect, it } from "vitest";
import { create${n.entity}Loaders } from "./${n.entityKebab}.loaders.js";
import { EXAMPLES, sourceCalls } from "./${n.entityKebab}.source.js";

describe("the ${n.entityCamel} loaders", () => {
  it("answer a batch in key order with one source call, null for an unknown id", async () => {
    const loaders = create${n.entity}Loaders();
    const before = sourceCalls.count;
    const ids = [EXAMPLES[1]!.id, "no-such-${n.entityKebab}", EXAMPLES[0]!.id];
    const rows = await Promise.all(ids.map((id) => loaders.${n.entityCamel}ById.load(id)));
    expect(rows.map((row) => row?.id ?? null)).toEqual([EXAMPLES[1]!.id, null, EXAMPLES[0]!.id]);
    expect(sourceCalls.count - before).toBe(1);
  });

  it("read the whole list once per request", async () => {
    const loaders = create${n.entity}Loaders();
    const before = sourceCalls.count;
    await Promise.all([loaders.all(), loaders.all()]);
    expect(sourceCalls.count - before).toBe(1);
  });
});
`;
}

export function serviceTs(n: ScaffoldNames): string {
  return `import { cursorFormat, pageOfList } from "@portal-graph/subgraph-kit";
import { ${n.entity}Connection } from "./${n.entityKebab}.connection.js";
import type { ${n.entity}Loaders } from "./${n.entityKebab}.loaders.js";

const CURSORS = cursorFormat("${n.entityPlural}", ["string", "string"]);

/** One page of ${n.entityPlural} ordered by name, keyset-paged on (lower-cased name, id). */
export async function list${capitalize(n.entityPlural)}(
  loaders: ${n.entity}Loaders,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<${n.entity}Connection> {
  const items = await loaders.all();
  const page = pageOfList({ items, cursors: CURSORS, key: (row) => row.name.toLowerCase(), first, after });
  return Object.assign(new ${n.entity}Connection(), page);
}
`;
}
