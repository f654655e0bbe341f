import { describe, expect, it } from "vitest";
import {
  canonicalTimeZone,
  isOpenAt,
  localTime,
  nextOpening,
  normaliseHours,
  Weekday,
  type Hours,
} from "./opening-hours.js";

const WEEKDAYS = [Weekday.MONDAY, Weekday.TUESDAY, Weekday.WEDNESDAY, Weekday.THURSDAY, Weekday.FRIDAY];
// The seed page's two published schedules.
const QUALITYNET: Hours = {
  timeZone: "America/Chicago",
  weekly: [{ days: WEEKDAYS, opens: "07:00", closes: "19:00" }],
  exceptions: [],
};
const OCM: Hours = {
  timeZone: "America/New_York",
  weekly: [{ days: WEEKDAYS, opens: "08:30", closes: "18:00" }],
  exceptions: [
    { date: "2025-12-24", closed: false, opens: "09:00", closes: "12:00", note: "Christmas Eve" },
    { date: "2025-12-25", closed: true, opens: null, closes: null, note: "Christmas Day" },
  ],
};
const open = (hours: Hours, at: string) => isOpenAt(hours, new Date(at));

describe("openNow in the desk's own zone", () => {
  it("opens at the published minute and not before (QualityNet, 7 a.m. Central in July = 12:00Z)", () => {
    expect(open(QUALITYNET, "2025-07-16T11:59:59Z")).toBe(false);
    expect(open(QUALITYNET, "2025-07-16T12:00:00Z")).toBe(true);
  });

  it("closes at the published minute (QualityNet, 7 p.m. Central = 00:00Z the next day)", () => {
    expect(open(QUALITYNET, "2025-07-16T23:59:00Z")).toBe(true);
    expect(open(QUALITYNET, "2025-07-17T00:00:00Z")).toBe(false);
  });

  it("is closed at the weekend, judged by the local day", () => {
    expect(open(QUALITYNET, "2025-07-19T17:00:00Z")).toBe(false); // Saturday noon in Chicago
    expect(open(QUALITYNET, "2025-07-21T13:00:00Z")).toBe(true); // Monday 8 a.m.
    // Friday 6:30 p.m. in Chicago is already Saturday in UTC, and still open.
    expect(open(QUALITYNET, "2025-07-18T23:30:00Z")).toBe(true);
    const tokyo: Hours = {
      timeZone: "Asia/Tokyo",
      weekly: [{ days: [Weekday.MONDAY], opens: "08:00", closes: "09:00" }],
      exceptions: [],
    };
    expect(open(tokyo, "2025-07-20T23:30:00Z")).toBe(true); // Sunday in UTC, Monday 8:30 in Tokyo
  });

  it("follows daylight saving in America/Chicago, both ways", () => {
    // 12:30Z is 6:30 a.m. CST on Friday 7 March and 7:30 a.m. CDT on Monday 10 March (DST began on the 9th).
    expect(open(QUALITYNET, "2025-03-07T12:30:00Z")).toBe(false);
    expect(open(QUALITYNET, "2025-03-10T12:30:00Z")).toBe(true);
    // And back: 7:30 a.m. CDT on Friday 31 October, 6:30 a.m. CST on Monday 3 November (DST ended on the 2nd).
    expect(open(QUALITYNET, "2025-10-31T12:30:00Z")).toBe(true);
    expect(open(QUALITYNET, "2025-11-03T12:30:00Z")).toBe(false);
  });

  it("follows daylight saving in America/New_York, both ways (OCM opens 8:30 local)", () => {
    expect(open(OCM, "2025-03-07T12:30:00Z")).toBe(false); // 7:30 EST
    expect(open(OCM, "2025-03-07T13:30:00Z")).toBe(true); // 8:30 EST
    expect(open(OCM, "2025-03-10T12:29:00Z")).toBe(false); // 8:29 EDT
    expect(open(OCM, "2025-03-10T12:30:00Z")).toBe(true); // 8:30 EDT
    expect(open(OCM, "2025-10-31T12:30:00Z")).toBe(true); // 8:30 EDT
    expect(open(OCM, "2025-11-03T12:30:00Z")).toBe(false); // 7:30 EST
    expect(open(OCM, "2025-11-03T13:30:00Z")).toBe(true); // 8:30 EST
  });

  it("lets an exception date override the weekly rules, by local date", () => {
    expect(open(OCM, "2025-12-25T15:00:00Z")).toBe(false); // Thursday 10 a.m., closed for the day
    expect(open(OCM, "2025-12-24T16:30:00Z")).toBe(true); // 11:30 a.m., inside the short day
    expect(open(OCM, "2025-12-24T17:30:00Z")).toBe(false); // 12:30 p.m., a weekday the weekly rule would open
    expect(open(OCM, "2025-12-23T17:30:00Z")).toBe(true); // the day before, weekly rules again
    const saturday: Hours = {
      ...OCM,
      exceptions: [{ date: "2025-12-27", closed: false, opens: "10:00", closes: "24:00", note: null }],
    };
    expect(open(saturday, "2025-12-28T01:00:00Z")).toBe(true); // Saturday 8 p.m. local, Sunday in UTC
    expect(open(saturday, "2025-12-28T05:00:00Z")).toBe(false); // midnight local: the exception is over
  });

  it("reads the local clock with a 24-hour cycle (midnight is 00, not 24)", () => {
    expect(localTime(new Date("2025-07-17T05:00:00Z"), "America/Chicago")).toEqual({
      date: "2025-07-17",
      weekday: Weekday.THURSDAY,
      minutes: 0,
    });
  });
});

