import type { EntityManager } from "typeorm";
import {
  ForbiddenError,
  hasRole,
  isPostgres,
  Refused,
  requireRole,
  requireViewer,
  type Viewer,
} from "@portal-graph/subgraph-kit";
import { InputChecks, userError } from "../user-errors.js";
import type { CatalogContext } from "../context.js";
import { Application, ApplicationLinkRow, ApplicationTagRow, searchTextOf } from "./application.entity.js";
import {
  changesBetween,
  checkFields,
  checkSunsetOn,
  givenFields,
  NO_FIELDS,
  type ApplicationFields,
  type LinkValue,
} from "./application.checks.js";
import { runApplicationWrite, type WritePayload } from "./application.transaction.js";
import { Lifecycle } from "./application.types.js";
import type {
  DeprecateApplicationInput,
  RegisterApplicationInput,
  RetireApplicationInput,
  UpdateApplicationInput,
} from "./application.write-types.js";

/** Adds an application; portal admins only, since nobody owns an application that does not exist yet. */
export async function registerApplication(ctx: CatalogContext, input: RegisterApplicationInput): Promise<WritePayload> {
  const viewer = requireRole(ctx, "PORTAL_ADMIN");
  const checks = checkFields(input, new InputChecks().slug("id", input.id));
  if (!checks.ok) return { application: null, userErrors: checks.errors };
  const fields: ApplicationFields = { ...NO_FIELDS, ...givenFields(input) };
  return runApplicationWrite(ctx, viewer, async (manager, now) => {
    const taken = [];
    if (await manager.existsBy(Application, { id: input.id })) {
      taken.push(userError("id", "ID_TAKEN", "An application with this id exists"));
    }
    if (fields.acronym !== null && (await acronymHolder(manager, fields.acronym)) !== null) {
      taken.push(userError("acronym", "ACRONYM_TAKEN", "Another application has this acronym"));
    }
    if (taken.length) throw new Refused(taken);
    await manager.insert(Application, {
      id: input.id,
      ...columnsOf(fields),
      lifecycle: Lifecycle.ACTIVE,
      replacedById: null,
      sunsetOn: null,
      retiredAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await replaceLinks(manager, input.id, fields.links);
    await replaceTags(manager, input.id, fields.tags);
    // Only what the registration sets: empty lists and nulls are no news.
    const set = Object.entries(fields).filter(([, value]) => value !== null && !isEmptyList(value));
    const changes = changesBetween({}, { ...Object.fromEntries(set), lifecycle: Lifecycle.ACTIVE });
    return { id: input.id, action: "REGISTER", changes };
  });
}

/** Changes the fields the input gives; the owner group only by portal admins. */
export async function updateApplication(ctx: CatalogContext, input: UpdateApplicationInput): Promise<WritePayload> {
  const viewer = requireViewer(ctx);
  const checks = checkFields(input);
  return runApplicationWrite(ctx, viewer, async (manager, now) => {
    const { app, admin } = await loadForWrite(manager, viewer, input.id);
    const given = givenFields(input);
    if (!admin && given.ownerGroup !== undefined && given.ownerGroup !== app.ownerGroup) {
      checks.add("ownerGroup", "OWNER_GROUP_ADMIN_ONLY", "Only portal admins may change the owner group");
    }
    if (!checks.ok) throw new Refused(checks.errors);
    if (given.acronym != null && ![null, app.id].includes(await acronymHolder(manager, given.acronym))) {
      throw new Refused([userError("acronym", "ACRONYM_TAKEN", "Another application has this acronym")]);
    }
    const before = await fieldsOf(manager, app, { links: given.links !== undefined, tags: given.tags !== undefined });
    const after = { ...before, ...given };
    const changes = changesBetween(pick(before, given), given);
    if (Object.keys(changes).length === 0) return { unchanged: app };
    await manager.update(Application, { id: app.id }, { ...columnsOf(after), updatedAt: now });
    if (given.links) await replaceLinks(manager, app.id, given.links);
    if (given.tags) await replaceTags(manager, app.id, given.tags);
    return { id: app.id, action: "UPDATE", changes };
  });
}

/** Marks an application DEPRECATED, with an optional replacement and sunset day. */
export async function deprecateApplication(
  ctx: CatalogContext,
  input: DeprecateApplicationInput,
): Promise<WritePayload> {
  const viewer = requireViewer(ctx);
  const checks = checkSunsetOn(new InputChecks(), input.sunsetOn);
  return runApplicationWrite(ctx, viewer, async (manager, now) => {
    const { app } = await loadForWrite(manager, viewer, input.id);
    if (app.lifecycle === Lifecycle.RETIRED) throw new Refused([alreadyRetired(app)]);
    if (input.replacedBy != null) await checkReplacement(manager, checks, app.id, input.replacedBy);
    if (!checks.ok) throw new Refused(checks.errors);
    const before = { lifecycle: app.lifecycle, replacedBy: app.replacedById, sunsetOn: app.sunsetOn };
    const after = {
      lifecycle: Lifecycle.DEPRECATED,
      replacedBy: input.replacedBy === undefined ? app.replacedById : input.replacedBy,
      sunsetOn: input.sunsetOn === undefined ? app.sunsetOn : input.sunsetOn,
    };
    const changes = changesBetween(before, after);
    if (Object.keys(changes).length === 0) return { unchanged: app };
    await manager.update(
      Application,
      { id: app.id },
      { lifecycle: after.lifecycle, replacedById: after.replacedBy, sunsetOn: after.sunsetOn, updatedAt: now },
    );
    return { id: app.id, action: "DEPRECATE", changes };
  });
}

/** Marks an application RETIRED and stamps retired_at; retiring it twice is refused. */
export async function retireApplication(ctx: CatalogContext, input: RetireApplicationInput): Promise<WritePayload> {
  const viewer = requireViewer(ctx);
  return runApplicationWrite(ctx, viewer, async (manager, now) => {
    const { app } = await loadForWrite(manager, viewer, input.id);
    if (app.lifecycle === Lifecycle.RETIRED) throw new Refused([alreadyRetired(app)]);
    await manager.update(Application, { id: app.id }, { lifecycle: Lifecycle.RETIRED, retiredAt: now, updatedAt: now });
    const changes = changesBetween(
      { lifecycle: app.lifecycle, retiredAt: null },
      { lifecycle: Lifecycle.RETIRED, retiredAt: now.toISOString() },
    );
    return { id: app.id, action: "RETIRE", changes };
  });
}

/**
 * The application to change, locked for the rest of the transaction on PostgreSQL, if the viewer may change it:
 * a portal admin, or a member of its owner group. An unknown id is NOT_FOUND for portal admins only; anyone else
 * gets the same FORBIDDEN as for an application they may not touch, so they learn nothing about which ids exist.
 */
async function loadForWrite(
  manager: EntityManager,
  viewer: Viewer,
  id: string,
): Promise<{ app: Application; admin: boolean }> {
  const app = await manager.findOne(Application, {
    where: { id },
    lock: isPostgres(manager.connection) ? { mode: "pessimistic_write" } : undefined,
  });
  const admin = hasRole(viewer, "PORTAL_ADMIN");
  if (!app) {
    if (admin) throw new Refused([userError("id", "NOT_FOUND", `No application has id ${id}`)]);
    throw new ForbiddenError();
  }
  if (!admin && !(app.ownerGroup !== null && viewer.groups.includes(app.ownerGroup))) throw new ForbiddenError();
  return { app, admin };
}

/** A replacement must exist, be another application, not be retired, and not lead back to this one. */
async function checkReplacement(manager: EntityManager, checks: InputChecks, id: string, replacedBy: string) {
  if (replacedBy === id) {
    checks.add("replacedBy", "REPLACEMENT_IS_SELF", "An application cannot replace itself");
    return;
  }
  const replacement = await manager.findOneBy(Application, { id: replacedBy });
  if (!replacement) {
    checks.add("replacedBy", "REPLACEMENT_NOT_FOUND", `No application has id ${replacedBy}`);
  } else if (replacement.lifecycle === Lifecycle.RETIRED) {
    checks.add("replacedBy", "REPLACEMENT_RETIRED", `${replacedBy} is retired`);
  } else {
    // Follow the replacement's own replacements: a chain that comes back here would send users in circles.
    const seen = new Set([replacedBy]);
    for (let next = replacement.replacedById; next !== null && !seen.has(next);) {
      if (next === id) {
        checks.add("replacedBy", "REPLACEMENT_CYCLE", `${replacedBy} is (eventually) replaced by ${id}`);
        return;
      }
      seen.add(next);
      next = (await manager.findOneBy(Application, { id: next }))?.replacedById ?? null;
    }
  }
}

function alreadyRetired(app: Application) {
  return userError("id", "ALREADY_RETIRED", `${app.id} is retired`);
}

/** The id of the application holding this acronym, compared case-insensitively like the unique index. */
async function acronymHolder(manager: EntityManager, acronym: string): Promise<string | null> {
  const row = await manager
    .createQueryBuilder(Application, "a")
    .select("a.id", "id")
    .where("UPPER(a.acronym) = UPPER(:acronym)", { acronym })
    .getRawOne<{ id: string }>();
  return row?.id ?? null;
}

/** The application's current fields; links and tags are read only when asked for. */
async function fieldsOf(
  manager: EntityManager,
  app: Application,
  read: { links: boolean; tags: boolean },
): Promise<ApplicationFields> {
  const links = read.links
    ? await manager.find(ApplicationLinkRow, { where: { applicationId: app.id }, order: { position: "ASC" } })
    : [];
  const tags = read.tags
    ? await manager.find(ApplicationTagRow, { where: { applicationId: app.id }, order: { tag: "ASC" } })
    : [];
  return {
    name: app.name,
    acronym: app.acronym,
    formerNames: app.formerNames,
    description: app.description,
    category: app.category,
    launchUrl: app.launchUrl,
    ownerGroup: app.ownerGroup,
    links: links.map((row) => ({ kind: row.kind as LinkValue["kind"], title: row.title, url: row.url })),
    tags: tags.map((row) => row.tag),
  };
}

function isEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

function pick<T extends object>(source: T, keys: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.keys(keys).map((key) => [key, source[key as keyof T]])) as Partial<T>;
}

/** The application columns for the fields, with the sort key and search text kept in step. */
function columnsOf(fields: ApplicationFields) {
  return {
    name: fields.name,
    acronym: fields.acronym,
    formerNames: fields.formerNames,
    description: fields.description,
    category: fields.category,
    launchUrl: fields.launchUrl,
    ownerGroup: fields.ownerGroup,
    sortName: fields.name.toLowerCase(),
    searchText: searchTextOf(fields),
  };
}

async function replaceLinks(manager: EntityManager, id: string, links: LinkValue[]): Promise<void> {
  await manager.delete(ApplicationLinkRow, { applicationId: id });
  if (links.length) {
    await manager.insert(
      ApplicationLinkRow,
      links.map((link, position) => ({ applicationId: id, position, ...link })),
    );
  }
}

async function replaceTags(manager: EntityManager, id: string, tags: string[]): Promise<void> {
  await manager.delete(ApplicationTagRow, { applicationId: id });
  if (tags.length)
    await manager.insert(
      ApplicationTagRow,
      tags.map((tag) => ({ applicationId: id, tag })),
    );
}
