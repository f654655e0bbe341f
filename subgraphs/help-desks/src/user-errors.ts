import { createUserErrors, type InputChecks as KitInputChecks, type UserErrorOf } from "@portal-graph/subgraph-kit";

/**
 * The help desks' own refusal codes, each with what it means: its `UserErrorCode` enum is these plus the kit's
 * shared input codes (REQUIRED, TOO_LONG, TOO_MANY, INVALID_SLUG, INVALID_URL, INVALID_DATE, NOT_FOUND). A new code
 * is declared here first; `userError()` and `InputChecks.add()` take no other.
 */
const HELP_DESKS_CODES = {
  HELP_DESK_EXISTS: "A help desk with this id exists already.",
  HELP_DESK_NOT_FOUND: "No help desk has the id given.",
  NOT_ASSIGNED: "The help desk does not serve the application, so there is nothing to unassign.",
  INVALID_PHONE: "Not a phone number that can be dialled, or several different numbers in one contact point.",
  INVALID_EXTENSION: "An extension is not 1 to 10 digits, or differs from the one written in the number.",
  NOT_DIALLED: "An extension or menu steps on a contact point that is not a phone, TTY or fax number.",
  INVALID_EMAIL: "Not an email address.",
  INVALID_LANGUAGE: "Not a list of BCP 47 language tags.",
  DUPLICATE_CONTACT_POINT: "The contact point repeats an earlier one of the same kind and value.",
  INVALID_TIME_ZONE: "Not an IANA time zone such as America/New_York.",
  INVALID_TIME: "Not a time of day written HH:MM (24-hour; 24:00 only as a closing time).",
  CLOSES_BEFORE_OPENS: "Opening hours that close at or before the time they open.",
  DUPLICATE_DATE: "A date given twice among the exceptions to the weekly hours.",
  CLOSED_WITH_HOURS: "A day marked closed that also gives opening hours.",
} as const;

/**
 * The subgraph's `UserError` type (payloads list these in `userErrors`), `userError()` and the kit's input checks,
 * all taking help-desks codes only.
 */
export const { codes, UserError, userError, InputChecks } = createUserErrors("help-desks", HELP_DESKS_CODES);

/** A code a help-desks mutation may refuse with. */
export type UserErrorCode = keyof typeof codes;
export type UserError = UserErrorOf<UserErrorCode>;
export type InputChecks = KitInputChecks<UserErrorCode>;
