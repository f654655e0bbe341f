// Shared by the int tests; kept out of the build (tsconfig.build.json excludes *.test-support.ts).
import { expect } from "vitest";
import { devViewer } from "@portal-graph/auth/dev-issuer";
import type { Viewer } from "@portal-graph/subgraph-kit";
import type { TestSubgraph } from "@portal-graph/subgraph-kit/testing";

/** The development users by what they do here. */
export const ALICE = devViewer("alice");
export const BOB = devViewer("bob");
export const CAROL = devViewer("carol");
export const DANA = devViewer("dana");
export const ERIN = devViewer("erin");
export const FRANK = devViewer("frank");

const ERRORS = "userErrors { field message code }";
const REQUEST = "accessRequest { id status role { id } requester { id } justification expiresAt decidedAt }";
const GRANT = "roleGrant { id role { id } user { id } expiresAt certificationDueOn lastCertifiedAt revokedReason }";

/** One document per mutation, each selecting its whole payload. */
export const MUTATIONS = {
  requestAccess: `mutation ($input: RequestAccessInput!) { requestAccess(input: $input) { ${REQUEST} ${ERRORS} } }`,
  cancelAccessRequest: `mutation ($input: CancelAccessRequestInput!) { cancelAccessRequest(input: $input) { ${REQUEST} ${ERRORS} } }`,
  decideAccessRequest: `mutation ($input: DecideAccessRequestInput!) { decideAccessRequest(input: $input) { ${REQUEST} ${GRANT} ${ERRORS} } }`,
  revokeRoleGrant: `mutation ($input: RevokeRoleGrantInput!) { revokeRoleGrant(input: $input) { ${GRANT} ${ERRORS} } }`,
  certifyRoleGrant: `mutation ($input: CertifyRoleGrantInput!) { certifyRoleGrant(input: $input) { ${GRANT} ${ERRORS} } }`,
} as const;

/** A mutation's name. */
export type MutationName = keyof typeof MUTATIONS;

/** What a mutation answers, loosely typed for assertions. */
export interface Payload {
  accessRequest?: { id: string; status: string; role: { id: string }; requester: { id: string } } | null;
  roleGrant?: { id: string; role: { id: string }; certificationDueOn: string; expiresAt: string | null } | null;
  userErrors: { field: string[]; message: string; code: string }[];
}

/** Runs a mutation as the viewer; returns its payload and any GraphQL errors. */
export async function mutate(subgraph: TestSubgraph, name: MutationName, input: object, viewer: Viewer | null) {
  const result = await subgraph.execute<Record<string, Payload>>(MUTATIONS[name], { input }, { viewer });
  return { ...result, payload: result.data?.[name] ?? null };
}

/** Runs a mutation that must succeed; returns its payload. */
export async function succeed(subgraph: TestSubgraph, name: MutationName, input: object, viewer: Viewer) {
  const { payload, errors } = await mutate(subgraph, name, input, viewer);
  expect(errors).toBeUndefined();
  expect(payload!.userErrors).toEqual([]);
  return payload!;
}

const TABLES = ["portal_user", "role", "access_request", "access_decision", "role_grant", "audit_event"];

/** Every row of every table, in a stable order: equal snapshots before and after mean nothing was written. */
export async function snapshot(subgraph: TestSubgraph): Promise<unknown[][]> {
  return Promise.all(TABLES.map((table) => subgraph.dataSource.query(`SELECT * FROM ${table} ORDER BY 1`)));
}

/** Runs a mutation that must be refused with these [field, code] pairs, and checks that nothing was written. */
export async function refused(
  subgraph: TestSubgraph,
  name: MutationName,
  input: object,
  viewer: Viewer,
  codes: [string, string][],
): Promise<void> {
  const before = await snapshot(subgraph);
  const { payload, errors } = await mutate(subgraph, name, input, viewer);
  expect(errors).toBeUndefined();
  expect(payload!.userErrors.map((error) => [error.field.join("."), error.code])).toEqual(codes);
  expect(await snapshot(subgraph)).toEqual(before);
}

/** `_entities` over representations, selecting `selection` on the type. */
export function entities(type: string, selection: string): string {
  return `query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on ${type} { ${selection} } }
  }`;
}

/** How many audit events match a SQL condition (for counting writes). */
export async function auditCount(subgraph: TestSubgraph, where = "1 = 1"): Promise<number> {
  const [row] = await subgraph.dataSource.query(`SELECT COUNT(*) AS n FROM audit_event WHERE ${where}`);
  return Number(row.n);
}

/** A justification that passes the checks. */
export const WHY = "I process PECOS enrollment applications for my contractor team.";
