import { createUserErrors, type InputChecks as KitInputChecks, type UserErrorOf } from "@portal-graph/subgraph-kit";

/**
 * The catalog's own refusal codes, each with what it means: its `UserErrorCode` enum is these plus the kit's shared
 * input codes (REQUIRED, TOO_LONG, TOO_MANY, INVALID_SLUG, INVALID_URL, INVALID_DATE, NOT_FOUND). A new code is
 * declared here first; `userError()` and `InputChecks.add()` take no other.
 */
const CATALOG_CODES = {
  ID_TAKEN: "An application with this id exists already.",
  ACRONYM_TAKEN: "Another application has this acronym (compared without regard to case).",
  OWNER_GROUP_ADMIN_ONLY: "Only portal admins may change an application's owner group.",
  ALREADY_RETIRED: "The application is retired: it can be neither deprecated nor retired again.",
  REPLACEMENT_IS_SELF: "An application cannot replace itself.",
  REPLACEMENT_NOT_FOUND: "The replacement named does not exist.",
  REPLACEMENT_RETIRED: "The replacement named is retired.",
  REPLACEMENT_CYCLE: "The replacement is (through its own replacements) replaced by this application.",
} as const;

/**
 * The subgraph's `UserError` type (payloads list these in `userErrors`), `userError()` and the kit's input checks,
 * all taking catalog codes only.
 */
export const { codes, UserError, userError, InputChecks } = createUserErrors("catalog", CATALOG_CODES);

/** A code a catalog mutation may refuse with. */
export type UserErrorCode = keyof typeof codes;
export type UserError = UserErrorOf<UserErrorCode>;
export type InputChecks = KitInputChecks<UserErrorCode>;
