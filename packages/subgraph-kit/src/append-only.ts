import type { QueryRunner } from "typeorm";

function isPostgresRunner(queryRunner: QueryRunner): boolean {
  return queryRunner.connection.driver.options.type === "postgres";
}

/**
 * Makes a table append-only in the database itself, so no code path (nor a person at a SQL prompt) can rewrite
 * history: UPDATE and DELETE (and, on PostgreSQL, TRUNCATE) fail with "<table> is append-only (<OP> refused)".
 */
export async function createAppendOnlyTriggers(queryRunner: QueryRunner, table: string): Promise<void> {
  const refusal = `${table} is append-only`;
  if (isPostgresRunner(queryRunner)) {
    await queryRunner.query(
      `CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION '${refusal} (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
       END
       $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
       FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
       FOR EACH STATEMENT EXECUTE FUNCTION ${table}_append_only()`,
    );
    return;
  }
  for (const operation of ["UPDATE", "DELETE"]) {
    await queryRunner.query(
      `CREATE TRIGGER ${table}_no_${operation.toLowerCase()} BEFORE ${operation} ON ${table}
       BEGIN SELECT RAISE(ABORT, '${refusal} (${operation} refused)'); END`,
    );
  }
}

/** Removes what createAppendOnlyTriggers made (for a migration's down). */
export async function dropAppendOnlyTriggers(queryRunner: QueryRunner, table: string): Promise<void> {
  if (isPostgresRunner(queryRunner)) {
    await queryRunner.query(`DROP TRIGGER IF EXISTS ${table}_no_truncate ON ${table}`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS ${table}_append_only ON ${table}`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS ${table}_append_only()`);
    return;
  }
  await queryRunner.query(`DROP TRIGGER IF EXISTS ${table}_no_update`);
  await queryRunner.query(`DROP TRIGGER IF EXISTS ${table}_no_delete`);
}
