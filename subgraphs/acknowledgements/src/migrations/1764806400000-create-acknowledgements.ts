import { Table, TableForeignKey, TableIndex, TableUnique, type MigrationInterface, type QueryRunner } from "typeorm";
import { columnTypes, createAppendOnlyTriggers, dropAppendOnlyTriggers } from "@portal-graph/subgraph-kit";

const HISTORY = ["policy_version", "acknowledgement", "policy_change"];

/**
 * Policies, their immutable versions, append-only acknowledgements, the users seen, and the policy change log.
 * Triggers on both databases refuse UPDATE and DELETE on versions, acknowledgements and the log.
 */
export class CreateAcknowledgements1764806400000 implements MigrationInterface {
  name = "CreateAcknowledgements1764806400000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const { timestamp } = columnTypes(queryRunner);
    const postgres = queryRunner.connection.driver.options.type === "postgres";
    // Byte order, so keyset paging over ids is the same on SQLite and PostgreSQL whatever the server's locale.
    const bytewise = postgres ? "C" : undefined;
    const id = (name: string, length: string, extra: object = {}) => ({
      name,
      type: "varchar",
      length,
      collation: bytewise,
      ...extra,
    });

    await queryRunner.createTable(
      new Table({
        name: "policy",
        columns: [
          id("id", "64", { isPrimary: true }),
          { name: "kind", type: "varchar", length: "32" },
          { name: "title", type: "varchar", length: "200" },
          { name: "scope", type: "varchar", length: "32" },
          id("application_id", "64", { isNullable: true }),
          { name: "renewal_kind", type: "varchar", length: "16" },
          { name: "renewal_days", type: "integer", isNullable: true },
          { name: "created_at", type: timestamp, default: "CURRENT_TIMESTAMP" },
        ],
        checks: [
          {
            name: "policy_kind_check",
            expression: `kind IN ('WARNING_BANNER', 'RULES_OF_BEHAVIOR', 'PRIVILEGED_USER_ADDENDUM', 'APPLICATION_RULES',
              'PRIVACY_ACT_STATEMENT', 'PAPERWORK_REDUCTION_ACT_NOTICE')`,
          },
          { name: "policy_scope_check", expression: "scope IN ('ALL_USERS', 'APPLICATION_USERS', 'PRIVILEGED_USERS')" },
          {
            name: "policy_application_check",
            expression: "(scope = 'APPLICATION_USERS') = (application_id IS NOT NULL)",
          },
          {
            name: "policy_renewal_check",
            expression: `renewal_kind IN ('EVERY_SIGN_IN', 'PERIOD', 'ON_NEW_VERSION', 'NONE')
              AND (renewal_kind = 'PERIOD') = (renewal_days IS NOT NULL) AND (renewal_days IS NULL OR renewal_days > 0)`,
          },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "policy_version",
        columns: [
          id("id", "80", { isPrimary: true }),
          id("policy_id", "64"),
          { name: "version", type: "integer" },
          { name: "effective_on", type: "varchar", length: "10" },
          { name: "body", type: "text" },
          { name: "content_hash", type: "varchar", length: "64" },
          id("supersedes_id", "80", { isNullable: true }),
          { name: "keeps_earlier_acknowledgements", type: "boolean" },
          { name: "omb_control_number", type: "varchar", length: "16", isNullable: true },
          { name: "omb_expires_on", type: "varchar", length: "10", isNullable: true },
          { name: "omb_burden_minutes", type: "integer", isNullable: true },
          { name: "published_at", type: timestamp },
          { name: "published_by", type: "varchar", length: "128", isNullable: true },
        ],
        uniques: [new TableUnique({ name: "policy_version_number_key", columnNames: ["policy_id", "version"] })],
        checks: [{ name: "policy_version_number_check", expression: "version > 0 AND length(body) > 0" }],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ["policy_id"],
            referencedTableName: "policy",
            referencedColumnNames: ["id"],
          }),
          new TableForeignKey({
            columnNames: ["supersedes_id"],
            referencedTableName: "policy_version",
            referencedColumnNames: ["id"],
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "acknowledgement",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          id("user_id", "128"),
          id("policy_id", "64"),
          id("policy_version_id", "80"),
          { name: "acknowledged_at", type: timestamp },
          { name: "method", type: "varchar", length: "16" },
          { name: "valid_until", type: timestamp, isNullable: true },
          id("application_id", "64", { isNullable: true }),
          { name: "request_id", type: "varchar", length: "128", isNullable: true },
        ],
        checks: [{ name: "acknowledgement_method_check", expression: "method IN ('ELECTRONIC', 'WRITTEN')" }],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ["policy_version_id"],
            referencedTableName: "policy_version",
            referencedColumnNames: ["id"],
          }),
        ],
      }),
    );
    // The latest acknowledgement of a policy by a user: one backwards range read, whatever the history's length.
    await queryRunner.createIndex(
      "acknowledgement",
      new TableIndex({
        name: "acknowledgement_latest",
        columnNames: ["user_id", "policy_id", "acknowledged_at", "id"],
      }),
    );
    // A user's history in recording order, keyset-paged. Deliberately not (user_id, acknowledged_at): PostgreSQL
    // would then answer "latest per policy" from it too, filtering policies row by row through a long history.
    await queryRunner.createIndex(
      "acknowledgement",
      new TableIndex({ name: "acknowledgement_by_user", columnNames: ["user_id", "id"] }),
    );

    await queryRunner.createTable(
      new Table({
        name: "acknowledgement_user",
        columns: [id("user_id", "128", { isPrimary: true }), { name: "first_seen_at", type: timestamp }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "policy_change",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "policy_id", type: "varchar", length: "64" },
          { name: "policy_version_id", type: "varchar", length: "80" },
          { name: "actor", type: "varchar", length: "128" },
          { name: "action", type: "varchar", length: "32" },
          { name: "at", type: timestamp },
          { name: "request_id", type: "varchar", length: "128", isNullable: true },
          { name: "details", type: "text" },
        ],
        checks: [{ name: "policy_change_action_check", expression: "action IN ('PUBLISH_VERSION')" }],
      }),
    );
    await queryRunner.createIndex(
      "policy_change",
      new TableIndex({ name: "policy_change_by_policy", columnNames: ["policy_id", "id"] }),
    );

    for (const table of HISTORY) await createAppendOnlyTriggers(queryRunner, table);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of HISTORY) await dropAppendOnlyTriggers(queryRunner, table);
    for (const table of ["policy_change", "acknowledgement_user", "acknowledgement", "policy_version", "policy"]) {
      await queryRunner.dropTable(table);
    }
  }
}
