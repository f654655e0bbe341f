import type { EntityManager } from "typeorm";
import { writeTransaction, type Viewer } from "@portal-graph/subgraph-kit";
import { userError, type UserError } from "../user-errors.js";
import type { CatalogContext } from "../context.js";
import { ApplicationChange, type ChangeAction, type ChangeSet } from "./application-change.entity.js";
import { Application } from "./application.entity.js";

/** What a write returns: the application as written, or the refusals (and then nothing was written). */
export interface WritePayload {
  application: Application | null;
  userErrors: UserError[];
}

/** What a write did, for the change log; `unchanged` when the input asked for what is already there. */
export type WriteOutcome = { id: string; action: ChangeAction; changes: ChangeSet } | { unchanged: Application };

/** An expected refusal found inside a write: thrown to roll the transaction back, returned as userErrors. */
export class Refused extends Error {
  constructor(readonly userErrors: UserError[]) {
    super(userErrors.map((error) => error.message).join("; "));
  }
}

/**
 * Runs a write in one transaction: the application rows the step writes, then the change-log row (actor, action,
 * request id, changes), then reads the application back. A refusal or any error rolls all of it back. A
 * uniqueness violation that only the insert discovers (a concurrent write took the id or the acronym) becomes
 * the same userError the checks give.
 */
export async function runWrite(
  ctx: CatalogContext,
  viewer: Viewer,
  step: (manager: EntityManager, now: Date) => Promise<WriteOutcome>,
): Promise<WritePayload> {
  let application: Application;
  try {
    application = await writeTransaction(ctx.dataSource, async (manager) => {
      const now = new Date();
      const outcome = await step(manager, now);
      if ("unchanged" in outcome) return outcome.unchanged;
      await manager.insert(ApplicationChange, {
        applicationId: outcome.id,
        actor: viewer.id,
        action: outcome.action,
        at: now,
        requestId: ctx.requestId,
        changes: outcome.changes,
      });
      return manager.findOneByOrFail(Application, { id: outcome.id });
    });
  } catch (error) {
    if (error instanceof Refused) return { application: null, userErrors: error.userErrors };
    const conflict = uniquenessRefusal(error);
    if (conflict) return { application: null, userErrors: [conflict] };
    throw error;
  }
  // Loaders of this request may hold the application as it was (an earlier mutation of the same operation read it).
  ctx.loaders.applicationById.clear(application.id).prime(application.id, application);
  ctx.loaders.linksByApplicationId.clear(application.id);
  ctx.loaders.tagsByApplicationId.clear(application.id);
  return { application, userErrors: [] };
}

/** The userError for a unique-constraint violation on application id or acronym; null for any other error. */
function uniquenessRefusal(error: unknown): UserError | null {
  const cause = (error as { driverError?: unknown }).driverError ?? error;
  const { code, constraint, table, message } = cause as Record<string, string | undefined>;
  const postgres = code === "23505" && table === "application";
  const sqlite = code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
  if (!postgres && !sqlite) return null;
  const what = postgres ? (constraint ?? "") : (message ?? "");
  if (what.includes("application_acronym_key")) {
    return userError("acronym", "ACRONYM_TAKEN", "Another application has this acronym");
  }
  if (postgres ? what.startsWith("PK_") : /\bapplication\.id\b/.test(what)) {
    return userError("id", "ID_TAKEN", "An application with this id exists");
  }
  return null;
}
