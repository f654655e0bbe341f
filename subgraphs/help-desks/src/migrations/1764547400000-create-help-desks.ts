import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { columnTypes, createAppendOnlyTriggers, dropAppendOnlyTriggers } from "@portal-graph/subgraph-kit";

const KINDS = "'PHONE', 'TTY', 'FAX', 'EMAIL', 'WEB', 'LOCAL_DESK'";

/** The help desks' tables: desks, their contact points, their assignments to applications, and the change log. */
export class CreateHelpDesks1764547400000 implements MigrationInterface {
  name = "CreateHelpDesks1764547400000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const { timestamp } = columnTypes(queryRunner);
    const postgres = queryRunner.connection.driver.options.type === "postgres";
    // Byte order, so paging is the same on SQLite and PostgreSQL whatever the server's locale.
    const bytewise = postgres ? "C" : undefined;
    const deskForeignKey = () =>
      new TableForeignKey({
        columnNames: ["help_desk_id"],
        referencedTableName: "help_desk",
        referencedColumnNames: ["id"],
        onDelete: "CASCADE",
      });

    await queryRunner.createTable(
      new Table({
        name: "help_desk",
        columns: [
          { name: "id", type: "varchar", length: "64", isPrimary: true, collation: bytewise },
          { name: "name", type: "varchar", length: "200" },
          { name: "description", type: "text", isNullable: true },
          { name: "notes", type: "text", default: "'[]'" },
          // Validated JSON ({ timeZone, weekly, exceptions }), written only through normaliseHours.
          { name: "hours", type: "text", isNullable: true },
          { name: "data_quality", type: "text", default: "'[]'" },
          { name: "sort_name", type: "varchar", length: "200", collation: bytewise },
          { name: "search_text", type: "text" },
          { name: "created_at", type: timestamp, default: "CURRENT_TIMESTAMP" },
          { name: "updated_at", type: timestamp, default: "CURRENT_TIMESTAMP" },
        ],
        checks: [{ name: "help_desk_name_check", expression: "length(name) > 0" }],
      }),
    );
    await queryRunner.createIndex(
      "help_desk",
      new TableIndex({ name: "help_desk_sort", columnNames: ["sort_name", "id"] }),
    );

    await queryRunner.createTable(
      new Table({
        name: "help_desk_contact_point",
        columns: [
          { name: "help_desk_id", type: "varchar", length: "64", isPrimary: true },
          { name: "position", type: "integer", isPrimary: true },
          { name: "kind", type: "varchar", length: "16" },
          { name: "value", type: "varchar", length: "2048" },
          { name: "display", type: "varchar", length: "2048" },
          { name: "extension", type: "varchar", length: "16", isNullable: true },
          { name: "menu_steps", type: "text", default: "'[]'" },
          { name: "purpose", type: "varchar", length: "500", isNullable: true },
          { name: "available_languages", type: "text", default: "'[]'" },
        ],
        checks: [{ name: "help_desk_contact_point_kind_check", expression: `kind IN (${KINDS})` }],
        foreignKeys: [deskForeignKey()],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "help_desk_assignment",
        columns: [
          { name: "application_id", type: "varchar", length: "64", isPrimary: true },
          { name: "help_desk_id", type: "varchar", length: "64", isPrimary: true },
          { name: "purpose", type: "varchar", length: "500", isNullable: true },
          { name: "is_primary", type: "boolean" },
          { name: "assigned_at", type: timestamp, default: "CURRENT_TIMESTAMP" },
        ],
        foreignKeys: [deskForeignKey()],
      }),
    );
    await queryRunner.createIndex(
      "help_desk_assignment",
      new TableIndex({ name: "help_desk_assignment_by_desk", columnNames: ["help_desk_id"] }),
    );
    // At most one primary desk per application, whatever a concurrent write does.
    await queryRunner.query(
      `CREATE UNIQUE INDEX help_desk_assignment_one_primary ON help_desk_assignment (application_id) WHERE is_primary`,
    );

    await queryRunner.createTable(
      new Table({
        name: "help_desk_change",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "actor", type: "varchar", length: "128" },
          { name: "action", type: "varchar", length: "64" },
          { name: "target_id", type: "varchar", length: "200" },
          { name: "at", type: timestamp },
          { name: "request_id", type: "varchar", length: "128", isNullable: true },
          { name: "summary", type: "text" },
        ],
      }),
    );
    await queryRunner.createIndex(
      "help_desk_change",
      new TableIndex({ name: "help_desk_change_by_target", columnNames: ["target_id", "at"] }),
    );
    // The database itself refuses to rewrite history, whatever code runs against it (as the catalog's log does).
    await createAppendOnlyTriggers(queryRunner, "help_desk_change");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAppendOnlyTriggers(queryRunner, "help_desk_change");
    await queryRunner.dropTable("help_desk_change");
    await queryRunner.dropTable("help_desk_assignment");
    await queryRunner.dropTable("help_desk_contact_point");
    await queryRunner.dropTable("help_desk");
  }
}