const next = (hours: Hours, at: string, horizonDays?: number) =>
  nextOpening(hours, new Date(at), horizonDays)?.toISOString() ?? null;

describe("nextOpening in the desk's own zone", () => {
  it("answers the instant asked about when the desk is open then", () => {
    const at = new Date("2025-07-16T15:00:00.250Z");
    expect(nextOpening(QUALITYNET, at)).toEqual(at);
  });

  it("skips the weekend: asked on a Saturday, QualityNet opens Monday 7 a.m. Central", () => {
    expect(next(QUALITYNET, "2025-07-19T17:00:00Z")).toBe("2025-07-21T12:00:00.000Z");
    // Thursday 7:30 p.m. in Chicago (already Friday in UTC): Friday 7 a.m.
    expect(next(QUALITYNET, "2025-07-18T00:30:00Z")).toBe("2025-07-18T12:00:00.000Z");
    // Half a minute before opening: the opening minute itself.
    expect(next(QUALITYNET, "2025-07-21T11:59:30Z")).toBe("2025-07-21T12:00:00.000Z");
  });

  it("reads the local weekday, not the UTC one", () => {
    const tokyo: Hours = {
      timeZone: "Asia/Tokyo",
      weekly: [{ days: [Weekday.MONDAY], opens: "08:00", closes: "09:00" }],
      exceptions: [],
    };
    // Sunday 9 p.m. in Tokyo: Monday 8 a.m. there is still Sunday in UTC.
    expect(next(tokyo, "2025-07-20T12:00:00Z")).toBe("2025-07-20T23:00:00.000Z");
  });

  it("passes over a closed-day exception", () => {
    // Wednesday 24 December 1 p.m. Eastern, after the short day; Christmas Day is closed: Friday 8:30 a.m. EST.
    expect(next(OCM, "2025-12-24T18:00:00Z")).toBe("2025-12-26T13:30:00.000Z");
  });

  it("opens at an exception's special hours, on a weekday and on a day the weekly rules close", () => {
    // Christmas Eve opens at 9 a.m., not the weekly 8:30.
    expect(next(OCM, "2025-12-24T05:00:00Z")).toBe("2025-12-24T14:00:00.000Z");
    const saturday: Hours = {
      ...OCM,
      exceptions: [{ date: "2025-12-27", closed: false, opens: "10:00", closes: "14:00", note: null }],
    };
    // Friday 6:30 p.m.: the special Saturday opening comes before Monday's.
    expect(next(saturday, "2025-12-26T23:30:00Z")).toBe("2025-12-27T15:00:00.000Z");
    // Saturday 3 p.m., after the special hours: Monday.
    expect(next(saturday, "2025-12-27T20:00:00Z")).toBe("2025-12-29T13:30:00.000Z");
  });

  it("follows daylight saving across the week it changes, both ways", () => {
    // Asked Saturday 8 March (CST): Monday 10 March 7 a.m. is CDT, 12:00Z, not 13:00Z.
    expect(next(QUALITYNET, "2025-03-08T18:00:00Z")).toBe("2025-03-10T12:00:00.000Z");
    // Asked Saturday 1 November (CDT): Monday 3 November 7 a.m. is CST, 13:00Z.
    expect(next(QUALITYNET, "2025-11-01T18:00:00Z")).toBe("2025-11-03T13:00:00.000Z");
    expect(next(OCM, "2025-11-01T18:00:00Z")).toBe("2025-11-03T13:30:00.000Z");
  });

  it("opens when the clock jumps over an opening time, and never for hours inside the gap", () => {
    // Chicago, Sunday 9 March 2025: 2:00 CST became 3:00 CDT at 08:00Z.
    const sunday = (opens: string, closes: string): Hours => ({
      timeZone: "America/Chicago",
      weekly: [{ days: [Weekday.SUNDAY], opens, closes }],
      exceptions: [],
    });
    expect(next(sunday("02:30", "04:00"), "2025-03-09T07:00:00Z")).toBe("2025-03-09T08:00:00.000Z");
    // 2:00 to 2:45 does not exist that day: the next Sunday, 2:00 CDT.
    expect(next(sunday("02:00", "02:45"), "2025-03-09T07:00:00Z")).toBe("2025-03-16T07:00:00.000Z");
  });

  it("meets an opening time twice in a repeated hour, and reopens when the clock is set back into open hours", () => {
    // Chicago, Sunday 2 November 2025: 2:00 CDT became 1:00 CST at 07:00Z, so 1:00 to 2:00 came twice.
    const sunday = (opens: string, closes: string): Hours => ({
      timeZone: "America/Chicago",
      weekly: [{ days: [Weekday.SUNDAY], opens, closes }],
      exceptions: [],
    });
    expect(next(sunday("01:30", "01:45"), "2025-11-02T06:00:00Z")).toBe("2025-11-02T06:30:00.000Z"); // 1:30 CDT
    expect(next(sunday("01:30", "01:45"), "2025-11-02T06:50:00Z")).toBe("2025-11-02T07:30:00.000Z"); // 1:30 CST
    // Closed at 1:40 CDT; at 07:00Z the clock reads 1:00 again, inside 0:30 to 1:30.
    expect(next(sunday("00:30", "01:30"), "2025-11-02T06:40:00Z")).toBe("2025-11-02T07:00:00.000Z");
  });

  it("looks no further than the horizon", () => {
    expect(next(OCM, "2025-07-19T16:00:00Z", 1)).toBeNull(); // Saturday, opens Monday
    expect(next(OCM, "2025-07-19T16:00:00Z", 2)).toBe("2025-07-21T12:30:00.000Z");
    expect(next(OCM, "2025-07-19T16:00:00Z", 0)).toBeNull();
    expect(next({ ...OCM, weekly: [] }, "2025-07-19T16:00:00Z")).toBeNull();
    const closedFortnight: Hours = {
      ...QUALITYNET,
      exceptions: Array.from({ length: 14 }, (_, i) => ({
        date: `2025-08-${String(i + 1).padStart(2, "0")}`,
        closed: true,
        opens: null,
        closes: null,
        note: null,
      })),
    };
    // Closed 1 to 14 August: asked on the 1st, the 15th is past 14 days' horizon, and within 15.
    expect(next(closedFortnight, "2025-08-01T05:00:00Z")).toBeNull();
    expect(next(closedFortnight, "2025-08-01T05:00:00Z", 15)).toBe("2025-08-15T12:00:00.000Z");
    expect(() => nextOpening(OCM, new Date(), -1)).toThrow(RangeError);
  });

  it("agrees with a minute-by-minute search around both daylight-saving changes", () => {
    const tricky: Hours = {
      timeZone: "America/Chicago",
      weekly: [
        { days: [Weekday.SATURDAY, Weekday.SUNDAY], opens: "00:30", closes: "01:30" },
        { days: [Weekday.SUNDAY], opens: "02:30", closes: "03:00" },
        { days: WEEKDAYS, opens: "07:00", closes: "19:00" },
      ],
      exceptions: [],
    };
    const minuteByMinute = (at: Date, horizonDays: number): Date | null => {
      if (isOpenAt(tricky, at)) return at;
      const end = at.getTime() + horizonDays * 86_400_000;
      for (let t = Math.ceil(at.getTime() / 60_000) * 60_000; t <= end; t += 60_000) {
        if (isOpenAt(tricky, new Date(t))) return new Date(t);
      }
      return null;
    };
    for (const start of ["2025-03-08T00:00:00Z", "2025-11-01T00:00:00Z"]) {
      for (let step = 0; step < 80; step++) {
        const at = new Date(Date.parse(start) + step * (47 * 60_000 + 13_000));
        expect(nextOpening(tricky, at, 2), at.toISOString()).toEqual(minuteByMinute(at, 2));
      }
    }
  });
});

