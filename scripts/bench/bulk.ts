import type { DataSource } from "typeorm";
import { isPostgres } from "@portal-graph/subgraph-kit";

/** A timestamp as the data source stores it (TypeORM's SQLite datetime text, or an ISO instant for PostgreSQL). */
export function timestamp(dataSource: DataSource, date: Date): string {
  return isPostgres(dataSource) ? date.toISOString() : date.toISOString().replace("T", " ").replace("Z", "");
}

/**
 * Inserts many rows in one transaction, fast: a prepared statement on SQLite, multi-row INSERTs of 500 rows on
 * PostgreSQL. For generated benchmark data only; it bypasses the entities on purpose.
 */
export async function bulkInsert(
  dataSource: DataSource,
  table: string,
  columns: string[],
  rows: unknown[][],
): Promise<void> {
  if (rows.length === 0) return;
  if (!isPostgres(dataSource)) {
    const db = (dataSource.driver as unknown as { databaseConnection: SqliteDatabase }).databaseConnection;
    const statement = db.prepare(
      `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
    );
    db.transaction((all: unknown[][]) => {
      for (const row of all) statement.run(row.map((value) => (typeof value === "boolean" ? Number(value) : value)));
    })(rows);
    return;
  }
  const runner = dataSource.createQueryRunner();
  await runner.startTransaction();
  try {
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      const values = chunk
        .map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(", ")})`)
        .join(", ");
      await runner.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${values}`, chunk.flat());
    }
    await runner.commitTransaction();
  } catch (error) {
    await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}

interface SqliteDatabase {
  prepare(sql: string): { run(values: unknown[]): unknown };
  transaction<T extends unknown[]>(fn: (...args: T) => void): (...args: T) => void;
}
