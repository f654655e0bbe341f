import { TableColumn, type MigrationInterface, type QueryRunner } from "typeorm";

/** Each version keeps what it changed in the API, for `history`. */
export class AddVersionChanges1796500200000 implements MigrationInterface {
  name = "AddVersionChanges1796500200000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      "supergraph_version",
      new TableColumn({ name: "changes", type: "text", isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn("supergraph_version", "changes");
  }
}
