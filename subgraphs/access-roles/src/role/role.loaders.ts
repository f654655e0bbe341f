import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { groupBy } from "../shared/group-by.js";
import { Role } from "./role.entity.js";

/** Per-request role loaders. */
export interface RoleLoaders {
  roleById: DataLoader<string, Role | null>;
  /** An application's roles by name; primes roleById. */
  rolesByApplicationId: DataLoader<string, Role[]>;
}

/** Makes the role loaders for one request: one SQL statement per batch of keys, results in key order. */
export function createRoleLoaders(dataSource: DataSource): RoleLoaders {
  const roleById = new DataLoader<string, Role | null>(async (ids) => {
    const rows = await dataSource.getRepository(Role).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  return {
    roleById,
    rolesByApplicationId: new DataLoader(async (ids) => {
      const rows = await dataSource.getRepository(Role).find({
        where: { applicationId: In([...ids]) },
        order: { applicationId: "ASC", sortName: "ASC", id: "ASC" },
      });
      for (const row of rows) roleById.prime(row.id, row);
      return groupBy(ids, rows, (row) => row.applicationId);
    }),
  };
}
