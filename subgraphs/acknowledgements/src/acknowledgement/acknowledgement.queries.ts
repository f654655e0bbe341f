import type { DataSource, EntityManager, ObjectLiteral } from "typeorm";
import { Acknowledgement } from "./acknowledgement.entity.js";

/** The newest acknowledgement of (user, policy): reads the index (user_id, policy_id, acknowledged_at, id) backwards. */
const LATEST_ID = (user: string, policy: string) =>
  `(SELECT b.id FROM acknowledgement b WHERE b.user_id = ${user} AND b.policy_id = ${policy}
    ORDER BY b.acknowledged_at DESC, b.id DESC LIMIT 1)`;

/** Runs SQL with `:name` parameters on either database, through the driver's own escaping (dates included). */
export function rawQuery<T = ObjectLiteral>(
  dataSource: DataSource,
  sql: string,
  parameters: ObjectLiteral,
): Promise<T[]> {
  const [text, values] = dataSource.driver.escapeQueryWithParameters(sql, parameters);
  return dataSource.query(text, values);
}

/** An Acknowledgement from a raw row of `acknowledgement` columns, converted the way TypeORM hydrates entities. */
export function hydrateAcknowledgement(dataSource: DataSource, raw: ObjectLiteral): Acknowledgement {
  const entity = new Acknowledgement();
  for (const column of dataSource.getMetadata(Acknowledgement).columns) {
    const value = dataSource.driver.prepareHydratedValue(raw[column.databaseName], column);
    (entity as unknown as Record<string, unknown>)[column.propertyName] = value;
  }
  // Raw rows skip TypeORM's own id handling; the GraphQL ID and the keyset cursor expect a number.
  entity.id = Number(entity.id);
  return entity;
}

/**
 * The latest acknowledgement of every acknowledgeable policy for each user, in ONE statement: for each (user,
 * policy) pair a correlated subquery takes the newest id from the index, and the outer query fetches those rows by
 * primary key. The cost grows with users × policies, not with anyone's history.
 */
export async function latestAcknowledgements(dataSource: DataSource, userIds: readonly string[]) {
  return userIds.length === 0 ? [] : latestAcknowledgementsQuery(dataSource, userIds).getMany();
}

/** The query latestAcknowledgements runs (tests read its plan). */
export function latestAcknowledgementsQuery(dataSource: DataSource, userIds: readonly string[]) {
  const parameters: Record<string, string> = {};
  const values = userIds.map((id, i) => {
    parameters[`u${i}`] = id;
    return `(:u${i})`;
  });
  return dataSource
    .getRepository(Acknowledgement)
    .createQueryBuilder("a")
    .where(
      `a.id IN (SELECT ${LATEST_ID("u.column1", "p.id")} FROM (VALUES ${values.join(", ")}) u
        CROSS JOIN policy p WHERE p.renewal_kind <> 'NONE')`,
      parameters,
    );
}

/** The latest acknowledgement of one policy by one user, inside a write transaction. */
export async function latestAcknowledgementOf(
  manager: EntityManager,
  userId: string,
  policyId: string,
): Promise<Acknowledgement | null> {
  return manager.findOne(Acknowledgement, {
    where: { userId, policyId },
    order: { acknowledgedAt: "DESC", id: "DESC" },
  });
}

/** One page of a user's history: most recently recorded first, after a keyset position (an id). */
export interface PageRequest {
  userId: string;
  limit: number;
  afterId: number | null;
}

/**
 * Pages of several users' histories in ONE statement: a UNION ALL of one keyset range read per user over the
 * index (user_id, id), each fetching limit + 1 rows so the caller can tell whether more follow.
 */
export async function acknowledgementPages(
  dataSource: DataSource,
  requests: readonly PageRequest[],
): Promise<Acknowledgement[][]> {
  const pages: Acknowledgement[][] = requests.map(() => []);
  const parameters: Record<string, unknown> = {};
  const parts = requests.flatMap((request, i) => {
    if (request.limit === 0) return [];
    parameters[`u${i}`] = request.userId;
    const after = request.afterId === null ? "" : `AND a.id < ${Math.trunc(request.afterId)}`;
    return [
      `SELECT * FROM (SELECT ${i} AS request, a.* FROM acknowledgement a WHERE a.user_id = :u${i} ${after}
        ORDER BY a.id DESC LIMIT ${Math.trunc(request.limit) + 1}) p${i}`,
    ];
  });
  if (parts.length === 0) return pages;
  const rows = await rawQuery(dataSource, parts.join("\nUNION ALL\n"), parameters);
  for (const row of rows) pages[Number(row.request)]!.push(hydrateAcknowledgement(dataSource, row));
  for (const page of pages) page.sort((a, b) => b.id - a.id);
  return pages;
}

/** A seen user with their latest acknowledgement of one policy (null when they have none). */
export interface Standing {
  userId: string;
  acknowledgement: Acknowledgement | null;
}

/**
 * The next `limit` seen users after `afterUserId` (in byte order), each with their latest acknowledgement of the
 * policy, in ONE statement: the users' keyset read first, then one index probe per user, then the rows by id.
 */
export async function standingsAfter(
  dataSource: DataSource,
  policyId: string,
  afterUserId: string | null,
  limit: number,
): Promise<Standing[]> {
  const rows = await rawQuery(
    dataSource,
    `SELECT s.seen_user_id, a.* FROM (
       SELECT u.user_id AS seen_user_id, ${LATEST_ID("u.user_id", ":policyId")} AS latest_id
       FROM acknowledgement_user u ${afterUserId === null ? "" : "WHERE u.user_id > :after"}
       ORDER BY u.user_id LIMIT ${Math.trunc(limit)}
     ) s LEFT JOIN acknowledgement a ON a.id = s.latest_id
     ORDER BY s.seen_user_id`,
    { policyId, after: afterUserId },
  );
  return rows.map((row) => ({
    userId: String(row.seen_user_id),
    acknowledgement: row.id === null || row.id === undefined ? null : hydrateAcknowledgement(dataSource, row),
  }));
}
