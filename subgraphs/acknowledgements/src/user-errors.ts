import { createUserErrors, type InputChecks as KitInputChecks, type UserErrorOf } from "@portal-graph/subgraph-kit";

/**
 * The acknowledgements' own refusal codes, each with what it means: its `UserErrorCode` enum is these plus the kit's
 * shared input codes (REQUIRED, TOO_LONG, TOO_MANY, INVALID_SLUG, INVALID_URL, INVALID_DATE, NOT_FOUND). A new code
 * is declared here first; `userError()` and `InputChecks.add()` take no other.
 */
const ACKNOWLEDGEMENTS_CODES = {
  INVALID_OMB_CONTROL_NUMBER: "Not an OMB control number, which is written NNNN-NNNN.",
  INVALID_BURDEN: "An OMB burden estimate that is not a whole number of minutes from 1 to 10000.",
  EFFECTIVE_BEFORE_LATEST: "A new policy version cannot take effect before the latest one does.",
  SAME_CONTENT: "The text is that of the latest version already: there is nothing new to publish.",
  NO_ACKNOWLEDGEMENT_NEEDED: "The policy is a notice: nobody acknowledges it.",
  NOT_CURRENT_VERSION: "Only the version of a policy in effect today may be acknowledged.",
  WRONG_APPLICATION: "The application's rules of behavior are for another application than the one given.",
} as const;

/**
 * The subgraph's `UserError` type (payloads list these in `userErrors`), `userError()` and the kit's input checks,
 * all taking acknowledgements codes only.
 */
export const { codes, UserError, userError, InputChecks } = createUserErrors(
  "acknowledgements",
  ACKNOWLEDGEMENTS_CODES,
);

/** A code a acknowledgements mutation may refuse with. */
export type UserErrorCode = keyof typeof codes;
export type UserError = UserErrorOf<UserErrorCode>;
export type InputChecks = KitInputChecks<UserErrorCode>;
