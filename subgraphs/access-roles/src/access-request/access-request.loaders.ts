import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { groupBy } from "../shared/group-by.js";
import { AccessDecision, AccessRequest } from "./access-request.entity.js";

/** Per-request access-request loaders. */
export interface AccessRequestLoaders {
  accessRequestById: DataLoader<string, AccessRequest | null>;
  /** A user's requests, newest first; primes accessRequestById. */
  accessRequestsByUserId: DataLoader<string, AccessRequest[]>;
  decisionsByRequestId: DataLoader<string, AccessDecision[]>;
}

/** Makes the access-request loaders for one request: one SQL statement per batch of keys, results in key order. */
export function createAccessRequestLoaders(dataSource: DataSource): AccessRequestLoaders {
  const accessRequestById = new DataLoader<string, AccessRequest | null>(async (ids) => {
    const rows = await dataSource.getRepository(AccessRequest).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  return {
    accessRequestById,
    accessRequestsByUserId: new DataLoader(async (userIds) => {
      const rows = await dataSource.getRepository(AccessRequest).find({
        where: { requesterId: In([...userIds]) },
        order: { createdAt: "DESC", id: "ASC" },
      });
      for (const row of rows) accessRequestById.prime(row.id, row);
      return groupBy(userIds, rows, (row) => row.requesterId);
    }),
    decisionsByRequestId: new DataLoader(async (requestIds) => {
      const rows = await dataSource.getRepository(AccessDecision).find({
        where: { requestId: In([...requestIds]) },
        order: { decidedAt: "ASC", id: "ASC" },
      });
      return groupBy(requestIds, rows, (row) => row.requestId);
    }),
  };
}
