/**
 * The files of a new subgraph, as the team would write them by hand following the four that exist: one entity with
 * its table, loader, paged query, reference resolver and seed, an optional field on another subgraph's entity, and
 * tests at every tier. Paths are relative to the checkout; contents are formatted by Prettier afterwards.
 */
import type { ScaffoldNames } from "./names.js";
import * as computed from "./templates-computed.js";

const KIT_VERSION = "0.2.0";

/** Every file of the new subgraph, by path. */
export function renderSubgraph(n: ScaffoldNames): Map<string, string> {
  const dir = `subgraphs/${n.subgraph}`;
  const src = `${dir}/src`;
  const entity = `${src}/${n.entityKebab}/${n.entityKebab}`;
  const files = new Map<string, string>([
    [`${dir}/package.json`, packageJson(n)],
    [`${dir}/tsconfig.build.json`, tsconfigBuild()],
    [`${dir}/README.md`, readme(n)],
    [`${src}/index.ts`, indexTs()],
  ]);
  if (n.database) {
    files.set(`${src}/server.ts`, serverTs(n));
    files.set(`${src}/schema.ts`, schemaTs(n));
    files.set(`${src}/context.ts`, contextTs(n));
    files.set(`${entity}.entity.ts`, entityTs(n));
    files.set(`${entity}.rules.ts`, rulesTs(n));
    files.set(`${entity}.rules.test.ts`, rulesTestTs(n));
    files.set(`${entity}.connection.ts`, connectionTs(n));
    files.set(`${entity}.loaders.ts`, loadersTs(n));
    files.set(`${entity}.service.ts`, serviceTs(n));
    files.set(`${entity}.resolver.ts`, resolverTs(n));
    files.set(`${entity}.reference.ts`, referenceTs(n));
    files.set(`${entity}.int.test.ts`, intTestTs(n));
    files.set(`${src}/migrations/${n.migrationTime}-create-${n.subgraph}.ts`, migrationTs(n));
    files.set(`${src}/seed/seed.ts`, seedTs(n));
  } else {
    files.set(`${src}/server.ts`, computed.serverTs(n));
    files.set(`${src}/schema.ts`, schemaTs(n));
    files.set(`${src}/context.ts`, computed.contextTs(n));
    files.set(`${entity}.entity.ts`, computed.entityTs(n));
    files.set(`${entity}.source.ts`, computed.sourceTs(n, seedRows(n)));
    files.set(`${entity}.loaders.test.ts`, computed.loadersTestTs(n));
    files.set(`${entity}.connection.ts`, connectionTs(n));
    files.set(`${entity}.loaders.ts`, computed.loadersTs(n));
    files.set(`${entity}.service.ts`, computed.serviceTs(n));
    files.set(`${entity}.resolver.ts`, resolverTs(n));
    files.set(`${entity}.reference.ts`, referenceTs(n));
    files.set(`${entity}.int.test.ts`, intTestTs(n));
  }
  files.set(`tests/e2e/${n.subgraph}.e2e.test.ts`, e2eTestTs(n));
  if (n.extendsType) files.set(`${src}/${extensionFile(n)}.ts`, extensionTs(n));
  return files;
}

function extensionFile(n: ScaffoldNames): string {
  const kebab = n.extendsType!.replace(/[A-Z]/g, (c, i: number) => `${i === 0 ? "" : "-"}${c.toLowerCase()}`);
  return `${kebab}/${kebab}.extension`;
}

