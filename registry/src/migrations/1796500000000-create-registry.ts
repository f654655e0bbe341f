import { Table, type MigrationInterface, type QueryRunner } from "typeorm";
import { columnTypes } from "@portal-graph/subgraph-kit";

/** The registry's one table: numbered, immutable supergraph versions. */
export class CreateRegistry1796500000000 implements MigrationInterface {
  name = "CreateRegistry1796500000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const { timestamp } = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: "supergraph_version",
        columns: [
          { name: "id", type: "integer", isPrimary: true },
          { name: "supergraph", type: "text" },
          { name: "hash", type: "varchar", length: "64" },
          { name: "subgraphs", type: "text" },
          { name: "action", type: "varchar", length: "16" },
          { name: "subgraph", type: "varchar", length: "64", isNullable: true },
          { name: "actor", type: "varchar", length: "64" },
          { name: "reason", type: "text", isNullable: true },
          { name: "created_at", type: timestamp, default: "CURRENT_TIMESTAMP" },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("supergraph_version");
  }
}
