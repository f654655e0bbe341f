import type { EntityManager } from "typeorm";
import { reportChanges, runWrite, type Viewer } from "@portal-graph/subgraph-kit";
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

/** The unique constraints a concurrent write can trip (the checks saw the id or acronym free, the insert did not). */
const UNIQUE = [
  {
    constraint: "application_acronym_key",
    refusal: userError("acronym", "ACRONYM_TAKEN", "Another application has this acronym"),
  },
  {
    constraint: /^PK_/,
    columns: "application.id",
    refusal: userError("id", "ID_TAKEN", "An application with this id exists"),
  },
];

/**
 * Runs a write through the kit's runWrite: the application rows the step writes, then the change-log row (actor,
 * action, request id, changes), then reads the application back, all in one transaction. A `Refused` (the kit's)
 * or any error rolls all of it back; a uniqueness violation that only the insert discovers becomes the same
 * userError the checks give.
 */
export async function runApplicationWrite(
  ctx: CatalogContext,
  viewer: Viewer,
  step: (manager: EntityManager, now: Date) => Promise<WriteOutcome>,
): Promise<WritePayload> {
  const result = await runWrite<Application, UserError>(
    ctx,
    async (manager, now) => {
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
    },
    UNIQUE,
  );
  if (!result.value) return { application: null, userErrors: result.userErrors };
  // Committed: the gateway evicts what it cached of this application.
  reportChanges(`Application:${result.value.id}`);
  ctx.loaders.applicationById.prime(result.value.id, result.value);
  return { application: result.value, userErrors: [] };
}
