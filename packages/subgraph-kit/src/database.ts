import path from "node:path";
import { DataSource, type MigrationInterface, type QueryRunner } from "typeorm";
import type { Logger } from "pino";
import { SqlCountingLogger } from "./sql-counter.js";
import { SqlSpanSubscriber } from "./sql-spans.js";

/** Where a subgraph keeps its data: an SQLite file (or memory), or a schema of its own in PostgreSQL. */
export type DatabaseTarget = { kind: "sqlite"; path: string } | { kind: "postgres"; url: string; schema: string };

type MigrationClass = new () => MigrationInterface;
// TypeORM accepts any class here; entity classes are plain decorated classes.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityClass = Function;

/** The environment variable a subgraph reads first: CATALOG_DATABASE_URL, HELP_DESKS_DATABASE_URL... */
export function databaseUrlVariable(subgraph: string): string {
  return `${subgraph.toUpperCase().replace(/-/g, "_")}_DATABASE_URL`;
}

/**
 * Reads the subgraph's database from the environment: its own <NAME>_DATABASE_URL, else DATABASE_URL, else
 * the SQLite file data/<subgraph>.sqlite under DATA_DIR (default ./data). One PostgreSQL URL serves every
 * subgraph, each in a schema named after it, so no subgraph can read another's tables by accident.
 */
export function resolveDatabase(subgraph: string, env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const variable = env[databaseUrlVariable(subgraph)] ? databaseUrlVariable(subgraph) : "DATABASE_URL";
  const value = env[variable]?.trim();
  if (!value) {
    return { kind: "sqlite", path: path.resolve(env.DATA_DIR ?? "data", `${subgraph}.sqlite`) };
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    return { kind: "postgres", url: value, schema: subgraph.replace(/-/g, "_") };
  }
  if (value === ":memory:") return { kind: "sqlite", path: value };
  const file = value.replace(/^(file|sqlite):(\/\/)?/, "");
  if (/^[./~]|\.(sqlite3?|db)$/.test(file) && !file.includes("://")) {
    return { kind: "sqlite", path: path.resolve(file) };
  }
  throw new Error(`${variable} is not a postgres:// URL or an SQLite file path (${subgraph})`);
}

export interface DataSourceOptions {
  target: DatabaseTarget;
  entities: EntityClass[];
  migrations: MigrationClass[];
  logger: Logger;
  poolSize?: number;
}

/** A TypeORM data source for the target; it never synchronizes, since schema changes go through migrations. */
export function createDataSource({ target, entities, migrations, logger, poolSize = 10 }: DataSourceOptions) {
  const common = {
    entities,
    migrations,
    synchronize: false,
    logger: new SqlCountingLogger(logger),
    // A span per SQL statement inside a traced request; nothing when tracing is off.
    subscribers: [SqlSpanSubscriber],
    maxQueryExecutionTime: 500,
  };
  if (target.kind === "postgres") {
    return new DataSource({
      ...common,
      type: "postgres",
      url: target.url,
      schema: target.schema,
      // Unqualified names in migrations (indexes, triggers) land in the subgraph's own schema.
      extra: { max: poolSize, options: `-c search_path=${target.schema}` },
    });
  }
  return new DataSource({
    ...common,
    type: "better-sqlite3",
    database: target.path,
    enableWAL: target.path !== ":memory:",
    timeout: 5000,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma("busy_timeout = 5000");
      db.pragma("synchronous = NORMAL");
    },
  });
}

/** Connects, makes the subgraph's PostgreSQL schema if missing, and runs pending migrations, each in its own transaction. */
export async function openDatabase(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = createDataSource(options);
  try {
    await dataSource.initialize();
  } catch (error) {
    const where =
      options.target.kind === "postgres" ? "PostgreSQL at DATABASE_URL" : `SQLite file ${options.target.path}`;
    throw new Error(`cannot open the database (${where}): ${(error as Error).message}`, { cause: error });
  }
  if (options.target.kind === "postgres") {
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${options.target.schema}"`);
  }
  await dataSource.runMigrations({ transaction: "each" });
  return dataSource;
}

/** Column types that differ by database, for migrations written once for both. */
export function columnTypes(queryRunner: QueryRunner) {
  const postgres = queryRunner.connection.driver.options.type === "postgres";
  return {
    timestamp: postgres ? "timestamptz" : "datetime",
  } as const;
}

/** True when the data source is PostgreSQL (for the few statements that must differ). */
export function isPostgres(dataSource: DataSource): boolean {
  return dataSource.options.type === "postgres";
}