function packageJson(n: ScaffoldNames): string {
  const pkg = {
    name: n.packageName,
    version: "0.1.0",
    private: true,
    description: `The ${n.subgraph} subgraph: ${n.entity}${n.extendsType ? ` and ${n.extendsType}.${n.extensionField}` : ""}.`,
    type: "module",
    exports: { ".": { source: "./src/server.ts", types: "./dist/server.d.ts", default: "./dist/server.js" } },
    scripts: {
      build: "tsc -p tsconfig.build.json",
      start: "node dist/index.js",
      dev: "SEED_ON_START=true DATA_DIR=../../data tsx watch --conditions=source src/index.ts",
    },
    dependencies: {
      "@portal-graph/subgraph-kit": KIT_VERSION,
      dataloader: "2.2.3",
      graphql: "16.15.0",
      "reflect-metadata": "0.2.2",
      "type-graphql": "2.0.0-rc.4",
      ...(n.database ? { typeorm: "1.1.1" } : {}),
    },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function tsconfigBuild(): string {
  return `{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": { "rootDir": "src", "outDir": "dist" },
  "include": ["src"],
  "exclude": ["src/**/*.test.ts"]
}
`;
}

function readme(n: ScaffoldNames): string {
  const field = n.extendsType ? `\`${n.extendsType}.${n.extensionField}\`` : "";
  return `# ${n.subgraph} subgraph (${n.packageName})

Owns \`${n.entity} @key(fields: "id")\`${n.extendsType ? ` and adds ${field} to the \`${n.extendsType}\` another subgraph owns (a key stub here: none of its fields copied, none of its code imported)` : ""}. Written by \`npm run new:subgraph\`; make it yours.

- \`${n.entity} { id name${n.extendsType ? " application" : ""}${n.database ? " createdAt" : ""} }\`.
- \`Query.${n.entityPlural}(first, after)\`: ordered by name, keyset-paged, \`first\` 0..100 (else \`BAD_USER_INPUT\`).
  \`Query.${n.entityCamel}(id)\`: one by id, or null.${
    n.extendsType
      ? `
- ${field}: the ${n.entityPlural} of ${article(n.extendsType)} ${n.extendsType}, public (anonymous callers get it too); null with an error
  only when this subgraph cannot answer, so the rest of the page still renders.`
      : ""
  }

${
  n.database
    ? `Storage: the table \`${n.table}\` (migration in \`src/migrations/\`, for SQLite and PostgreSQL). Cost: a page of
${n.entityPlural} is one statement, a batch of \`${n.entity}\` references one statement${n.extendsType ? `, and ${field} for a whole page of ${n.extendsType}s one statement` : ""}
(the loaders in \`src/${n.entityKebab}/${n.entityKebab}.loaders.ts\`; the integration tests count them).`
    : `Storage: none. The data comes from \`src/${n.entityKebab}/${n.entityKebab}.source.ts\`: a list in code for now; replace it with
calls to the owning team's API, or the computation. Cost: a batch of \`${n.entity}\` references is one source call${n.extendsType ? `, and ${field} for a whole page of ${n.extendsType}s one call` : ""}
(the loaders in \`src/${n.entityKebab}/${n.entityKebab}.loaders.ts\`; the tests count the calls).`
}

## Run, test, deploy

| what                          | command                                                                  |
| ----------------------------- | ------------------------------------------------------------------------ |
| the whole graph, this in it   | \`npm start\` (from the repository root)                                   |
| this one against the rest     | \`npm start -- --without ${n.subgraph}\`, then \`npm run dev -w subgraphs/${n.subgraph}\` |
| its tests                     | \`npx vitest run subgraphs/${n.subgraph} tests/e2e/${n.subgraph}.e2e.test.ts\` (the e2e test needs \`npm run build\`) |
| after changing the schema     | \`npm run schema:compose\`, and commit \`schema/\`                           |

It listens on port ${n.port} (\`schema/subgraphs.json\`). Deployed alone: \`npm run build -w subgraphs/${n.subgraph}\`, then
\`node subgraphs/${n.subgraph}/dist/index.js\` with${n.database ? " its own `DATABASE_URL`," : ""} \`TRUSTED_CALLER_KEYS\` naming the gateway's
public key, and the identity provider's \`OIDC_ISSUER\`; the gateway needs only its routing URL
(\`SUBGRAPH_${n.subgraph.toUpperCase().replace(/-/g, "_")}_URL\`, or the registry's \`routingUrl\` composed into the supergraph).
`;
}

function indexTs(): string {
  return `import "reflect-metadata";
import { runSubgraph } from "@portal-graph/subgraph-kit";
import { subgraph } from "./server.js";

await runSubgraph(subgraph);
`;
}

