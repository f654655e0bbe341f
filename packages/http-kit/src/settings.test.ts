import { describe, expect, it } from "vitest";
import { readFlag, readPort, readSetting, readWholeNumber } from "./settings.js";

describe("settings from the environment", () => {
  it("take an empty or blank variable as unset", () => {
    expect(readSetting({ A: "  " }, "A")).toBeUndefined();
    expect(readSetting({ A: " x " }, "A")).toBe("x");
    expect(readWholeNumber({ N: "" }, "N", 7, 1, 10)).toBe(7);
    expect(readFlag({}, "F")).toBeUndefined();
  });

  it("read whole numbers within their range, and refuse anything else naming the variable, the rule and the value", () => {
    expect(readWholeNumber({ N: "10" }, "N", 7, 1, 10)).toBe(10);
    for (const raw of ["11", "0", "1.5", "-1", "1e3", "ten"]) {
      expect(() => readWholeNumber({ N: raw }, "N", 7, 1, 10)).toThrow(
        `N must be a whole number from 1 to 10 (got "${raw}")`,
      );
    }
    expect(readPort({ PORT: "0" }, "PORT", 4000)).toBe(0);
    expect(() => readPort({ PORT: "65536" }, "PORT", 4000)).toThrow("PORT must be a whole number from 0 to 65535");
  });

  it('read flags as "true" or "false" only', () => {
    expect(readFlag({ F: "true" }, "F")).toBe(true);
    expect(readFlag({ F: "false" }, "F")).toBe(false);
    expect(() => readFlag({ F: "yes" }, "F")).toThrow('F must be "true" or "false" (got "yes")');
  });
});
