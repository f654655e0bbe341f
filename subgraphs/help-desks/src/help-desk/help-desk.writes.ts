import type { EntityManager } from "typeorm";
import { InputChecks, type UserError } from "../user-errors.js";
import { normaliseContactPoints, type ContactPointValue } from "../contact/contact-point.js";
import type { HelpDesksContext } from "../context.js";
import { normaliseHours, type Hours } from "../hours/opening-hours.js";
import type { ChangeSummary } from "./help-desk-change.entity.js";
import { commitChange, findDesk, noContactIssue, requireWriter, settleDataQuality } from "./change-log.js";
import { HelpDesk, HelpDeskContactPointRow, searchTextOf } from "./help-desk.entity.js";
import type {
  CreateHelpDeskInput,
  ReplaceContactPointsInput,
  SetHelpDeskHoursInput,
  UpdateHelpDeskInput,
} from "./help-desk.inputs.js";

/** What a desk mutation answers. */
export interface DeskResult {
  helpDesk: HelpDesk | null;
  userErrors: UserError[];
}

const refused = (userErrors: UserError[]): DeskResult => ({ helpDesk: null, userErrors });

/** A slug made from a name: "CMS IT Service Desk" → cms-it-service-desk. */
export function slugOf(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 64)
    .replace(/^-+|-+$/g, "");
}

function checkNotes(checks: InputChecks, notes: readonly string[] | null | undefined): string[] {
  const list = (notes ?? []).map((note) => note.trim());
  if (list.length > 20) checks.add("notes", "TOO_MANY", "notes holds at most 20 notes");
  list.forEach((note, index) => checks.text(`notes.${index}`, note, 1000, { required: true }));
  return list;
}

/** Writes a desk's contact points in order, replacing any it had. */
export async function writeContactPoints(
  manager: EntityManager,
  helpDeskId: string,
  points: readonly ContactPointValue[],
): Promise<void> {
  await manager.delete(HelpDeskContactPointRow, { helpDeskId });
  if (points.length) {
    await manager.insert(
      HelpDeskContactPointRow,
      points.map((point, position) => ({ helpDeskId, position, ...point })),
    );
  }
}

async function currentContactPoints(manager: EntityManager, helpDeskId: string): Promise<ContactPointValue[]> {
  return manager.find(HelpDeskContactPointRow, { where: { helpDeskId }, order: { position: "ASC" } });
}

const deskExists = (id: string): UserError =>
  new InputChecks().add("id", "HELP_DESK_EXISTS", `id: a help desk "${id}" exists already`).errors[0]!;

const loadDesk = (ctx: HelpDesksContext, id: string) => ctx.loaders.helpDeskById.load(id);

/** createHelpDesk: a new desk with its contact points and hours, or user errors and nothing written. */
export async function createHelpDesk(ctx: HelpDesksContext, input: CreateHelpDeskInput): Promise<DeskResult> {
  const viewer = requireWriter(ctx);
  const name = input.name.trim();
  const description = input.description?.trim() || null;
  const checks = new InputChecks().text("name", name, 200, { required: true }).text("description", description, 4000);
  const id = input.id?.trim() || slugOf(name);
  if (name) checks.slug("id", id);
  const notes = checkNotes(checks, input.notes);
  const contactPoints = normaliseContactPoints(input.contactPoints ?? []);
  const hours = input.hours ? normaliseHours(input.hours) : null;
  const errors = [...checks.errors, ...contactPoints.errors, ...(hours?.errors ?? [])];
  if (errors.length) return refused(errors);
  if ((await findDesk(ctx, id, "id")).desk) {
    return refused([deskExists(id)]);
  }
  const points = contactPoints.value!;
  const taken = await commitChange(
    ctx,
    viewer,
    {
      action: "createHelpDesk",
      helpDeskId: id,
      summary: { contactPoints: points.length, kinds: points.map((point) => point.kind), hours: Boolean(hours) },
    },
    async (manager) => {
      const desk = { id, name, description, notes };
      await manager.insert(HelpDesk, {
        ...desk,
        hours: hours?.value ?? null,
        dataQuality: points.length ? [] : [noContactIssue()],
        sortName: name.toLowerCase(),
        searchText: searchTextOf(desk, points),
      });
      await writeContactPoints(manager, id, points);
    },
    // Another admin created the same id between the check above and this insert.
    [{ constraint: /^PK_/, columns: "help_desk.id", refusal: deskExists(id) }],
  );
  if (taken.length) return refused(taken);
  return { helpDesk: await loadDesk(ctx, id), userErrors: [] };
}

