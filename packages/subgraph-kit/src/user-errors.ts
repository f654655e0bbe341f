import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";
import { markKitMade } from "./type-classes.js";

/** Codes, each with what it means: the enum values' descriptions in the schema and the rows of docs/errors.md. */
export type UserErrorCodeMeanings<Code extends string = string> = Readonly<Record<Code, string>>;

/**
 * The codes every subgraph's `UserErrorCode` holds: those of the kit's own checks (`InputChecks`) and those more
 * than one subgraph refuses with, so each means the same everywhere. A team declares its other codes in its own
 * `src/user-errors.ts` (see the kit's README).
 */
export const SHARED_USER_ERROR_CODES = {
  REQUIRED: "A required input is missing, empty or blank.",
  TOO_LONG: "A text (or a list of texts) is longer than its limit, which the message gives.",
  TOO_MANY: "A list holds more entries than its limit, which the message gives.",
  INVALID_SLUG: "Not a slug: 2 to 64 lowercase letters, digits and single hyphens.",
  INVALID_URL: "Not an absolute https:// URL of at most 2048 characters.",
  INVALID_DATE: 'Not a calendar day written "YYYY-MM-DD", or a day the field does not take (the message says why).',
  NOT_FOUND: "Nothing has the id the input names.",
} as const satisfies UserErrorCodeMeanings;

/** A code of the kit's checks, in every subgraph's enum. */
export type SharedUserErrorCode = keyof typeof SHARED_USER_ERROR_CODES;

/** An expected refusal of a mutation, returned in its payload: which input field, why, and a declared code. */
export interface UserErrorOf<Code extends string = string> {
  field: string[];
  message: string;
  code: Code;
}

/** A subgraph's `UserError` object type: a class type-graphql knows, whose values are `UserErrorOf<Code>`. */
export type UserErrorType<Code extends string> = new () => UserErrorOf<Code>;

const CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

/**
 * The shared codes plus a subgraph's own, in that order. Throws, at import, when an own code repeats a shared one,
 * is not SCREAMING_SNAKE, or has no one-line meaning: the schema and docs/errors.md are built from these.
 */
export function userErrorCodes<const Own extends UserErrorCodeMeanings>(
  subgraph: string,
  own: Own,
): typeof SHARED_USER_ERROR_CODES & Own {
  for (const [code, meaning] of Object.entries(own)) {
    if (Object.hasOwn(SHARED_USER_ERROR_CODES, code)) {
      throw new Error(`${subgraph} declares user-error code ${code}, which the kit already declares for everyone`);
    }
    if (!CODE.test(code)) throw new Error(`${subgraph}: user-error code ${code} is not SCREAMING_SNAKE`);
    if (!/^\S[^\n|]*$/.test(meaning)) throw new Error(`${subgraph}: ${code} needs a one-line meaning (no "|")`);
  }
  return { ...SHARED_USER_ERROR_CODES, ...own };
}

/**
 * A fresh `UserError` object type with its own `UserErrorCode` enum listing `codes`, for one subgraph's schema.
 * type-graphql keeps its metadata per process and `npm run schema:compose` builds every subgraph's schema in one, so
 * each subgraph calls this once, in its own `src/user-errors.ts`, and its payloads use that class only: sharing one
 * between subgraphs would give each the other's codes. The GraphQL names are the same everywhere; Federation
 * composes the enum (output only) as the union of every subgraph's values.
 */
export function createUserErrorType<Code extends string>(codes: UserErrorCodeMeanings<Code>): UserErrorType<Code> {
  const names = Object.keys(codes) as Code[];
  const UserErrorCode = Object.fromEntries(names.map((code) => [code, code])) as Record<Code, Code>;
  registerEnumType(UserErrorCode, {
    name: "UserErrorCode",
    description: "Why a mutation refused what was asked: a stable code to branch on; `message` says it in words.",
    valuesConfig: Object.fromEntries(names.map((code) => [code, { description: codes[code] }])) as never,
  });

  @ObjectType("UserError", { description: "Why a mutation did not do what was asked; nothing was written." })
  @Directive("@shareable")
  class UserError implements UserErrorOf<Code> {
    @Field(() => [String], { description: 'Path to the input field at fault, e.g. ["input", "launchUrl"].' })
    field!: string[];

    @Field(() => String, { description: "What went wrong, in words a user can read; branch on `code`, not on this." })
    message!: string;

    @Field(() => UserErrorCode, { description: "Stable code to branch on; each value says what it means." })
    code!: Code;
  }
  markKitMade(UserError);
  return UserError;
}

