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

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
function epochDay(date: string): number {
  const [year, month, day] = date.split("-").map(Number);
  return Date.UTC(year!, month! - 1, day!) / (DAY_MINUTES * MINUTE);
}

/**
 * The local clock at `minute` (minutes since the epoch) as minutes since the local epoch. Zones have kept whole
 * minute offsets since 1972, so an instant's seconds play no part.
 */
function wallMinute(minute: number, timeZone: string): number {
  const local = localTime(new Date(minute * MINUTE), timeZone);
  return epochDay(local.date) * DAY_MINUTES + local.minutes;
}

/** The minutes at which the local clock reads `wall`: none in a spring-forward gap, two in a repeated hour. */
function minutesAtWall(wall: number, timeZone: string): number[] {
  // Offsets are under a day, so the offsets a day either side are the ones in force around the instant.
  const offsets = new Set([wall - DAY_MINUTES, wall + DAY_MINUTES].map((m) => wallMinute(m, timeZone) - m));
  return [...offsets].map((offset) => wall - offset).filter((minute) => wallMinute(minute, timeZone) === wall);
}

/** The minutes, from `from` to `to`, at which the zone's offset changes (daylight saving starting or ending). */
function offsetChanges(from: number, to: number, timeZone: string): number[] {
  const offset = (minute: number) => wallMinute(minute, timeZone) - minute;
  const changes: number[] = [];
  // Offset changes come weeks apart in every zone, so a day's steps cannot pass over two of them.
  let low = from;
  let before = offset(low);
  while (low < to) {
    const next = Math.min(low + DAY_MINUTES, to);
    const after = offset(next);
    if (after !== before) {
      let high = next;
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (offset(middle) === before) low = middle;
        else high = middle;
      }
      changes.push(high);
    }
    low = next;
    before = after;
  }
  return changes;
}

/** The local minutes of `date` at which its opening intervals start: its exception's, else its weekday's rules. */
function openingMinutes(hours: Hours, date: string, weekday: Weekday): number[] {
  const exception = hours.exceptions.find((candidate) => candidate.date === date);
  if (exception) return exception.closed ? [] : [minutesOf(exception.opens!)];
  return hours.weekly.filter((rule) => rule.days.includes(weekday)).map((rule) => minutesOf(rule.opens));
}

/**
 * The first instant at or after `at`, and at most `horizonDays` × 24 hours after it, at which the desk is open (as
 * `isOpenAt` judges it): `at` itself when the desk is open then; null when it does not open within the horizon.
 *
 * A desk goes from closed to open only where its local clock reaches an opening time of the local date (the date's
 * exception, else the weekly rules) or where the zone's offset changes (a clock set forward over an opening time, or
 * back into open hours), so those minutes are the only candidates. An opening time in a repeated hour comes twice:
 * the first one after `at` counts.
 */
export function nextOpening(hours: Hours, at: Date, horizonDays = 14): Date | null {
  if (!(horizonDays >= 0)) throw new RangeError(`horizonDays must be a number of days >= 0, not ${horizonDays}`);
  if (isOpenAt(hours, at)) return at;
  const first = Math.ceil(at.getTime() / MINUTE);
  const last = Math.floor((at.getTime() + horizonDays * DAY_MINUTES * MINUTE) / MINUTE);
  if (first > last) return null;
  const candidates = offsetChanges(first - 1, last, hours.timeZone);
  // A day either side: a clock set back across midnight reads the day before for an hour.
  const firstDay = Math.floor(wallMinute(first, hours.timeZone) / DAY_MINUTES) - 1;
  const lastDay = Math.floor(wallMinute(last, hours.timeZone) / DAY_MINUTES) + 1;
  for (let day = firstDay; day <= lastDay; day++) {
    const date = new Date(day * DAY_MINUTES * MINUTE).toISOString().slice(0, 10);
    const weekday = WEEK[(((day + 3) % 7) + 7) % 7]!; // day 0, 1970-01-01, was a Thursday
    for (const opens of openingMinutes(hours, date, weekday)) {
      candidates.push(...minutesAtWall(day * DAY_MINUTES + opens, hours.timeZone));
    }
  }
  const opening = candidates
    .filter((minute) => minute >= first && minute <= last)
    .sort((a, b) => a - b)
    .find((minute) => isOpenAt(hours, new Date(minute * MINUTE)));
  return opening === undefined ? null : new Date(opening * MINUTE);
}
