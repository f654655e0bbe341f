import { describe, expect, it } from "vitest";
import { canonicalTimeZone, isOpenAt, localTime, normaliseHours, Weekday, type Hours } from "./opening-hours.js";

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
