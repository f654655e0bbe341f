import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { columnTypes } from "@portal-graph/subgraph-kit";

/** The operations gateways report, per client, with the coordinates each used and when it was last seen. */
export class CreateOperationUsage1796500100000 implements MigrationInterface {
  name = "CreateOperationUsage1796500100000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const { timestamp } = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: "operation_usage",
        columns: [
          { name: "operation_id", type: "varchar", length: "64", isPrimary: true },
          { name: "client_name", type: "varchar", length: "128", isPrimary: true },
          { name: "client_version", type: "varchar", length: "64", isPrimary: true },
          { name: "operation_name", type: "varchar", length: "256", isNullable: true },
          { name: "coordinates", type: "text" },
          { name: "count", type: "integer" },
          { name: "last_seen_at", type: timestamp },
        ],
      }),
    );
    await queryRunner.createIndex(
      "operation_usage",
      new TableIndex({ name: "operation_usage_last_seen", columnNames: ["last_seen_at"] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("operation_usage");
  }
}
