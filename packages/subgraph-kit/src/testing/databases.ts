import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { DatabaseTarget } from "../database.js";

/** The databases a test file runs against. */
export type TestDatabaseKind = "sqlite" | "postgres";

/** The PostgreSQL server tests use: TEST_POSTGRES_URL, default the local one (trust auth). */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

let reachable: Promise<boolean> | undefined;

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * SQLite always; PostgreSQL when the server answers. With CI=true PostgreSQL is required: a missing server
 * fails the run instead of quietly skipping half of it.
 */
export async function testDatabaseKinds(): Promise<TestDatabaseKind[]> {
  reachable ??= postgresReachable();
  if (await reachable) return ["sqlite", "postgres"];
  if (process.env.CI === "true") {
    throw new Error(
      `PostgreSQL at ${new URL(TEST_POSTGRES_URL).host} is required when CI=true, and it does not answer`,
    );
  }
  return ["sqlite"];
}

/** A fresh, empty database of the kind: a temp SQLite file, or a new PostgreSQL database dropped afterwards. */
export async function createTestDatabase(
  kind: TestDatabaseKind,
  subgraph: string,
): Promise<{ target: DatabaseTarget; drop(): Promise<void> }> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), `pg-${subgraph}-`));
    return {
      target: { kind: "sqlite", path: path.join(dir, `${subgraph}.sqlite`) },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `test_${subgraph.replace(/-/g, "_")}_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    target: { kind: "postgres", url: url.toString(), schema: subgraph.replace(/-/g, "_") },
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
