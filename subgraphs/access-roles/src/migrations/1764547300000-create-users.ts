import { Table, type MigrationInterface, type QueryRunner } from "typeorm";
import { columnTypes } from "@portal-graph/subgraph-kit";

/** Portal users as last seen signing in. */
export class CreateUsers1764547300000 implements MigrationInterface {
  name = "CreateUsers1764547300000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const { timestamp } = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: "portal_user",
        columns: [
          { name: "id", type: "varchar", length: "128", isPrimary: true },
          { name: "display_name", type: "varchar", length: "200", isNullable: true },
          { name: "email", type: "varchar", length: "320", isNullable: true },
          { name: "portal_roles", type: "text", default: "'[]'" },
          { name: "mfa_factors", type: "text", default: "'[]'" },
          { name: "mfa_enrolled", type: "boolean", default: false },
          { name: "last_seen_at", type: timestamp, isNullable: true },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("portal_user");
  }
}
