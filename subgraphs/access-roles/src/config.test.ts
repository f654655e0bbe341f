import { describe, expect, it } from "vitest";
import { loadAccessRolesConfig } from "./config.js";

describe("access-roles configuration", () => {
  it("defaults to a 30-day request TTL and an hourly sweep", () => {
    expect(loadAccessRolesConfig({})).toEqual({ requestTtlDays: 30, sweepIntervalMinutes: 60 });
  });

  it("reads the environment, 0 turning the schedule off", () => {
    const env = { ACCESS_REQUEST_TTL_DAYS: "14", ACCESS_SWEEP_INTERVAL_MINUTES: "0" };
    expect(loadAccessRolesConfig(env)).toEqual({ requestTtlDays: 14, sweepIntervalMinutes: 0 });
  });

  it.each([
    ["ACCESS_REQUEST_TTL_DAYS", "0"],
    ["ACCESS_REQUEST_TTL_DAYS", "2.5"],
    ["ACCESS_SWEEP_INTERVAL_MINUTES", "hourly"],
  ])("refuses %s=%s, naming the variable", (name, value) => {
    expect(() => loadAccessRolesConfig({ [name]: value })).toThrow(new RegExp(`^${name} must be a whole number`));
  });
});