describe("hours validation", () => {
  it("takes IANA Area/Location zones in canonical form, and refuses abbreviations and names", () => {
    expect(canonicalTimeZone("America/New_York")).toBe("America/New_York");
    expect(canonicalTimeZone("US/Eastern")).toBe("America/New_York");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    for (const bad of ["EST", "CST", "Eastern Standard Time", "Mars/Olympus_Mons", "+05:00", ""]) {
      expect(canonicalTimeZone(bad), bad).toBeNull();
    }
  });

  it("normalises good hours: days in week order, exceptions by date", () => {
    const result = normaliseHours({
      timeZone: "US/Central",
      weekly: [{ days: [Weekday.FRIDAY, Weekday.MONDAY], opens: "07:00", closes: "24:00" }],
      exceptions: [{ date: "2025-12-31", opens: "07:00", closes: "12:00" }, { date: "2025-12-25" }],
    });
    expect(result.errors).toEqual([]);
    expect(result.value).toEqual({
      timeZone: "America/Chicago",
      weekly: [{ days: [Weekday.MONDAY, Weekday.FRIDAY], opens: "07:00", closes: "24:00" }],
      exceptions: [
        { date: "2025-12-25", closed: true, opens: null, closes: null, note: null },
        { date: "2025-12-31", closed: false, opens: "07:00", closes: "12:00", note: null },
      ],
    });
  });

  it("refuses each broken rule with its own path and code", () => {
    const result = normaliseHours({
      timeZone: "EST",
      weekly: [
        { days: [Weekday.MONDAY], opens: "19:00", closes: "07:00" },
        { days: [], opens: "7:00", closes: "19:00" },
        { days: [Weekday.TUESDAY], opens: "09:00", closes: "09:00" },
      ],
      exceptions: [
        { date: "2025-02-30" },
        { date: "2025-12-25", closed: true, opens: "09:00", closes: "10:00" },
        { date: "2025-12-25", closed: false },
      ],
    });
    expect(result.value).toBeUndefined();
    expect(result.errors.map((error) => [error.field.join("."), error.code])).toEqual([
      ["input.hours.timeZone", "INVALID_TIME_ZONE"],
      ["input.hours.weekly.0.closes", "CLOSES_BEFORE_OPENS"],
      ["input.hours.weekly.1.days", "REQUIRED"],
      ["input.hours.weekly.1.opens", "INVALID_TIME"],
      ["input.hours.weekly.2.closes", "CLOSES_BEFORE_OPENS"],
      ["input.hours.exceptions.0.date", "INVALID_DATE"],
      ["input.hours.exceptions.1", "CLOSED_WITH_HOURS"],
      ["input.hours.exceptions.2.date", "DUPLICATE_DATE"],
      ["input.hours.exceptions.2", "REQUIRED"],
    ]);
  });
});