function serverTs(n: ScaffoldNames): string {
  return `import type { SubgraphDefinition } from "@portal-graph/subgraph-kit";
import { createLoaders, type Loaders } from "./context.js";
import { ${n.entity} } from "./${n.entityKebab}/${n.entityKebab}.entity.js";
import { Create${n.subgraphPascal}${n.migrationTime} } from "./migrations/${n.migrationTime}-create-${n.subgraph}.js";
import { build${n.subgraphPascal}Schema } from "./schema.js";
import { seed${n.subgraphPascal} } from "./seed/seed.js";

/** The ${n.subgraph} subgraph as the kit runs it: entities, migrations, schema, loaders and seed. */
export const subgraph: SubgraphDefinition<Loaders> = {
  name: "${n.subgraph}",
  entities: [${n.entity}],
  migrations: [Create${n.subgraphPascal}${n.migrationTime}],
  buildSchema: build${n.subgraphPascal}Schema,
  createLoaders,
  seed: (dataSource) => seed${n.subgraphPascal}(dataSource),
  isEmpty: async (dataSource) => (await dataSource.getRepository(${n.entity}).count()) === 0,
};
`;
}

function schemaTs(n: ScaffoldNames): string {
  const ext = n.extendsType;
  return `import { buildFederatedSchema } from "@portal-graph/subgraph-kit";
import type { GraphQLSchema } from "graphql";
${ext ? `import { ${ext}${n.subgraphPascal}Resolver } from "./${extensionFile(n)}.js";\n` : ""}import { resolve${n.entity}Reference } from "./${n.entityKebab}/${n.entityKebab}.reference.js";
import { ${n.entity}Resolver } from "./${n.entityKebab}/${n.entityKebab}.resolver.js";

/** The ${n.subgraph} federated schema: its resolvers and the ${n.entity} reference resolver. */
export function build${n.subgraphPascal}Schema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [${n.entity}Resolver${ext ? `, ${ext}${n.subgraphPascal}Resolver` : ""}],
    references: { ${n.entity}: resolve${n.entity}Reference },
  });
}
`;
}

function contextTs(n: ScaffoldNames): string {
  return `import type { DataSource } from "typeorm";
import type { SubgraphContext } from "@portal-graph/subgraph-kit";
import { create${n.entity}Loaders, type ${n.entity}Loaders } from "./${n.entityKebab}/${n.entityKebab}.loaders.js";

/** Every loader of the ${n.subgraph} subgraph, made per request (one entity's for now). */
export type Loaders = ${n.entity}Loaders;

/** What every ${n.subgraph} resolver receives. */
export type ${n.subgraphPascal}Context = SubgraphContext<Loaders>;

/** Makes the loaders for one request. */
export function createLoaders(dataSource: DataSource): Loaders {
  return create${n.entity}Loaders(dataSource);
}
`;
}

function entityTs(n: ScaffoldNames): string {
  return `import { Column, CreateDateColumn, Entity, PrimaryColumn } from "typeorm";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { DateTimeScalar } from "@portal-graph/subgraph-kit";

/** A ${n.entityCamel}, owned by this subgraph; other subgraphs may reference it by id. */
@Entity({ name: "${n.table}" })
@ObjectType({ description: "A ${n.entityCamel}." })
@Directive('@key(fields: "id")')
export class ${n.entity} {
  @PrimaryColumn({ type: "varchar", length: 64 })
  @Field(() => ID, { description: "Stable lowercase slug." })
  id!: string;
${
  n.extendsType
    ? `
  /** The ${n.extendsType}'s id; not a foreign key, since its owner keeps its own database. */
  @Column({ name: "${camelToSnake(n.extendsType)}_id", type: "varchar", length: 64 })
  ${lowerFirst(n.extendsType)}Id!: string;
`
    : ""
}
  @Column({ type: "varchar", length: 200 })
  @Field(() => String)
  name!: string;

  /** Lower-cased name, the sort key (byte order on every database). */
  @Column({ name: "sort_name", type: "varchar", length: 200 })
  sortName!: string;

  @CreateDateColumn({ name: "created_at", type: Date })
  @Field(() => DateTimeScalar)
  createdAt!: Date;
}
`;
}

