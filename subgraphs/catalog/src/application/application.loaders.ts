import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { Application, ApplicationLinkRow, ApplicationTagRow } from "./application.entity.js";
import type { ApplicationLink, LinkKind } from "./application.types.js";

/** The catalog's per-request loaders: one SQL statement per batch of keys, results in key order. */
export interface ApplicationLoaders {
  applicationById: DataLoader<string, Application | null>;
  linksByApplicationId: DataLoader<string, ApplicationLink[]>;
  tagsByApplicationId: DataLoader<string, string[]>;
}

/** Makes the loaders for one request. */
export function createApplicationLoaders(dataSource: DataSource): ApplicationLoaders {
  return {
    applicationById: new DataLoader(async (ids) => {
      const rows = await dataSource.getRepository(Application).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    linksByApplicationId: new DataLoader(async (ids) => {
      const rows = await dataSource
        .getRepository(ApplicationLinkRow)
        .find({ where: { applicationId: In([...ids]) }, order: { applicationId: "ASC", position: "ASC" } });
      return ids.map((id) =>
        rows
          .filter((row) => row.applicationId === id)
          .map((row) => ({ kind: row.kind as LinkKind, title: row.title, url: row.url })),
      );
    }),
    tagsByApplicationId: new DataLoader(async (ids) => {
      const rows = await dataSource
        .getRepository(ApplicationTagRow)
        .find({ where: { applicationId: In([...ids]) }, order: { tag: "ASC" } });
      return ids.map((id) => rows.filter((row) => row.applicationId === id).map((row) => row.tag));
    }),
  };
}
