import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { User } from "./user.entity.js";

/** Per-request user loaders. */
export interface UserLoaders {
  userById: DataLoader<string, User | null>;
}

/** Makes the loaders for one request: one SQL statement per batch of ids, results in key order. */
export function createUserLoaders(dataSource: DataSource): UserLoaders {
  return {
    userById: new DataLoader(async (ids) => {
      const rows = await dataSource.getRepository(User).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
