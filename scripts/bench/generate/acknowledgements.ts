import type { DataSource } from "typeorm";
import { subgraph } from "@portal-graph/acknowledgements";
import { bulkInsert, timestamp } from "../bulk.js";
import type { Random } from "../random.js";

const DAY = 86_400_000;
const RULES = "hhs-rules-of-behavior";
const SIGNED = ["hhs-rules-of-behavior", "hhs-warning-banner", "hhs-privileged-user-rules"];

/**
 * The seed policies, then `acks` acknowledgements spread over the users and the last two years (most of them of
 * the Rules of Behavior, so statuses vary: current, due soon, expired). Returns the current Rules version's id.
 */
export async function generateAcknowledgements(
  dataSource: DataSource,
  { acks, userIds }: { acks: number; userIds: string[] },
  random: Random,
): Promise<string> {
  await subgraph.seed(dataSource);
  const versions: { id: string; policy_id: string; version: number }[] = await dataSource.query(
    "SELECT id, policy_id, version FROM policy_version ORDER BY policy_id, version",
  );
  const current = new Map<string, string>();
  for (const version of versions) current.set(version.policy_id, version.id);
  const now = Date.now();
  const batch: unknown[][] = [];
  const flush = async () => {
    await bulkInsert(
      dataSource,
      "acknowledgement",
      [
        "user_id",
        "policy_id",
        "policy_version_id",
        "acknowledged_at",
        "method",
        "valid_until",
        "application_id",
        "request_id",
      ],
      batch.splice(0),
    );
  };
  for (let i = 0; i < acks; i++) {
    const policyId = random.next() < 0.6 ? RULES : random.pick(SIGNED);
    const at = new Date(now - random.int(1, 730) * DAY);
    batch.push([
      random.pick(userIds),
      policyId,
      current.get(policyId)!,
      timestamp(dataSource, at),
      random.next() < 0.9 ? "ELECTRONIC" : "WRITTEN",
      policyId === RULES ? timestamp(dataSource, new Date(at.getTime() + 365 * DAY)) : null,
      null,
      null,
    ]);
    if (batch.length === 100_000) await flush();
  }
  await flush();
  const seen = new Date(now - 800 * DAY);
  await bulkInsert(
    dataSource,
    "acknowledgement_user",
    ["user_id", "first_seen_at"],
    userIds.map((id) => [id, timestamp(dataSource, seen)]),
  );
  return current.get(RULES)!;
}