/** Makes a UserError for an input field (`input.<name>`). */
function userError<Code extends string>(field: string, code: Code, message: string): UserErrorOf<Code> {
  return { field: ["input", ...field.split(".")], code, message };
}

/** What a subgraph's `src/user-errors.ts` gets from `createUserErrors`, all bound to its declared codes. */
export interface UserErrors<Code extends string> {
  /** Every code of the subgraph's enum with its meaning: the kit's shared ones, then its own. */
  codes: UserErrorCodeMeanings<Code>;
  /** The subgraph's own `UserError` object type (with its `UserErrorCode` enum), for its payloads' `userErrors`. */
  UserError: UserErrorType<Code>;
  /** Makes a UserError for an input field (`input.<name>`), with a declared code only. */
  userError(field: string, code: Code, message: string): UserErrorOf<Code>;
  /** The kit's input checks, whose `add` takes a declared code only. */
  InputChecks: new () => InputChecks<Code>;
}

/**
 * Declares a subgraph's user errors: its own codes with their meanings (the kit adds the shared ones), and the
 * `UserError` type, `userError()` and `InputChecks` typed so that only a declared code compiles. Call it once per
 * subgraph, in its `src/user-errors.ts`.
 */
export function createUserErrors<const Own extends UserErrorCodeMeanings>(
  subgraph: string,
  own: Own,
): UserErrors<SharedUserErrorCode | (keyof Own & string)> {
  type Code = SharedUserErrorCode | (keyof Own & string);
  const codes: UserErrorCodeMeanings<Code> = userErrorCodes(subgraph, own);
  return { codes, UserError: createUserErrorType(codes), userError, InputChecks };
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Checks collected by field; `errors` stays empty when every rule holds. `Code` is the subgraph's declared codes
 * (its `src/user-errors.ts` exports the class bound to them), so `add` takes no other.
 */
export class InputChecks<Code extends string = SharedUserErrorCode> {
  readonly errors: UserErrorOf<Code | SharedUserErrorCode>[] = [];

  /** A lowercase slug of 2 to 64 characters. */
  slug(field: string, value: string | null | undefined): this {
    if (value == null) return this;
    if (value.length < 2 || value.length > 64 || !SLUG.test(value)) {
      this.add(field, "INVALID_SLUG", `${field} must be 2-64 lowercase letters, digits and single hyphens`);
    }
    return this;
  }

  /** Non-empty after trimming, at most max characters. */
  text(field: string, value: string | null | undefined, max: number, { required = false } = {}): this {
    if (value == null) {
      if (required) this.add(field, "REQUIRED", `${field} is required`);
      return this;
    }
    if (value.trim().length === 0) this.add(field, "REQUIRED", `${field} must not be empty`);
    else if (value.length > max) this.add(field, "TOO_LONG", `${field} must be at most ${max} characters`);
    return this;
  }

  /** An absolute https URL of at most 2048 characters. */
  httpsUrl(field: string, value: string | null | undefined): this {
    if (value == null) return this;
    const url = URL.canParse(value) ? new URL(value) : null;
    if (!url || url.protocol !== "https:" || value.length > 2048) {
      this.add(field, "INVALID_URL", `${field} must be an absolute https:// URL of at most 2048 characters`);
    }
    return this;
  }

  /** Adds a refusal of its own, with a declared code. */
  add(field: string, code: Code | SharedUserErrorCode, message: string): this {
    this.errors.push(userError(field, code, message));
    return this;
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }
}
