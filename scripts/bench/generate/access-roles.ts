import type { DataSource } from "typeorm";
import { subgraph } from "@portal-graph/access-roles";
import { bulkInsert, timestamp } from "../bulk.js";
import { pad, type Random } from "../random.js";

const DAY = 86_400_000;

interface Input {
  applicationIds: string[];
  userIds: string[];
  approverId: string;
  grants: number;
}

/**
 * The seed roles and users, then for every other application 2 to 6 roles (one of them its approver role), every
 * user, `grants` grants of ordinary roles, the approver holding the approver role of 50 applications, and pending
 * requests for those applications so the approval queue is full.
 */
export async function generateAccessRoles(dataSource: DataSource, input: Input, random: Random): Promise<void> {
  await subgraph.seed(dataSource);
  const now = Date.now();
  const at = (date: number) => timestamp(dataSource, new Date(date));
  const day = (date: number) => new Date(date).toISOString().slice(0, 10);

  const seeded = new Set(
    ((await dataSource.query("SELECT DISTINCT application_id FROM role")) as { application_id: string }[]).map(
      (row) => row.application_id,
    ),
  );
  const roles: unknown[][] = [];
  const ordinary: { id: string; applicationId: string }[] = [];
  const approverRoles: { id: string; applicationId: string }[] = [];
  for (const applicationId of input.applicationIds.filter((id) => !seeded.has(id))) {
    const count = random.int(2, 6);
    for (let r = 0; r < count; r++) {
      const id = `${applicationId}-role-${r}`;
      const approver = r === 0;
      const privileged = r === count - 1 && count > 2;
      const name = approver ? "Approver" : privileged ? "Administrator" : `Role ${r}`;
      roles.push([
        id,
        applicationId,
        name,
        name.toLowerCase(),
        null,
        privileged,
        !approver,
        approver,
        privileged ? 180 : null,
        "[]",
      ]);
      (approver ? approverRoles : ordinary).push({ id, applicationId });
    }
  }
  await bulkInsert(
    dataSource,
    "role",
    [
      "id",
      "application_id",
      "name",
      "sort_name",
      "description",
      "privileged",
      "requestable",
      "is_approver",
      "max_duration_days",
      "conflicts_with",
    ],
    roles,
  );

  await bulkInsert(
    dataSource,
    "portal_user",
    ["id", "display_name", "email", "portal_roles", "mfa_factors", "mfa_enrolled", "last_seen_at"],
    [input.approverId, ...input.userIds].map((id) => [
      id,
      `User ${id}`,
      `${id}@example.test`,
      "[]",
      '["pwd","mfa"]',
      true,
      at(now - DAY),
    ]),
  );

  const grantColumns = [
    "id",
    "user_id",
    "role_id",
    "application_id",
    "granted_at",
    "granted_by",
    "certification_due_on",
  ];
  const grants: unknown[][] = [];
  const held = new Set<string>();
  for (const role of approverRoles.slice(0, 50)) {
    grants.push([
      `grant-approver-${role.id}`,
      input.approverId,
      role.id,
      role.applicationId,
      at(now - 30 * DAY),
      "bench",
      day(now + 335 * DAY),
    ]);
  }
  for (let i = 0; grants.length < input.grants + Math.min(50, approverRoles.length) && i < input.grants * 3; i++) {
    const user = random.pick(input.userIds);
    const role = random.pick(ordinary);
    if (held.has(`${user} ${role.id}`)) continue;
    held.add(`${user} ${role.id}`);
    const granted = now - random.int(1, 400) * DAY;
    grants.push([
      `grant-${pad(i, 7)}`,
      user,
      role.id,
      role.applicationId,
      at(granted),
      "bench",
      day(granted + 365 * DAY),
    ]);
  }
  await bulkInsert(dataSource, "role_grant", grantColumns, grants);

  const approved = new Set(approverRoles.slice(0, 50).map((role) => role.applicationId));
  const queueRoles = ordinary.filter((role) => approved.has(role.applicationId));
  const requests: unknown[][] = [];
  const pending = new Set<string>();
  for (let i = 0; i < 500 && queueRoles.length; i++) {
    const role = random.pick(queueRoles);
    const requester = random.pick(input.userIds);
    // One pending request per user and role, as the subgraph's unique index demands.
    if (pending.has(`${requester} ${role.id}`)) continue;
    pending.add(`${requester} ${role.id}`);
    const created = now - random.int(0, 20) * DAY;
    requests.push([
      `request-${pad(i)}`,
      requester,
      role.id,
      role.applicationId,
      "Needed for my work.",
      "PENDING",
      at(created),
      at(created + 30 * DAY),
    ]);
  }
  await bulkInsert(
    dataSource,
    "access_request",
    ["id", "requester_id", "role_id", "application_id", "justification", "status", "created_at", "expires_at"],
    requests,
  );
}
