import { Directive, Field, ObjectType } from "type-graphql";

/** An expected refusal of a mutation, returned in its payload: which input field, why, and a stable code. */
@ObjectType({ description: "Why a mutation did not do what was asked; nothing was written." })
@Directive("@shareable")
export class UserError {
  @Field(() => [String], { description: 'Path to the input field at fault, e.g. ["input", "launchUrl"].' })
  field!: string[];

  @Field(() => String)
  message!: string;

  @Field(() => String, { description: "Stable, SCREAMING_SNAKE code to branch on." })
  code!: string;
}

/** Makes a UserError for an input field (`input.<name>`). */
export function userError(field: string, code: string, message: string): UserError {
  return { field: ["input", ...field.split(".")], code, message };
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Checks collected by field; `errors` stays empty when every rule holds. */
export class InputChecks {
  readonly errors: UserError[] = [];

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

  /** Adds a refusal of its own. */
  add(field: string, code: string, message: string): this {
    this.errors.push(userError(field, code, message));
    return this;
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }
}