function rulesTs(n: ScaffoldNames): string {
  const ref = n.extendsType ? `${lowerFirst(n.extendsType)}Id` : null;
  return `import type { ${n.entity} } from "./${n.entityKebab}.entity.js";

/** A ${n.entityCamel} as the seed (or a future mutation) gives it. */
export interface ${n.entity}Input {
  id: string;
${ref ? `  ${ref}: string;\n` : ""}  name: string;
}

export const MAX_NAME_LENGTH = 200;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The row for an input, or the rule it breaks, naming the field. */
export function to${n.entity}Row(
  input: ${n.entity}Input,
): { row: Omit<${n.entity}, "createdAt"> } | { field: string; rule: string } {
  if (!SLUG.test(input.id) || input.id.length > 64) return { field: "id", rule: "must be a lowercase slug of at most 64 characters" };
  const name = input.name.trim();
  if (!name) return { field: "name", rule: "must not be empty" };
  if (name.length > MAX_NAME_LENGTH) return { field: "name", rule: \`must be at most \${MAX_NAME_LENGTH} characters\` };
  return { row: { id: input.id,${ref ? ` ${ref}: input.${ref},` : ""} name, sortName: name.toLowerCase() } };
}
`;
}

function rulesTestTs(n: ScaffoldNames): string {
  const ref = n.extendsType ? `, ${lowerFirst(n.extendsType)}Id: "aps"` : "";
  return `import { describe, expect, it } from "vitest";
import { MAX_NAME_LENGTH, to${n.entity}Row } from "./${n.entityKebab}.rules.js";

describe("a ${n.entityCamel}'s row", () => {
  it("keeps the name trimmed and sorts by it lower-cased", () => {
    expect(to${n.entity}Row({ id: "one"${ref}, name: "  Beta Example " })).toEqual({
      row: { id: "one"${ref}, name: "Beta Example", sortName: "beta example" },
    });
  });

  it.each([
    ["an empty name", { id: "one", name: "  " }, "name", "must not be empty"],
    ["a long name", { id: "one", name: "x".repeat(MAX_NAME_LENGTH + 1) }, "name", \`must be at most \${MAX_NAME_LENGTH} characters\`],
    ["an id that is not a slug", { id: "Not A Slug", name: "Fine" }, "id", "must be a lowercase slug of at most 64 characters"],
  ])("refuses %s, naming the field and the rule", (_case, input, field, rule) => {
    expect(to${n.entity}Row({ ...input${ref} })).toEqual({ field, rule });
  });
});
`;
}

function connectionTs(n: ScaffoldNames): string {
  return `import { ObjectType } from "type-graphql";
import { connectionOf } from "@portal-graph/subgraph-kit";
import { ${n.entity} } from "./${n.entityKebab}.entity.js";

/** A page of ${n.entityPlural} (Relay connection); totalCount is counted only when asked for. */
@ObjectType({ description: "A page of ${n.entityPlural}." })
export class ${n.entity}Connection extends connectionOf(${n.entity}, {
  edge: "${n.entity}Edge",
  totalCount: "How many ${n.entityPlural} there are, across all pages.",
}) {}
`;
}

function loadersTs(n: ScaffoldNames): string {
  const ref = n.extendsType ? `${lowerFirst(n.extendsType)}Id` : null;
  const byRef = ref ? `${n.entityPlural}By${n.extendsType}Id` : null;
  return `import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { ${n.entity} } from "./${n.entityKebab}.entity.js";

/** The per-request loaders: one SQL statement per batch of keys, results in key order. */
export interface ${n.entity}Loaders {
  ${n.entityCamel}ById: DataLoader<string, ${n.entity} | null>;
${byRef ? `  ${byRef}: DataLoader<string, ${n.entity}[]>;\n` : ""}}

/** Makes the loaders for one request. */
export function create${n.entity}Loaders(dataSource: DataSource): ${n.entity}Loaders {
  const repository = dataSource.getRepository(${n.entity});
  return {
    ${n.entityCamel}ById: new DataLoader(async (ids) => {
      const rows = await repository.findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),${
      byRef
        ? `
    ${byRef}: new DataLoader(async (ids) => {
      const rows = await repository.find({ where: { ${ref}: In([...ids]) }, order: { sortName: "ASC", id: "ASC" } });
      const groups = new Map<string, ${n.entity}[]>(ids.map((id) => [id, []]));
      for (const row of rows) groups.get(row.${ref})?.push(row);
      return ids.map((id) => groups.get(id)!);
    }),`
        : ""
    }
  };
}
`;
}

