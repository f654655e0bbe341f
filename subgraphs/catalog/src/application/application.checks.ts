import { InputChecks } from "../user-errors.js";
import type { ChangeSet, ChangeValue } from "./application-change.entity.js";
import type { ApplicationLinkInput } from "./application.write-types.js";
import type { LinkKind } from "./application.types.js";

/** Bounds of what a write may store (the column sizes, and list lengths a page can show). */
export const LIMITS = {
  name: 200,
  acronym: 32,
  formerNames: 20,
  description: 4000,
  category: 100,
  ownerGroup: 100,
  tags: 20,
  links: 50,
  linkTitle: 200,
} as const;

/** A link as stored. */
export interface LinkValue {
  kind: LinkKind;
  title: string;
  url: string;
}

/** The fields of an application a caller sets, normalized (trimmed, tags unique and sorted). */
export interface ApplicationFields {
  name: string;
  acronym: string | null;
  formerNames: string[];
  description: string | null;
  category: string | null;
  launchUrl: string | null;
  ownerGroup: string | null;
  tags: string[];
  links: LinkValue[];
}

/** The fields as a write's input gives them: left out (undefined), null, or a value. */
export type FieldsInput = {
  [K in keyof ApplicationFields]?: K extends "links" ? ApplicationLinkInput[] | null : ApplicationFields[K] | null;
};

/** The fields of an application that has none set, what a registration starts from. */
export const NO_FIELDS: ApplicationFields = {
  name: "",
  acronym: null,
  formerNames: [],
  description: null,
  category: null,
  launchUrl: null,
  ownerGroup: null,
  tags: [],
  links: [],
};

/** Checks every field the input gives; fields left out are not looked at. */
export function checkFields(input: FieldsInput, checks = new InputChecks()): InputChecks {
  if (input.name !== undefined) checks.text("name", input.name, LIMITS.name, { required: true });
  checks.text("acronym", input.acronym, LIMITS.acronym);
  checks.text("description", input.description, LIMITS.description);
  checks.text("category", input.category, LIMITS.category);
  checks.httpsUrl("launchUrl", input.launchUrl);
  checks.text("ownerGroup", input.ownerGroup, LIMITS.ownerGroup);
  if (input.formerNames) {
    if (input.formerNames.length > LIMITS.formerNames) tooMany(checks, "formerNames", LIMITS.formerNames);
    input.formerNames.forEach((name, i) => checks.text(`formerNames.${i}`, name, LIMITS.name, { required: true }));
  }
  if (input.tags) {
    if (input.tags.length > LIMITS.tags) tooMany(checks, "tags", LIMITS.tags);
    input.tags.forEach((tag, i) => checks.slug(`tags.${i}`, tag));
  }
  if (input.links) {
    if (input.links.length > LIMITS.links) tooMany(checks, "links", LIMITS.links);
    input.links.forEach((link, i) => {
      checks.text(`links.${i}.title`, link.title, LIMITS.linkTitle, { required: true });
      checks.httpsUrl(`links.${i}.url`, link.url);
    });
  }
  return checks;
}

function tooMany(checks: InputChecks, field: string, max: number): void {
  checks.add(field, "TOO_MANY", `${field} may hold at most ${max} entries`);
}

/** The fields the input gives, normalized; null lists become empty ones. Call after checkFields passed. */
export function givenFields(input: FieldsInput): Partial<ApplicationFields> {
  const given: Partial<ApplicationFields> = {};
  const text = (value: string | null) => (value === null ? null : value.trim());
  if (input.name != null) given.name = input.name.trim();
  if (input.acronym !== undefined) given.acronym = text(input.acronym);
  if (input.description !== undefined) given.description = text(input.description);
  if (input.category !== undefined) given.category = text(input.category);
  if (input.launchUrl !== undefined) given.launchUrl = input.launchUrl;
  if (input.ownerGroup !== undefined) given.ownerGroup = text(input.ownerGroup);
  if (input.formerNames !== undefined) given.formerNames = (input.formerNames ?? []).map((name) => name.trim());
  if (input.tags !== undefined) given.tags = sortedTags(input.tags ?? []);
  if (input.links !== undefined) {
    given.links = (input.links ?? []).map((link) => ({ kind: link.kind, title: link.title.trim(), url: link.url }));
  }
  return given;
}

/** Tags as stored: unique, in byte order (the order the tags loader returns them in). */
export function sortedTags(tags: readonly string[]): string[] {
  return [...new Set(tags)].sort();
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today in UTC as "YYYY-MM-DD", the day sunset dates are compared with. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A sunset day: a real calendar day written "YYYY-MM-DD", today (UTC) or later. */
export function checkSunsetOn(checks: InputChecks, value: string | null | undefined, today = todayUtc()): InputChecks {
  if (value == null) return checks;
  const match = DATE.exec(value);
  const day = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!day || day.toISOString().slice(0, 10) !== value) {
    checks.add("sunsetOn", "INVALID_DATE", 'sunsetOn must be a calendar date written "YYYY-MM-DD"');
  } else if (value < today) {
    checks.add("sunsetOn", "INVALID_DATE", `sunsetOn must not be in the past (today is ${today}, UTC)`);
  }
  return checks;
}

/** The fields whose values differ between before and after (compared as JSON), as the change log records them. */
export function changesBetween(before: object, after: object): ChangeSet {
  const changes: ChangeSet = {};
  const old = before as Record<string, ChangeValue | undefined>;
  for (const [field, value] of Object.entries(after) as [string, ChangeValue | undefined][]) {
    const from = old[field] ?? null;
    const to = value ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return changes;
}
