import type { DataSource, EntityManager } from "typeorm";
import { isPostgres } from "./database.js";

const queues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs work in one transaction. On SQLite, TypeORM runs every query of the process on one connection, so two
 * transactions in flight at once would nest (the second becomes a savepoint of the first) and a rollback of one
 * could undo, or commit, the other: there, transactions take turns. PostgreSQL gives each its own connection.
 */
export function writeTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (isPostgres(dataSource)) return dataSource.transaction(work);
  const turn = (queues.get(dataSource) ?? Promise.resolve()).then(() => dataSource.transaction(work));
  queues.set(
    dataSource,
    turn.catch(() => undefined),
  );
  return turn;
}
