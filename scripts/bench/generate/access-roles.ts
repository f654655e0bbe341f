import type { DataSource } from "typeorm";
import { subgraph } from "@portal-graph/access-roles";
import { bulkInsert, timestamp } from "../bulk.js";
import { pad, type Random } from "../random.js";

const DAY = 86_400_000;
// Each approver decides for this many applications, and each of those has this many pending requests at least.
const APPLICATIONS_PER_APPROVER = 3;
const PENDING_PER_APPLICATION = 5;

interface Input {
  applicationIds: string[];
  userIds: string[];
  approverIds: string[];
  grants: number;
}

/**
 * The seed roles and users, then for every other application 2 to 6 roles (one of them its approver role), every
 * user, `grants` grants of ordinary roles, each approver holding the approver role of 3 applications (spread over
 * all of them, so approvers share an application only when there are more approvers than applications), and
 * pending requests for every application an approver decides, so every approver's queue has work in it.
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
    [...input.approverIds, ...input.userIds].map((id) => [
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
  const decided = new Map<string, { id: string; applicationId: string }>();
  input.approverIds.forEach((approverId, a) => {
    for (let k = 0; k < APPLICATIONS_PER_APPROVER && k < approverRoles.length; k++) {
      const role = approverRoles[(a * APPLICATIONS_PER_APPROVER + k) % approverRoles.length]!;
      decided.set(role.id, role);
      grants.push([
        `grant-${approverId}-${k}`,
        approverId,
        role.id,
        role.applicationId,
        at(now - 30 * DAY),
        "bench",
        day(now + 335 * DAY),
      ]);
    }
  });
  const approverGrants = grants.length;
  for (let i = 0; grants.length < input.grants + approverGrants && i < input.grants * 3; i++) {
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

  const requests: unknown[][] = [];
  const pending = new Set<string>();
  const ordinaryOf = new Map<string, { id: string; applicationId: string }[]>();
  for (const role of ordinary)
    ordinaryOf.set(role.applicationId, [...(ordinaryOf.get(role.applicationId) ?? []), role]);
  for (const { applicationId } of decided.values()) {
    const roles = ordinaryOf.get(applicationId) ?? [];
    for (let made = 0, tries = 0; roles.length && made < PENDING_PER_APPLICATION && tries < 50; tries++) {
      const role = random.pick(roles);
      const requester = random.pick(input.userIds);
      // One pending request per user and role, as the subgraph's unique index demands.
      if (pending.has(`${requester} ${role.id}`)) continue;
      pending.add(`${requester} ${role.id}`);
      made += 1;
      const created = now - random.int(0, 20) * DAY;
      requests.push([
        `request-${pad(requests.length, 7)}`,
        requester,
        role.id,
        role.applicationId,
        "Needed for my work.",
        "PENDING",
        at(created),
        at(created + 30 * DAY),
      ]);
    }
  }
  await bulkInsert(
    dataSource,
    "access_request",
    ["id", "requester_id", "role_id", "application_id", "justification", "status", "created_at", "expires_at"],
    requests,
  );
}
