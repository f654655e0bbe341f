import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { columnTypes, createAppendOnlyTriggers, dropAppendOnlyTriggers } from "@portal-graph/subgraph-kit";

/**
 * What guarded writes need: the owner group, deprecation and retirement columns of `application`, and the
 * append-only change log `application_change`, whose rows a trigger refuses to update or delete.
 */
export class ApplicationWrites1764720000000 implements MigrationInterface {
  name = "ApplicationWrites1764720000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const { timestamp } = columnTypes(queryRunner);
    // Plain ALTER TABLE on both databases: TypeORM's addColumn rebuilds SQLite tables, which would lose the
    // expression index on UPPER(acronym). replaced_by is checked in code (it must exist and not be retired).
    await queryRunner.query(`ALTER TABLE application ADD COLUMN owner_group varchar(100) NULL`);
    await queryRunner.query(`ALTER TABLE application ADD COLUMN replaced_by varchar(64) NULL`);
    await queryRunner.query(`ALTER TABLE application ADD COLUMN sunset_on varchar(10) NULL`);
    await queryRunner.query(`ALTER TABLE application ADD COLUMN retired_at ${timestamp} NULL`);

    await queryRunner.createTable(
      new Table({
        name: "application_change",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          // No foreign key: the log outlives what it describes, and a cascade would have to delete log rows.
          { name: "application_id", type: "varchar", length: "64" },
          { name: "actor", type: "varchar", length: "255" },
          { name: "action", type: "varchar", length: "16" },
          { name: "at", type: timestamp, default: "CURRENT_TIMESTAMP" },
          { name: "request_id", type: "varchar", length: "128", isNullable: true },
          { name: "changes", type: "text" },
        ],
        checks: [
          {
            name: "application_change_action_check",
            expression: "action IN ('REGISTER', 'UPDATE', 'DEPRECATE', 'RETIRE')",
          },
        ],
      }),
    );
    await queryRunner.createIndex(
      "application_change",
      new TableIndex({ name: "application_change_by_application", columnNames: ["application_id", "id"] }),
    );

    await createAppendOnlyTriggers(queryRunner, "application_change");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAppendOnlyTriggers(queryRunner, "application_change");
    await queryRunner.dropTable("application_change");
    for (const column of ["retired_at", "sunset_on", "replaced_by", "owner_group"]) {
      await queryRunner.query(`ALTER TABLE application DROP COLUMN ${column}`);
    }
  }
}
