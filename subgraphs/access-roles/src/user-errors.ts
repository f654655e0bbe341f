import { createUserErrors, type InputChecks as KitInputChecks, type UserErrorOf } from "@portal-graph/subgraph-kit";

/**
 * Access roles' own refusal codes, each with what it means: its `UserErrorCode` enum is these plus the kit's shared
 * input codes (REQUIRED, TOO_LONG, TOO_MANY, INVALID_SLUG, INVALID_URL, INVALID_DATE, NOT_FOUND). A new code is
 * declared here first; `userError()` and `InputChecks.add()` take no other.
 */
const ACCESS_ROLES_CODES = {
  TOO_SHORT: "A justification is shorter than its minimum, which the message gives.",
  COMMENT_REQUIRED: "Rejecting an access request needs a comment saying why.",
  ROLE_NOT_FOUND: "No role has the id given.",
  ROLE_NOT_REQUESTABLE: "The role is not (or no longer) open to requests.",
  ROLE_ALREADY_HELD: "The requester already holds the role.",
  CONFLICTING_ROLE_HELD: "The requester holds a role that conflicts with this one (separation of duties).",
  REQUEST_ALREADY_PENDING: "The requester already has a request for this role waiting for a decision.",
  ACCESS_REQUEST_NOT_FOUND: "No access request has the id given, or the viewer may not see it (ids leak nothing).",
  NOT_REQUESTER: "Only the requester may cancel an access request.",
  REQUESTER_CANNOT_DECIDE: "Nobody may decide their own access request.",
  NOT_AN_APPROVER: "Only an approver of the application (or a portal admin) may do this.",
  ALREADY_DECIDED: "The access request was approved or rejected already.",
  REQUEST_CANCELLED: "The requester cancelled the access request.",
  REQUEST_EXPIRED: "The access request expired undecided.",
  ROLE_GRANT_NOT_FOUND: "No role grant has the id given, or the viewer may not see it (ids leak nothing).",
  GRANT_ENDED: "The role grant has ended already (expired, revoked or removed).",
  HOLDER_CANNOT_CERTIFY: "Nobody may certify their own role grant.",
  CERTIFICATION_NOT_DUE: "The grant is certified for this year: certification opens 60 days before its due day.",
  ALREADY_CERTIFIED: "Someone certified or ended the grant at the same moment.",
} as const;

/**
 * The subgraph's `UserError` type (payloads list these in `userErrors`), `userError()` and the kit's input checks,
 * all taking access-roles codes only.
 */
export const { codes, UserError, userError, InputChecks } = createUserErrors("access-roles", ACCESS_ROLES_CODES);

/** A code a access-roles mutation may refuse with. */
export type UserErrorCode = keyof typeof codes;
export type UserError = UserErrorOf<UserErrorCode>;
export type InputChecks = KitInputChecks<UserErrorCode>;
