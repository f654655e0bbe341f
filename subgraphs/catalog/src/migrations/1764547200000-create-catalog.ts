import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { columnTypes } from "@portal-graph/subgraph-kit";

/** The catalog's first tables: applications, their links and tags. */
export class CreateCatalog1764547200000 implements MigrationInterface {
  name = "CreateCatalog1764547200000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const { timestamp } = columnTypes(queryRunner);
    const postgres = queryRunner.connection.driver.options.type === "postgres";
    // Byte order, so paging is the same on SQLite and PostgreSQL whatever the server's locale.
    const bytewise = postgres ? "C" : undefined;
    await queryRunner.createTable(
      new Table({
        name: "application",
        columns: [
          { name: "id", type: "varchar", length: "64", isPrimary: true, collation: bytewise },
          { name: "acronym", type: "varchar", length: "32", isNullable: true },
          { name: "name", type: "varchar", length: "200" },
          { name: "former_names", type: "text", default: "'[]'" },
          { name: "description", type: "text", isNullable: true },
          { name: "category", type: "varchar", length: "100", isNullable: true },
          { name: "lifecycle", type: "varchar", length: "16", default: "'ACTIVE'" },
          { name: "launch_url", type: "varchar", length: "2048", isNullable: true },
          { name: "sort_name", type: "varchar", length: "200", collation: bytewise },
          { name: "search_text", type: "text" },
          { name: "created_at", type: timestamp, default: "CURRENT_TIMESTAMP" },
          { name: "updated_at", type: timestamp, default: "CURRENT_TIMESTAMP" },
        ],
        checks: [
          { name: "application_lifecycle_check", expression: "lifecycle IN ('ACTIVE', 'DEPRECATED', 'RETIRED')" },
          { name: "application_name_check", expression: "length(name) > 0" },
        ],
      }),
    );
    await queryRunner.createIndex(
      "application",
      new TableIndex({ name: "application_sort", columnNames: ["sort_name", "id"] }),
    );
    await queryRunner.query(`CREATE UNIQUE INDEX application_acronym_key ON application (UPPER(acronym))`);

    await queryRunner.createTable(
      new Table({
        name: "application_link",
        columns: [
          { name: "application_id", type: "varchar", length: "64", isPrimary: true },
          { name: "position", type: "integer", isPrimary: true },
          { name: "kind", type: "varchar", length: "16" },
          { name: "title", type: "varchar", length: "200" },
          { name: "url", type: "varchar", length: "2048" },
        ],
        checks: [
          {
            name: "application_link_kind_check",
            expression: "kind IN ('FAQ', 'USER_GUIDE', 'HOME', 'TRAINING', 'OTHER')",
          },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ["application_id"],
            referencedTableName: "application",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "application_tag",
        columns: [
          { name: "application_id", type: "varchar", length: "64", isPrimary: true },
          { name: "tag", type: "varchar", length: "64", isPrimary: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ["application_id"],
            referencedTableName: "application",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
          }),
        ],
      }),
    );
    await queryRunner.createIndex(
      "application_tag",
      new TableIndex({ name: "application_tag_by_tag", columnNames: ["tag"] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("application_tag");
    await queryRunner.dropTable("application_link");
    await queryRunner.dropTable("application");
  }
}