function serviceTs(n: ScaffoldNames): string {
  return `import type { DataSource } from "typeorm";
import { cursorFormat, pageBySortName } from "@portal-graph/subgraph-kit";
import { ${n.entity}Connection } from "./${n.entityKebab}.connection.js";
import { ${n.entity} } from "./${n.entityKebab}.entity.js";

const CURSORS = cursorFormat("${n.entityPlural}", ["string", "string"]);

/** One page of ${n.entityPlural} ordered by name, keyset-paged on (sort name, id). */
export async function list${capitalize(n.entityPlural)}(
  dataSource: DataSource,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<${n.entity}Connection> {
  const matching = () => dataSource.getRepository(${n.entity}).createQueryBuilder("t");
  return Object.assign(new ${n.entity}Connection(), await pageBySortName(CURSORS, matching, "t", first, after));
}
`;
}

function resolverTs(n: ScaffoldNames): string {
  const ext = n.extendsType;
  return `import { Arg, Args, Ctx, ${ext ? "FieldResolver, " : ""}ID, Query, Resolver${ext ? ", Root" : ""} } from "type-graphql";
import { PageArgs } from "@portal-graph/subgraph-kit";
import type { ${n.subgraphPascal}Context } from "../context.js";
${ext ? `import { ${n.stubClass} } from "../${extensionFile(n)}.js";\n` : ""}import { ${n.entity}Connection } from "./${n.entityKebab}.connection.js";
import { ${n.entity} } from "./${n.entityKebab}.entity.js";
import { list${capitalize(n.entityPlural)} } from "./${n.entityKebab}.service.js";

/** Queries over ${n.entityPlural}, and the fields of ${n.entity} that need more than its row. */
@Resolver(() => ${n.entity})
export class ${n.entity}Resolver {
  @Query(() => ${n.entity}Connection, { nullable: true, description: "${capitalize(n.entityPlural)} ordered by name, paged." })
  ${n.entityPlural}(
    @Ctx() ctx: ${n.subgraphPascal}Context,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ): Promise<${n.entity}Connection> {
    return list${capitalize(n.entityPlural)}(${n.database ? "ctx.dataSource" : "ctx.loaders"}, first, after);
  }

  @Query(() => ${n.entity}, { nullable: true, description: "One ${n.entityCamel} by id; null when there is none." })
  ${n.entityCamel}(@Ctx() ctx: ${n.subgraphPascal}Context, @Arg("id", () => ID) id: string): Promise<${n.entity} | null> {
    return ctx.loaders.${n.entityCamel}ById.load(id);
  }${
    ext
      ? `

  @FieldResolver(() => ${n.stubClass}, {
    nullable: true,
    description: "The ${lowerFirst(ext)}; null with an error when its subgraph cannot answer for the fields asked.",
  })
  ${lowerFirst(ext)}(@Root() ${n.entityCamel}: ${n.entity}): ${n.stubClass} {
    return { id: ${n.entityCamel}.${lowerFirst(ext)}Id };
  }`
      : ""
  }
}
`;
}

function referenceTs(n: ScaffoldNames): string {
  return `import type { ${n.subgraphPascal}Context } from "../context.js";
import type { ${n.entity} } from "./${n.entityKebab}.entity.js";

/** Resolves ${n.entity} representations from the gateway; batched by the loader into one statement. */
export function resolve${n.entity}Reference(
  reference: { id: string },
  ctx: ${n.subgraphPascal}Context,
): Promise<${n.entity} | null> {
  return ctx.loaders.${n.entityCamel}ById.load(reference.id);
}
`;
}

