import type { DataSource } from "typeorm";
import type { Viewer } from "@portal-graph/subgraph-kit";
import { devViewer } from "@portal-graph/auth/dev-issuer";
import type { TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { Acknowledgement, AcknowledgementUser } from "./acknowledgement/acknowledgement.entity.js";

/** The instant int tests pin the clock to (before the subgraph is opened, so the seed uses it too). */
export const TEST_NOW = new Date("2026-06-01T12:00:00Z");

/** An `_entities` query over User representations, selecting `selection` on each. */
export const userEntities = (selection: string) =>
  `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { id ${selection} } } }`;

/** User representations as the gateway sends them. */
export const userRefs = (...ids: string[]) => ids.map((id) => ({ __typename: "User", id }));

/** A development user's viewer signed in at `at` (the token's auth_time). */
export function signedIn(user: string, at: Date): Viewer {
  return { ...devViewer(user), authTime: at };
}

/** What acknowledgePolicy returns in tests. */
export interface AckPayload {
  acknowledgement: { id: string; acknowledgedAt: string; validUntil: string | null; method: string } | null;
  created: boolean;
  userErrors: { field: string[]; code: string }[];
}

/** Runs acknowledgePolicy as the viewer. */
export async function acknowledge(
  subgraph: TestSubgraph,
  viewer: Viewer | null,
  input: Record<string, unknown>,
): Promise<{ payload: AckPayload | null; errors: readonly { extensions?: Record<string, unknown> }[] | undefined }> {
  const { data, errors } = await subgraph.execute<{ acknowledgePolicy: AckPayload }>(
    `mutation ($input: AcknowledgePolicyInput!) {
      acknowledgePolicy(input: $input) {
        acknowledgement { id acknowledgedAt validUntil method }
        created
        userErrors { field code }
      }
    }`,
    { input },
    { viewer },
  );
  return { payload: data ? asJson(data.acknowledgePolicy) : null, errors };
}

/** The value as a client receives it: in-process execution leaves DateTime values as Date objects. */
export function asJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Row counts of the history tables, to show a refused write wrote nothing. */
export async function historyCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ["policy", "policy_version", "policy_change", "acknowledgement", "acknowledgement_user"]) {
    const [row] = await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number(row.n);
  }
  return counts;
}

/** Inserts acknowledgements (and their users as seen) in bulk: chunks in one transaction, as a backfill would. */
export async function bulkInsert(dataSource: DataSource, rows: Omit<Acknowledgement, "id">[]): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const users = [...new Set(rows.map((row) => row.userId))];
    for (let i = 0; i < users.length; i += 1000) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(AcknowledgementUser)
        .values(users.slice(i, i + 1000).map((userId) => ({ userId, firstSeenAt: new Date(0) })))
        .orIgnore()
        .execute();
    }
    for (let i = 0; i < rows.length; i += 1000) await manager.insert(Acknowledgement, rows.slice(i, i + 1000));
  });
  if (dataSource.options.type === "postgres") await dataSource.query("ANALYZE acknowledgement");
}
