import { userError, type UserError, type UserErrorCode } from "../user-errors.js";
import { isPhoneProblem, normalisePhone } from "./phone.js";

/** How a contact point is reached. LOCAL_DESK is an instruction ("contact your local help desk"), not an address. */
export enum ContactKind {
  PHONE = "PHONE",
  TTY = "TTY",
  FAX = "FAX",
  EMAIL = "EMAIL",
  WEB = "WEB",
  LOCAL_DESK = "LOCAL_DESK",
}

/** The kinds dialled as phone numbers (E.164 values, extensions and menus allowed). */
export const DIALLED_KINDS: readonly ContactKind[] = [ContactKind.PHONE, ContactKind.TTY, ContactKind.FAX];

/** A contact point as stored and served. */
export interface ContactPointValue {
  kind: ContactKind;
  value: string;
  display: string;
  extension: string | null;
  menuSteps: string[];
  purpose: string | null;
  availableLanguages: string[];
}

/** A contact point as an admin (or the seed) gives it: `value` as published. */
export interface ContactPointDraft {
  kind: ContactKind;
  value: string;
  extension?: string | null;
  menuSteps?: string[] | null;
  purpose?: string | null;
  availableLanguages?: string[] | null;
}

/** The outcome of normalising: the value, or the refusals (never both). */
export type Normalised<T> = { value: T; errors: [] } | { value?: undefined; errors: UserError[] };

const MAX_CONTACT_POINTS = 50;
const MAX_TEXT = 500;
const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** A mailbox address, lower-cased (these mailboxes do not distinguish case); null when it is not one. */
export function normaliseEmail(text: string): string | null {
  const address = text.trim().replace(/^mailto:/i, "");
  if (address.length > 254) return null;
  const at = address.lastIndexOf("@");
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (at < 1 || local.length > 64 || !EMAIL_LOCAL.test(local)) return null;
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return null;
  if (!/^[A-Za-z]{2,63}$/.test(labels.at(-1)!)) return null;
  return address.toLowerCase();
}

/** An absolute https URL without credentials, in its normal form; null otherwise. */
export function normaliseWebAddress(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length > 2048 || !URL.canParse(trimmed)) return null;
  const url = new URL(trimmed);
  if (url.protocol !== "https:" || !url.hostname.includes(".") || url.username || url.password) return null;
  return url.href;
}

/** BCP 47 language tags in canonical form (en-us → en-US); null when any is not a tag. */
export function canonicalLanguages(tags: readonly string[]): string[] | null {
  try {
    return Intl.getCanonicalLocales(tags.map((tag) => tag.trim()));
  } catch {
    return null;
  }
}

/** Normalises one contact point; `field` is its input path, e.g. "contactPoints.2". */
export function normaliseContactPoint(draft: ContactPointDraft, field: string): Normalised<ContactPointValue> {
  const errors: UserError[] = [];
  const fail = (name: string, code: UserErrorCode, message: string) =>
    errors.push(userError(`${field}.${name}`, code, message));
  const dialled = DIALLED_KINDS.includes(draft.kind);
  let value = "";
  let display = draft.value.trim();
  let extension = draft.extension?.trim() || null;
  const menuSteps = (draft.menuSteps ?? []).map((step) => step.trim()).filter(Boolean);

  if (dialled) {
    const phone = normalisePhone(draft.value);
    if (isPhoneProblem(phone)) {
      fail("value", phone.code, `${field}.value ${phone.message}`);
    } else {
      ({ value, display } = phone);
      if (extension && phone.extension && extension !== phone.extension) {
        fail("extension", "INVALID_EXTENSION", `${field}.extension differs from the extension in the number`);
      }
      extension ??= phone.extension;
      menuSteps.unshift(...phone.menuSteps.filter((step) => !menuSteps.includes(step)));
    }
    if (extension && !/^\d{1,10}$/.test(extension)) {
      fail("extension", "INVALID_EXTENSION", `${field}.extension must be 1 to 10 digits`);
    }
  } else {
    if (extension) fail("extension", "NOT_DIALLED", `${field}.extension is only for phone, TTY and fax numbers`);
    if (menuSteps.length)
      fail("menuSteps", "NOT_DIALLED", `${field}.menuSteps are only for phone, TTY and fax numbers`);
  }
  if (draft.kind === ContactKind.EMAIL) {
    value = normaliseEmail(draft.value) ?? "";
    if (!value) fail("value", "INVALID_EMAIL", `${field}.value must be an email address such as help@example.gov`);
  } else if (draft.kind === ContactKind.WEB) {
    value = normaliseWebAddress(draft.value) ?? "";
    if (!value) fail("value", "INVALID_URL", `${field}.value must be an absolute https:// URL`);
  } else if (draft.kind === ContactKind.LOCAL_DESK) {
    value = display;
    if (!value) fail("value", "REQUIRED", `${field}.value must say how to reach the local help desk`);
    else if (value.length > MAX_TEXT)
      fail("value", "TOO_LONG", `${field}.value must be at most ${MAX_TEXT} characters`);
  }
  if (menuSteps.some((step) => step.length > 100) || menuSteps.length > 10) {
    fail("menuSteps", "TOO_LONG", `${field}.menuSteps must be at most 10 steps of 100 characters`);
  }
  const purpose = draft.purpose?.trim() || null;
  if (purpose && purpose.length > MAX_TEXT) {
    fail("purpose", "TOO_LONG", `${field}.purpose must be at most ${MAX_TEXT} characters`);
  }
  const languages = canonicalLanguages(draft.availableLanguages ?? []);
  if (!languages) fail("availableLanguages", "INVALID_LANGUAGE", `${field}.availableLanguages must be BCP 47 tags`);

  if (errors.length) return { errors };
  return {
    value: { kind: draft.kind, value, display, extension, menuSteps, purpose, availableLanguages: languages! },
    errors: [],
  };
}

/** Normalises a desk's whole list of contact points; the same kind and value twice is refused. */
export function normaliseContactPoints(
  drafts: readonly ContactPointDraft[],
  field = "contactPoints",
): Normalised<ContactPointValue[]> {
  if (drafts.length > MAX_CONTACT_POINTS) {
    return { errors: [userError(field, "TOO_MANY", `${field} holds at most ${MAX_CONTACT_POINTS} contact points`)] };
  }
  const errors: UserError[] = [];
  const points: ContactPointValue[] = [];
  const seen = new Set<string>();
  drafts.forEach((draft, index) => {
    const result = normaliseContactPoint(draft, `${field}.${index}`);
    errors.push(...result.errors);
    if (!result.value) return;
    const key = `${result.value.kind} ${result.value.value}`;
    if (seen.has(key)) {
      errors.push(
        userError(`${field}.${index}.value`, "DUPLICATE_CONTACT_POINT", `${field}.${index} repeats an earlier one`),
      );
    }
    seen.add(key);
    points.push(result.value);
  });
  return errors.length ? { errors } : { value: points, errors: [] };
}
