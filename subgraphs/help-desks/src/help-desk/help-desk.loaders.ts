import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { ApplicationHelpDesk } from "../application/application-help-desk.entity.js";
import { HelpDesk, HelpDeskContactPointRow } from "./help-desk.entity.js";
import type { ContactPoint } from "./help-desk.types.js";

/** The help desks' per-request loaders: one SQL statement per batch of keys, results in key order. */
export interface HelpDeskLoaders {
  helpDeskById: DataLoader<string, HelpDesk | null>;
  contactPointsByHelpDeskId: DataLoader<string, ContactPoint[]>;
  /** Joins each assignment's desk in the same statement and primes helpDeskById with it. */
  assignmentsByApplicationId: DataLoader<string, ApplicationHelpDesk[]>;
  assignmentsByHelpDeskId: DataLoader<string, ApplicationHelpDesk[]>;
}

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key)!);
}

/** Makes the loaders for one request. */
export function createHelpDeskLoaders(dataSource: DataSource): HelpDeskLoaders {
  const helpDeskById = new DataLoader<string, HelpDesk | null>(async (ids) => {
    const rows = await dataSource.getRepository(HelpDesk).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  return {
    helpDeskById,
    contactPointsByHelpDeskId: new DataLoader(async (ids) => {
      const rows = await dataSource
        .getRepository(HelpDeskContactPointRow)
        .find({ where: { helpDeskId: In([...ids]) }, order: { helpDeskId: "ASC", position: "ASC" } });
      return groupBy(ids, rows, (row) => row.helpDeskId).map((group) => group.map(toContactPoint));
    }),
    assignmentsByApplicationId: new DataLoader(async (ids) => {
      const rows = await dataSource
        .getRepository(ApplicationHelpDesk)
        .createQueryBuilder("a")
        .innerJoinAndSelect("a.desk", "d")
        .where("a.application_id IN (:...ids)", { ids: [...ids] })
        .orderBy("a.application_id", "ASC")
        .addOrderBy("a.is_primary", "DESC")
        .addOrderBy("a.assigned_at", "ASC")
        .addOrderBy("a.help_desk_id", "ASC")
        .getMany();
      for (const row of rows) if (row.desk) helpDeskById.prime(row.helpDeskId, row.desk);
      return groupBy(ids, rows, (row) => row.applicationId);
    }),
    assignmentsByHelpDeskId: new DataLoader(async (ids) => {
      const rows = await dataSource
        .getRepository(ApplicationHelpDesk)
        .find({ where: { helpDeskId: In([...ids]) }, order: { applicationId: "ASC" } });
      return groupBy(ids, rows, (row) => row.helpDeskId);
    }),
  };
}

function toContactPoint(row: HelpDeskContactPointRow): ContactPoint {
  return {
    kind: row.kind,
    value: row.value,
    display: row.display,
    extension: row.extension,
    menuSteps: row.menuSteps,
    purpose: row.purpose,
    availableLanguages: row.availableLanguages,
  };
}