function extensionTs(n: ScaffoldNames): string {
  const ext = n.extendsType!;
  return `import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from "type-graphql";
import type { ${n.subgraphPascal}Context } from "../context.js";
import { ${n.entity} } from "../${n.entityKebab}/${n.entityKebab}.entity.js";

/**
 * Another subgraph's ${ext} as this one sees it: only its key. The class has a name of its own because type-graphql
 * metadata is global to the process; the GraphQL name is the owner's.
 */
// No description: the owner describes the type (a second description is a composition hint).
@ObjectType("${ext}")
@Directive('@key(fields: "id")')
export class ${n.stubClass} {
  @Field(() => ID)
  id!: string;
}

/** What this subgraph adds to ${ext}. */
@Resolver(() => ${n.stubClass})
export class ${ext}${n.subgraphPascal}Resolver {
  @Directive("@listSize(assumedSize: 5)")
  @FieldResolver(() => [${n.entity}], {
    nullable: true,
    description:
      "The ${lowerFirst(ext)}'s ${n.entityPlural}, by name; empty when it has none. Null with an error when the ${n.subgraph} subgraph cannot answer.",
  })
  ${n.extensionField}(@Root() ${lowerFirst(ext)}: ${n.stubClass}, @Ctx() ctx: ${n.subgraphPascal}Context): Promise<${n.entity}[]> {
    return ctx.loaders.${n.entityPlural}By${ext}Id.load(${lowerFirst(ext)}.id);
  }
}
`;
}

function migrationTs(n: ScaffoldNames): string {
  const refColumn = n.extendsType ? `${camelToSnake(n.extendsType)}_id` : null;
  return `import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { columnTypes } from "@portal-graph/subgraph-kit";

/** The ${n.subgraph} subgraph's table: ${n.entityPlural}. */
export class Create${n.subgraphPascal}${n.migrationTime} implements MigrationInterface {
  name = "Create${n.subgraphPascal}${n.migrationTime}";

  async up(queryRunner: QueryRunner): Promise<void> {
    const { timestamp } = columnTypes(queryRunner);
    // Byte order, so paging is the same on SQLite and PostgreSQL whatever the server's locale.
    const bytewise = queryRunner.connection.driver.options.type === "postgres" ? "C" : undefined;
    await queryRunner.createTable(
      new Table({
        name: "${n.table}",
        columns: [
          { name: "id", type: "varchar", length: "64", isPrimary: true, collation: bytewise },
${refColumn ? `          { name: "${refColumn}", type: "varchar", length: "64" },\n` : ""}          { name: "name", type: "varchar", length: "200" },
          { name: "sort_name", type: "varchar", length: "200", collation: bytewise },
          { name: "created_at", type: timestamp, default: "CURRENT_TIMESTAMP" },
        ],
        checks: [{ name: "${n.table}_name_check", expression: "length(name) > 0" }],
      }),
    );
    await queryRunner.createIndex("${n.table}", new TableIndex({ name: "${n.table}_sort", columnNames: ["sort_name", "id"] }));${
      refColumn
        ? `
    await queryRunner.createIndex("${n.table}", new TableIndex({ name: "${n.table}_${refColumn}", columnNames: ["${refColumn}"] }));`
        : ""
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("${n.table}");
  }
}
`;
}

/** Example rows: for three of the catalog's applications when the subgraph extends Application. */
function seedRows(n: ScaffoldNames): string {
  const ref = n.extendsType ? lowerFirst(n.extendsType) + "Id" : null;
  const words = n.entityKebab.replace(/-/g, " ");
  return ["aps", "desy", "hats"]
    .map(
      (app) =>
        `  { id: "${app}-example", ${ref ? `${ref}: "${app}", ` : ""}name: "${app.toUpperCase()} example ${words}" },`,
    )
    .join("\n");
}

function seedTs(n: ScaffoldNames): string {
  return `import { In, type DataSource } from "typeorm";
import { ${n.entity} } from "../${n.entityKebab}/${n.entityKebab}.entity.js";
import { to${n.entity}Row, type ${n.entity}Input } from "../${n.entityKebab}/${n.entityKebab}.rules.js";

/** Example ${n.entityPlural}${n.extendsType ? ", for applications the catalog lists" : ""}: replace them with the real ones. */
export const SEED: ${n.entity}Input[] = [
${seedRows(n)}
];

/**
 * Inserts the seed rows that are not there yet, in one transaction; rows already present are left as they are, so
 * a second run changes nothing. Returns how many rows it inserted.
 */
export async function seed${n.subgraphPascal}(dataSource: DataSource): Promise<number> {
  const rows = SEED.map((input) => {
    const result = to${n.entity}Row(input);
    if ("field" in result) throw new Error(\`seed ${n.entityCamel} \${input.id}: \${result.field} \${result.rule}\`);
    return result.row;
  });
  return dataSource.transaction(async (manager) => {
    const repository = manager.getRepository(${n.entity});
    const present = new Set((await repository.findBy({ id: In(rows.map((row) => row.id)) })).map((row) => row.id));
    const missing = rows.filter((row) => !present.has(row.id));
    if (missing.length > 0) await repository.insert(missing);
    return missing.length;
  });
}
`;
}

