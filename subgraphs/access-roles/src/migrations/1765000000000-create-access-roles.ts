import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { columnTypes, createAppendOnlyTriggers, dropAppendOnlyTriggers } from "@portal-graph/subgraph-kit";

const REQUEST_STATUSES = "'PENDING', 'APPROVED', 'REJECTED', 'CANCELLED', 'EXPIRED'";
const GRANT_ENDS = "'EXPIRED', 'REVOKED', 'REMOVED_UNCERTIFIED'";

/** Roles, access requests and their decisions, role grants, and the append-only audit log. */
export class CreateAccessRoles1765000000000 implements MigrationInterface {
  name = "CreateAccessRoles1765000000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const { timestamp } = columnTypes(queryRunner);
    const postgres = queryRunner.connection.driver.options.type === "postgres";
    // Byte order, so paging and role lists sort the same on SQLite and PostgreSQL whatever the server's locale.
    const bytewise = postgres ? "C" : undefined;
    const key = (name: string, length: string) => ({ name, type: "varchar", length, collation: bytewise });
    const roleForeignKey = () =>
      new TableForeignKey({ columnNames: ["role_id"], referencedTableName: "role", referencedColumnNames: ["id"] });

    await queryRunner.createTable(
      new Table({
        name: "role",
        columns: [
          { ...key("id", "64"), isPrimary: true },
          key("application_id", "64"),
          { name: "name", type: "varchar", length: "200" },
          key("sort_name", "200"),
          { name: "description", type: "text", isNullable: true },
          { name: "privileged", type: "boolean" },
          { name: "requestable", type: "boolean" },
          { name: "is_approver", type: "boolean", default: false },
          { name: "max_duration_days", type: "integer", isNullable: true },
          { name: "conflicts_with", type: "text", default: "'[]'" },
        ],
        checks: [
          { name: "role_name_check", expression: "length(name) > 0" },
          { name: "role_duration_check", expression: "max_duration_days IS NULL OR max_duration_days > 0" },
        ],
      }),
    );
    await queryRunner.createIndex(
      "role",
      new TableIndex({ name: "role_by_application", columnNames: ["application_id", "sort_name", "id"] }),
    );
    // One approver role per application: "the approvers of X" must name one set of people.
    await queryRunner.query(`CREATE UNIQUE INDEX role_one_approver ON role (application_id) WHERE is_approver`);

    await queryRunner.createTable(
      new Table({
        name: "access_request",
        columns: [
          { ...key("id", "64"), isPrimary: true },
          key("requester_id", "128"),
          key("role_id", "64"),
          key("application_id", "64"),
          { name: "justification", type: "text" },
          { name: "status", type: "varchar", length: "16" },
          { name: "created_at", type: timestamp },
          { name: "decided_at", type: timestamp, isNullable: true },
          { name: "expires_at", type: timestamp },
          { name: "version", type: "integer", default: 0 },
        ],
        checks: [{ name: "access_request_status_check", expression: `status IN (${REQUEST_STATUSES})` }],
        foreignKeys: [roleForeignKey()],
      }),
    );
    await queryRunner.createIndex(
      "access_request",
      new TableIndex({ name: "access_request_by_requester", columnNames: ["requester_id", "created_at"] }),
    );
    await queryRunner.createIndex(
      "access_request",
      new TableIndex({ name: "access_request_queue", columnNames: ["status", "application_id", "created_at", "id"] }),
    );
    // At most one pending request per user and role, whatever two concurrent requestAccess calls do.
    await queryRunner.query(
      `CREATE UNIQUE INDEX access_request_one_pending ON access_request (requester_id, role_id) WHERE status = 'PENDING'`,
    );

