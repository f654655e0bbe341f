import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { groupBy } from "../shared/group-by.js";
import { dayOf } from "../shared/time.js";
import { RoleGrant } from "./role-grant.entity.js";

/** Per-request grant loaders. */
export interface RoleGrantLoaders {
  roleGrantById: DataLoader<string, RoleGrant | null>;
  /** Every grant of a user, ended ones too, newest first; primes roleGrantById. */
  roleGrantsByUserId: DataLoader<string, RoleGrant[]>;
  /** The applications whose approver role the user holds now (their grant has not ended by its stored facts). */
  approvedApplicationsByUserId: DataLoader<string, ReadonlySet<string>>;
}

/** Makes the grant loaders for one request: one SQL statement per batch of keys, results in key order. */
export function createRoleGrantLoaders(dataSource: DataSource): RoleGrantLoaders {
  const roleGrantById = new DataLoader<string, RoleGrant | null>(async (ids) => {
    const rows = await dataSource.getRepository(RoleGrant).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  return {
    roleGrantById,
    roleGrantsByUserId: new DataLoader(async (userIds) => {
      const rows = await dataSource.getRepository(RoleGrant).find({
        where: { userId: In([...userIds]) },
        order: { grantedAt: "DESC", id: "ASC" },
      });
      for (const row of rows) roleGrantById.prime(row.id, row);
      return groupBy(userIds, rows, (row) => row.userId);
    }),
    approvedApplicationsByUserId: new DataLoader(async (userIds) => {
      const now = new Date();
      const rows: { userId: string; applicationId: string }[] = await dataSource
        .getRepository(RoleGrant)
        .createQueryBuilder("g")
        .innerJoin("role", "r", "r.id = g.role_id")
        .select(['g.user_id AS "userId"', 'g.application_id AS "applicationId"'])
        .where("g.user_id IN (:...userIds)", { userIds: [...userIds] })
        .andWhere("r.is_approver = :approver", { approver: true })
        .andWhere("g.end_state IS NULL")
        .andWhere("(g.expires_at IS NULL OR g.expires_at > :now)", { now })
        .andWhere("g.certification_due_on >= :today", { today: dayOf(now) })
        .getRawMany();
      return groupBy(userIds, rows, (row) => row.userId).map((group) => new Set(group.map((row) => row.applicationId)));
    }),
  };
}