/**
 * The integration tests, for either kind: in-process through Apollo, counting what each operation costs (SQL
 * statements on every database, or calls to the source of a subgraph without one).
 */
function intTestTs(n: ScaffoldNames): string {
  const ext = n.extendsType;
  const rows = n.database ? "SEED" : "EXAMPLES";
  const cost = n.database ? "statement" : "source call";
  return `import { readFileSync } from "node:fs";
${committedSdl(n).imports}
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestSubgraph,${n.database ? " testDatabaseKinds," : ""} type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
${n.database ? `import { SEED } from "../seed/seed.js";\n` : ""}import { subgraph } from "../server.js";
${n.database ? "" : `import { EXAMPLES, sourceCalls } from "./${n.entityKebab}.source.js";\n`}
${n.database ? "const kinds = await testDatabaseKinds();\n" : ""}${committedSdl(n).constant}
const names = ${rows}.map((row) => row.name).sort();

type Page = { ${n.entityPlural}: { totalCount: number; nodes: { name: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } };

${n.database ? `describe.each(kinds)("the ${n.subgraph} subgraph on %s", (kind) => {` : `describe("the ${n.subgraph} subgraph", () => {`}
  let sg: TestSubgraph${n.database ? "" : "<null>"};
  beforeAll(async () => {
    sg = await openTestSubgraph(subgraph${n.database ? ", kind" : ""});
  });
  afterAll(async () => {
    await sg?.close();
  });

  /** Runs an operation and counts what it cost: ${n.database ? "SQL statements" : "calls to the source (and SQL statements: none)"}. */
  async function counted<T>(query: string, variables?: Record<string, unknown>) {
${
  n.database
    ? `    const result = await sg.execute<T>(query, variables);
    return { ...result, cost: result.sqlStatements };`
    : `    const before = sourceCalls.count;
    const result = await sg.execute<T>(query, variables);
    expect(result.sqlStatements).toBe(0);
    return { ...result, cost: sourceCalls.count - before };`
}
  }

  it("serves exactly the committed SDL", async () => {
    const { data } = await sg.execute<{ _service: { sdl: string } }>("{ _service { sdl } }");
    expect(data!._service.sdl.trim()).toBe(readFileSync(COMMITTED_SDL, "utf8").trim());
  });

  it("pages ${n.entityPlural} by name, one ${cost} a page", async () => {
    const query = "query ($after: String) { ${n.entityPlural}(first: 2, after: $after) { totalCount nodes { name } pageInfo { endCursor hasNextPage } } }";
    const first = await counted<Page>(query);
    expect(first.errors).toBeUndefined();
    expect(first.data!.${n.entityPlural}.totalCount).toBe(${rows}.length);
    const second = await counted<Page>(query, { after: first.data!.${n.entityPlural}.pageInfo.endCursor });
    expect(second.cost).toBe(${n.database ? "2); // the page, and the count totalCount asked for" : "1);"}
    const seen = [...first.data!.${n.entityPlural}.nodes, ...second.data!.${n.entityPlural}.nodes].map((node) => node.name);
    expect(seen).toEqual(names);
    expect(second.data!.${n.entityPlural}.pageInfo.hasNextPage).toBe(false);
  });

  it("refuses a page larger than 100 with BAD_USER_INPUT", async () => {
    const { errors } = await sg.execute("{ ${n.entityPlural}(first: 101) { nodes { id } } }");
    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("resolves a batch of ${n.entity} representations in one ${cost}, null for an unknown id", async () => {
    const ids = [${rows}[0]!.id, "no-such-${n.entityKebab}", ${rows}[1]!.id];
    const { data, cost } = await counted<{ _entities: ({ name: string } | null)[] }>(
      "query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${n.entity} { name } } }",
      { r: ids.map((id) => ({ __typename: "${n.entity}", id })) },
    );
    expect(data!._entities.map((entity) => entity?.name ?? null)).toEqual([${rows}[0]!.name, null, ${rows}[1]!.name]);
    expect(cost).toBe(1);
  });${
    ext
      ? `

  it("answers ${ext}.${n.extensionField} for a whole batch in one ${cost}, empty for one with none", async () => {
    const ids = [...${rows}.map((row) => row.${lowerFirst(ext)}Id), "no-${n.entityPlural}-here"];
    const { data, cost } = await counted<{ _entities: { ${n.extensionField}: { id: string }[] }[] }>(
      "query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${ext} { ${n.extensionField} { id } } } }",
      { r: ids.map((id) => ({ __typename: "${ext}", id })) },
    );
    expect(data!._entities.map((entity) => entity.${n.extensionField}.map((row) => row.id))).toEqual([
      ...${rows}.map((row) => [row.id]),
      [],
    ]);
    expect(cost).toBe(1);
  });`
      : ""
  }
});
`;
}

function e2eTestTs(n: ScaffoldNames): string {
  const ext = n.extendsType;
  return `/** The ${n.subgraph} subgraph through the real gateway, beside the rest of the graph. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../harness.js";

describe("${n.subgraph} through the gateway", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });
${
  ext === "Application"
    ? `
  it("answers Application.${n.extensionField} next to the catalog's fields, for anonymous callers too", async () => {
    const { body } = await stack.graphql<{
      applications: { nodes: { id: string; name: string; ${n.extensionField}: { name: string }[] | null }[] };
    }>("{ applications(first: 100) { nodes { id name ${n.extensionField} { name } } } }");
    expect(body.errors).toBeUndefined();
    const aps = body.data!.applications.nodes.find((node) => node.id === "aps")!;
    expect(aps.name).toBeTruthy();
    expect(aps.${n.extensionField}!.map((row) => row.name)).toEqual(["APS example ${n.entityKebab.replace(/-/g, " ")}"]);
  });

  it("answers ${n.entity}.application with the catalog's fields", async () => {
    const { body } = await stack.graphql<{ ${n.entityCamel}: { application: { id: string; name: string } } }>(
      '{ ${n.entityCamel}(id: "aps-example") { application { id name } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.${n.entityCamel}.application.id).toBe("aps");
    expect(body.data!.${n.entityCamel}.application.name).toBeTruthy();
  });
`
    : `
  it("answers ${n.entityPlural} through the gateway", async () => {
    const { body } = await stack.graphql<{ ${n.entityPlural}: { totalCount: number } }>("{ ${n.entityPlural}(first: 5) { totalCount } }");
    expect(body.errors).toBeUndefined();
    expect(body.data!.${n.entityPlural}.totalCount).toBe(3);
  });
`
}});
`;
}

/** Where the integration tests find the committed SDL: schema/subgraphs/ here, schema.graphql in a project alone. */
function committedSdl(n: ScaffoldNames): { imports: string; constant: string } {
  return n.standalone
    ? {
        imports: 'import { fileURLToPath } from "node:url";',
        constant: 'const COMMITTED_SDL = fileURLToPath(new URL("../../schema.graphql", import.meta.url));',
      }
    : {
        imports: 'import path from "node:path";\nimport { findRepoRoot } from "@portal-graph/subgraph-kit/workspace";',
        constant: `const COMMITTED_SDL = path.join(findRepoRoot(), "schema", "subgraphs", "${n.subgraph}.graphql");`,
      };
}

function article(word: string): string {
  return /^[AEIOU]/.test(word) ? "an" : "a";
}

export function lowerFirst(word: string): string {
  return word[0]!.toLowerCase() + word.slice(1);
}

export function capitalize(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

function camelToSnake(word: string): string {
  return word.replace(/[A-Z]/g, (c, i: number) => `${i === 0 ? "" : "_"}${c.toLowerCase()}`);
}
