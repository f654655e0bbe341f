import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./csv.js";

describe("csv", () => {
  it("quotes what needs quoting and leaves the rest", () => {
    expect(csvLine(["a", 1, null, 'say "hi"', "x,y", "two\nlines"])).toBe('a,1,,"say ""hi""","x,y","two\nlines"\r\n');
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("@user")).toBe("'@user");
    expect(csvCell(-1)).toBe("-1");
  });
});
