import { In, type DataSource } from "typeorm";
import { ApplicationHelpDesk } from "../application/application-help-desk.entity.js";
import { normaliseContactPoints } from "../contact/contact-point.js";
import { normaliseHours } from "../hours/opening-hours.js";
import { noContactIssue } from "../help-desk/change-log.js";
import { HelpDesk, HelpDeskContactPointRow, searchTextOf } from "../help-desk/help-desk.entity.js";
import { HELP_DESKS, type HelpDeskSeed } from "./help-desks.js";

/** A seed desk as rows, normalised by the same code as the mutations; seed data that does not pass is a bug. */
function toRows(seed: HelpDeskSeed) {
  const contactPoints = normaliseContactPoints(seed.contactPoints);
  const hours = seed.hours ? normaliseHours(seed.hours) : null;
  const errors = [...contactPoints.errors, ...(hours?.errors ?? [])];
  if (errors.length) {
    throw new Error(`seed help desk ${seed.id}: ${errors.map((error) => error.message).join("; ")}`);
  }
  const points = contactPoints.value!;
  const desk = {
    id: seed.id,
    name: seed.name,
    description: seed.description,
    notes: seed.notes,
    hours: hours?.value ?? null,
    dataQuality: points.length ? seed.dataQuality : [...seed.dataQuality, noContactIssue()],
    sortName: seed.name.toLowerCase(),
    searchText: searchTextOf(seed, points),
  };
  return {
    desk,
    contactPoints: points.map((point, position) => ({ helpDeskId: seed.id, position, ...point })),
    assignments: seed.assignments.map((assignment) => ({ ...assignment, helpDeskId: seed.id, assignedAt: new Date() })),
  };
}

/**
 * Inserts the desks that are not there yet, with their contact points and assignments, in one transaction. Desks
 * already present are left as they are (an admin may have changed them), so a second run changes nothing.
 * Returns how many rows it inserted.
 */
export async function seedHelpDesks(
  dataSource: DataSource,
  desks: readonly HelpDeskSeed[] = HELP_DESKS,
): Promise<number> {
  const rows = desks.map(toRows);
  return dataSource.transaction(async (manager) => {
    const existing = new Set<string>();
    // Chunked so a large synthetic seed stays under every driver's parameter limit.
    for (let i = 0; i < rows.length; i += 500) {
      const ids = rows.slice(i, i + 500).map((row) => row.desk.id);
      for (const found of await manager.find(HelpDesk, { select: { id: true }, where: { id: In(ids) } })) {
        existing.add(found.id);
      }
    }
    const missing = rows.filter((row) => !existing.has(row.desk.id));
    let inserted = 0;
    for (let i = 0; i < missing.length; i += 100) {
      const chunk = missing.slice(i, i + 100);
      await manager.insert(
        HelpDesk,
        chunk.map((row) => row.desk),
      );
      const contactPoints = chunk.flatMap((row) => row.contactPoints);
      if (contactPoints.length) await manager.insert(HelpDeskContactPointRow, contactPoints);
      const assignments = chunk.flatMap((row) => row.assignments);
      if (assignments.length) await manager.insert(ApplicationHelpDesk, assignments);
      inserted += chunk.length + contactPoints.length + assignments.length;
    }
    return inserted;
  });
}
