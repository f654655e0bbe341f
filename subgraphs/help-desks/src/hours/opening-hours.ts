import { userError, type UserError, type UserErrorCode } from "../user-errors.js";
import type { Normalised } from "../contact/contact-point.js";

/** A day of the week, as opening hours name it. */
export enum Weekday {
  MONDAY = "MONDAY",
  TUESDAY = "TUESDAY",
  WEDNESDAY = "WEDNESDAY",
  THURSDAY = "THURSDAY",
  FRIDAY = "FRIDAY",
  SATURDAY = "SATURDAY",
  SUNDAY = "SUNDAY",
}

const WEEK = Object.values(Weekday);

/** Open from `opens` to `closes` ("HH:MM", local to the desk's zone) on each of `days`. */
export interface WeeklyRule {
  days: Weekday[];
  opens: string;
  closes: string;
}

/** One local date that departs from the weekly rules: closed, or open other hours. */
export interface HoursException {
  date: string;
  closed: boolean;
  opens: string | null;
  closes: string | null;
  note: string | null;
}

/** A desk's opening hours: weekly rules and dated exceptions in one IANA time zone. */
export interface Hours {
  timeZone: string;
  weekly: WeeklyRule[];
  exceptions: HoursException[];
}

/** Hours as an admin (or the seed) gives them. */
export interface HoursDraft {
  timeZone: string;
  weekly: { days: Weekday[]; opens: string; closes: string }[];
  exceptions?:
    | { date: string; closed?: boolean | null; opens?: string | null; closes?: string | null; note?: string | null }[]
    | null;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The canonical IANA name of a zone (us/eastern → America/New_York), or null. Only Area/Location names and UTC
 * are taken: abbreviations such as EST are legacy zones (EST is a fixed UTC−5 that ICU maps to America/Panama,
 * without daylight saving), which is never what a desk publishing "Eastern Standard Time" means.
 */
export function canonicalTimeZone(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed.includes("/") && trimmed.toUpperCase() !== "UTC") return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Minutes since local midnight for "HH:MM"; "24:00" is allowed as a closing time. */
export function minutesOf(time: string): number {
  if (time === "24:00") return 24 * 60;
  const [hours, minutes] = time.split(":").map(Number);
  return hours! * 60 + minutes!;
}

function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month! - 1 && date.getUTCDate() === day;
}

/** Validates and normalises hours; `field` is their input path ("hours"). Days come out in week order. */
export function normaliseHours(draft: HoursDraft, field = "hours"): Normalised<Hours> {
  const errors: UserError[] = [];
  const fail = (path: string, code: UserErrorCode, message: string) =>
    errors.push(userError(`${field}.${path}`, code, message));
  const timeZone = canonicalTimeZone(draft.timeZone);
  if (!timeZone) {
    fail("timeZone", "INVALID_TIME_ZONE", `${field}.timeZone must be an IANA zone such as America/New_York`);
  }
  const range = (path: string, opens: string, closes: string) => {
    if (!TIME.test(opens)) fail(`${path}.opens`, "INVALID_TIME", `${field}.${path}.opens must be HH:MM (24-hour)`);
    else if (!TIME.test(closes) && closes !== "24:00") {
      fail(`${path}.closes`, "INVALID_TIME", `${field}.${path}.closes must be HH:MM (24-hour) or 24:00`);
    } else if (minutesOf(opens) >= minutesOf(closes)) {
      fail(`${path}.closes`, "CLOSES_BEFORE_OPENS", `${field}.${path} must open before it closes`);
    }
  };
  if (draft.weekly.length > 28) fail("weekly", "TOO_MANY", `${field}.weekly holds at most 28 rules`);
  const weekly = draft.weekly.map((rule, index) => {
    if (rule.days.length === 0) fail(`weekly.${index}.days`, "REQUIRED", `${field}.weekly.${index}.days is empty`);
    range(`weekly.${index}`, rule.opens, rule.closes);
    return { days: WEEK.filter((day) => rule.days.includes(day)), opens: rule.opens, closes: rule.closes };
  });
  const exceptionDrafts = draft.exceptions ?? [];
  if (exceptionDrafts.length > 366) fail("exceptions", "TOO_MANY", `${field}.exceptions holds at most 366 dates`);
  const dates = new Set<string>();
  const exceptions = exceptionDrafts.map((exception, index) => {
    const path = `exceptions.${index}`;
    if (!isDate(exception.date)) fail(`${path}.date`, "INVALID_DATE", `${field}.${path}.date must be YYYY-MM-DD`);
    else if (dates.has(exception.date)) fail(`${path}.date`, "DUPLICATE_DATE", `${field}.${path}.date is given twice`);
    dates.add(exception.date);
    const opens = exception.opens ?? null;
    const closes = exception.closes ?? null;
    const closed = exception.closed ?? (opens === null && closes === null);
    if (closed && (opens !== null || closes !== null)) {
      fail(path, "CLOSED_WITH_HOURS", `${field}.${path} is closed, so it takes no opening hours`);
    } else if (!closed && (opens === null || closes === null)) {
      fail(path, "REQUIRED", `${field}.${path} needs opens and closes, or closed: true`);
    } else if (!closed) {
      range(path, opens!, closes!);
    }
    const note = exception.note?.trim() || null;
    if (note && note.length > 500)
      fail(`${path}.note`, "TOO_LONG", `${field}.${path}.note must be at most 500 characters`);
    return { date: exception.date, closed, opens, closes, note };
  });
  if (errors.length) return { errors };
  exceptions.sort((a, b) => (a.date < b.date ? -1 : 1));
  return { value: { timeZone: timeZone!, weekly, exceptions }, errors: [] };
}

/** An instant as the desk's clock and calendar see it. */
export interface LocalTime {
  date: string;
  weekday: Weekday;
  minutes: number;
}

const SHORT_DAYS: Record<string, Weekday> = {
  Mon: Weekday.MONDAY,
  Tue: Weekday.TUESDAY,
  Wed: Weekday.WEDNESDAY,
  Thu: Weekday.THURSDAY,
  Fri: Weekday.FRIDAY,
  Sat: Weekday.SATURDAY,
  Sun: Weekday.SUNDAY,
};

// Building a DateTimeFormat is far dearer than formatting with one; a page of desks shares a handful of zones.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local date, weekday and minute of `at` in the zone, daylight saving included (from the platform's tz data). */
export function localTime(at: Date, timeZone: string): LocalTime {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: SHORT_DAYS[parts.weekday!]!,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** Whether the desk is open at the instant: an exception for the local date overrides the weekly rules. */
export function isOpenAt(hours: Hours, at: Date): boolean {
  const local = localTime(at, hours.timeZone);
  const within = (opens: string, closes: string) =>
    minutesOf(opens) <= local.minutes && local.minutes < minutesOf(closes);
  const exception = hours.exceptions.find((candidate) => candidate.date === local.date);
  if (exception) return !exception.closed && within(exception.opens!, exception.closes!);
  return hours.weekly.some((rule) => rule.days.includes(local.weekday) && within(rule.opens, rule.closes));
}