    await queryRunner.createTable(
      new Table({
        name: "access_decision",
        columns: [
          { ...key("id", "64"), isPrimary: true },
          key("request_id", "64"),
          key("approver_id", "128"),
          { name: "decision", type: "varchar", length: "16" },
          { name: "comment", type: "text", isNullable: true },
          { name: "decided_at", type: timestamp },
        ],
        checks: [{ name: "access_decision_check", expression: "decision IN ('APPROVED', 'REJECTED')" }],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ["request_id"],
            referencedTableName: "access_request",
            referencedColumnNames: ["id"],
          }),
        ],
      }),
    );
    // One decision per request: the second line of defence behind the conditional update.
    await queryRunner.createIndex(
      "access_decision",
      new TableIndex({ name: "access_decision_one_per_request", columnNames: ["request_id"], isUnique: true }),
    );
    await createAppendOnlyTriggers(queryRunner, "access_decision");

    await queryRunner.createTable(
      new Table({
        name: "role_grant",
        columns: [
          { ...key("id", "64"), isPrimary: true },
          key("user_id", "128"),
          key("role_id", "64"),
          key("application_id", "64"),
          { name: "request_id", type: "varchar", length: "64", isNullable: true },
          { name: "granted_at", type: timestamp },
          { name: "granted_by", type: "varchar", length: "128" },
          { name: "expires_at", type: timestamp, isNullable: true },
          { name: "last_certified_at", type: timestamp, isNullable: true },
          { name: "last_certified_by", type: "varchar", length: "128", isNullable: true },
          key("certification_due_on", "10"),
          { name: "revoked_at", type: timestamp, isNullable: true },
          { name: "revoked_by", type: "varchar", length: "128", isNullable: true },
          { name: "revoked_reason", type: "varchar", length: "1000", isNullable: true },
          { name: "ended_at", type: timestamp, isNullable: true },
          { name: "end_state", type: "varchar", length: "24", isNullable: true },
          { name: "version", type: "integer", default: 0 },
        ],
        checks: [{ name: "role_grant_end_check", expression: `end_state IS NULL OR end_state IN (${GRANT_ENDS})` }],
        foreignKeys: [roleForeignKey()],
      }),
    );
    await queryRunner.createIndex(
      "role_grant",
      new TableIndex({ name: "role_grant_by_user", columnNames: ["user_id", "granted_at"] }),
    );
    await queryRunner.createIndex(
      "role_grant",
      new TableIndex({ name: "role_grant_by_due", columnNames: ["certification_due_on", "id"] }),
    );
    // A user holds a role at most once at a time, whatever two concurrent approvals do.
    await queryRunner.query(
      `CREATE UNIQUE INDEX role_grant_one_held ON role_grant (user_id, role_id) WHERE end_state IS NULL`,
    );

    await queryRunner.createTable(
      new Table({
        name: "audit_event",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "at", type: timestamp },
          key("actor", "128"),
          key("action", "48"),
          { name: "target_type", type: "varchar", length: "32" },
          key("target_id", "64"),
          { name: "access_request_id", type: "varchar", length: "64", isNullable: true },
          key("subject_user_id", "128"),
          key("role_id", "64"),
          { name: "request_id", type: "varchar", length: "128", isNullable: true },
          { name: "outcome", type: "varchar", length: "32" },
          { name: "details", type: "text", default: "'{}'" },
        ],
      }),
    );
    for (const column of ["actor", "action", "target_id", "subject_user_id", "at"]) {
      await queryRunner.createIndex(
        "audit_event",
        new TableIndex({ name: `audit_event_by_${column}`, columnNames: [column, "id"] }),
      );
    }
    // The database itself refuses to rewrite history, whatever code runs against it.
    await createAppendOnlyTriggers(queryRunner, "audit_event");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAppendOnlyTriggers(queryRunner, "audit_event");
    await queryRunner.dropTable("audit_event");
    await queryRunner.dropTable("role_grant");
    await dropAppendOnlyTriggers(queryRunner, "access_decision");
    await queryRunner.dropTable("access_decision");
    await queryRunner.dropTable("access_request");
    await queryRunner.dropTable("role");
  }
}