/** updateHelpDesk: name, description, notes; a field left out stays, an explicit null clears (name cannot be cleared). */
export async function updateHelpDesk(ctx: HelpDesksContext, input: UpdateHelpDeskInput): Promise<DeskResult> {
  const viewer = requireWriter(ctx);
  const checks = new InputChecks();
  const name = input.name === undefined ? undefined : (input.name?.trim() ?? "");
  if (name !== undefined) checks.text("name", name, 200, { required: true });
  const description = input.description === undefined ? undefined : input.description?.trim() || null;
  checks.text("description", description, 4000);
  const notes = input.notes === undefined ? undefined : checkNotes(checks, input.notes);
  if (!checks.ok) return refused(checks.errors);
  const found = await findDesk(ctx, input.id, "id");
  if (!found.desk) return refused(found.errors);
  const desk = found.desk;
  const changes: Partial<HelpDesk> = {};
  if (name !== undefined && name !== desk.name) {
    Object.assign(changes, {
      name,
      sortName: name.toLowerCase(),
      dataQuality: settleDataQuality(desk.dataQuality, "name"),
    });
  }
  if (description !== undefined && description !== desk.description) changes.description = description;
  if (notes !== undefined && JSON.stringify(notes) !== JSON.stringify(desk.notes)) changes.notes = notes;
  const fields = Object.keys(changes).filter((key) => ["name", "description", "notes"].includes(key));
  if (fields.length === 0) return { helpDesk: desk, userErrors: [] };
  await commitChange(
    ctx,
    viewer,
    { action: "updateHelpDesk", helpDeskId: desk.id, summary: { fields } },
    async (manager) => {
      const points = await currentContactPoints(manager, desk.id);
      await manager.update(
        HelpDesk,
        { id: desk.id },
        { ...changes, searchText: searchTextOf({ ...desk, ...changes }, points) },
      );
    },
  );
  return { helpDesk: await loadDesk(ctx, desk.id), userErrors: [] };
}

/** replaceContactPoints: the desk's whole list, normalised like the seed; issues about contact points are settled. */
export async function replaceContactPoints(
  ctx: HelpDesksContext,
  input: ReplaceContactPointsInput,
): Promise<DeskResult> {
  const viewer = requireWriter(ctx);
  const contactPoints = normaliseContactPoints(input.contactPoints);
  if (!contactPoints.value) return refused(contactPoints.errors);
  const found = await findDesk(ctx, input.helpDeskId, "helpDeskId");
  if (!found.desk) return refused(found.errors);
  const desk = found.desk;
  const points = contactPoints.value;
  const summary = { contactPoints: points.length, kinds: points.map((point) => point.kind) };
  await commitChange(ctx, viewer, { action: "replaceContactPoints", helpDeskId: desk.id, summary }, async (manager) => {
    await writeContactPoints(manager, desk.id, points);
    await manager.update(
      HelpDesk,
      { id: desk.id },
      {
        searchText: searchTextOf(desk, points),
        dataQuality: settleDataQuality(desk.dataQuality, "contactPoints", points.length),
      },
    );
  });
  return { helpDesk: await loadDesk(ctx, desk.id), userErrors: [] };
}

/** setHelpDeskHours: new hours (validated, zone canonical), or null to clear them. */
export async function setHelpDeskHours(ctx: HelpDesksContext, input: SetHelpDeskHoursInput): Promise<DeskResult> {
  const viewer = requireWriter(ctx);
  let hours: Hours | null = null;
  if (input.hours) {
    const result = normaliseHours(input.hours);
    if (!result.value) return refused(result.errors);
    hours = result.value;
  }
  const found = await findDesk(ctx, input.helpDeskId, "helpDeskId");
  if (!found.desk) return refused(found.errors);
  const desk = found.desk;
  const summary: ChangeSummary = hours
    ? { timeZone: hours.timeZone, weeklyRules: hours.weekly.length, exceptions: hours.exceptions.length }
    : { cleared: true };
  await commitChange(ctx, viewer, { action: "setHelpDeskHours", helpDeskId: desk.id, summary }, (manager) =>
    manager.update(HelpDesk, { id: desk.id }, { hours, dataQuality: settleDataQuality(desk.dataQuality, "hours") }),
  );
  return { helpDesk: await loadDesk(ctx, desk.id), userErrors: [] };
}
