import { describe, expect, it } from "vitest";
import { ContactKind, normaliseContactPoint, normaliseContactPoints, normaliseEmail } from "./contact-point.js";
import { normalisePhone, vanityToDigits } from "./phone.js";

describe("phone numbers in every form the seed page publishes", () => {
  it.each([
    ["(410) 786-2580", "+14107862580", "(410) 786-2580"],
    ["(800) 562-1963", "+18005621963", "(800) 562-1963"],
    ["1-800-562-1963", "+18005621963", "1-800-562-1963"],
    ["1 (877) 577-5331", "+18775775331", "1 (877) 577-5331"],
    ["1 (855) 267-1515", "+18552671515", "1 (855) 267-1515"],
    ["1 (888)-734-6433", "+18887346433", "1 (888)-734-6433"],
    ["1 (866)-288-8912", "+18662888912", "1 (866)-288-8912"],
    ["1 (877)-715-6222", "+18777156222", "1 (877)-715-6222"],
    ["1 (888)-329-7377", "+18883297377", "1 (888)-329-7377"],
    ["1 (800) 706-7893", "+18007067893", "1 (800) 706-7893"],
    ["1-844-711-2664", "+18447112664", "1-844-711-2664"],
  ])("reads %s as %s", (published, value, display) => {
    expect(normalisePhone(published)).toEqual({ value, display, extension: null, menuSteps: [] });
  });

  it("converts vanity letters to the digits they dial, and shows the lettered form", () => {
    expect(vanityToDigits("1 (855) CMS-1515")).toBe("1 (855) 267-1515");
    expect(normalisePhone("1 (855) CMS-1515")).toMatchObject({ value: "+18552671515", display: "1 (855) CMS-1515" });
    expect(normalisePhone("1-844-711-cmmi")).toMatchObject({ value: "+18447112664" });
  });

  it("takes the same number published twice as one number", () => {
    expect(normalisePhone("1 (855) CMS-1515 or 1 (855) 267-1515")).toEqual({
      value: "+18552671515",
      display: "1 (855) CMS-1515",
      extension: null,
      menuSteps: [],
    });
    expect(normalisePhone("1-844-711-2664 (1-844-711-CMMI)")).toMatchObject({
      value: "+18447112664",
      display: "1-844-711-CMMI",
    });
  });

  it("keeps menu options as steps, apart from the number", () => {
    expect(normalisePhone("1 (410) 786-3090, press Option 1")).toEqual({
      value: "+14107863090",
      display: "1 (410) 786-3090",
      extension: null,
      menuSteps: ["press Option 1"],
    });
    expect(normalisePhone("(443) 275-6946 Option 2")).toMatchObject({ value: "+14432756946", menuSteps: ["Option 2"] });
    expect(normalisePhone("1-844-711-2664 (1-844-711-CMMI), press Option 2, then Option 1")).toMatchObject({
      value: "+18447112664",
      menuSteps: ["press Option 2", "Option 1"],
    });
  });

  it("reads extensions and international numbers", () => {
    expect(normalisePhone("(410) 786-2580 ext. 123")).toMatchObject({ value: "+14107862580", extension: "123" });
    expect(normalisePhone("(410) 786-2580 x45")).toMatchObject({ extension: "45" });
    expect(normalisePhone("+44 20 7946 0958")).toMatchObject({ value: "+442079460958" });
  });

  it.each([
    ["", "is empty"],
    ["hello", "not a valid phone number"],
    ["555-1234", "not a valid phone number"],
    ["+1 (555) 123-4567", "not a valid phone number"],
    ["(410) 786-258", "not a valid phone number"],
    ["1 (410) 786-2580; DROP TABLE", "characters a phone number cannot have"],
    ["1 (410) 786-2580 DROP TABLE", "not a valid phone number"],
    ["(410) 786-2580 or (800) 562-1963", "different numbers"],
    ["call <script>", "characters a phone number cannot have"],
  ])("refuses %j", (published, message) => {
    const result = normalisePhone(published);
    expect(result).toMatchObject({ code: "INVALID_PHONE" });
    expect((result as { message: string }).message).toContain(message);
  });
});

describe("contact points", () => {
  it("normalises TTY and fax numbers like phones", () => {
    const tty = normaliseContactPoint({ kind: ContactKind.TTY, value: "1 (877)-715-6222" }, "contactPoints.1");
    expect(tty.value).toMatchObject({ kind: "TTY", value: "+18777156222", display: "1 (877)-715-6222" });
    const fax = normaliseContactPoint({ kind: ContactKind.FAX, value: "1 (888)-329-7377" }, "contactPoints.2");
    expect(fax.value?.value).toBe("+18883297377");
  });

  it("validates email, keeping the published form for display", () => {
    const email = normaliseContactPoint({ kind: ContactKind.EMAIL, value: " CMS_IT_SERVICE_DESK@cms.hhs.gov " }, "c.0");
    expect(email.value).toMatchObject({
      value: "cms_it_service_desk@cms.hhs.gov",
      display: "CMS_IT_SERVICE_DESK@cms.hhs.gov",
    });
    for (const bad of [
      "desy_support@cms.hhs.gov.desy_support@cms.hhs.gov",
      "no-at-sign",
      "a@b",
      "a..b@cms.gov",
      "@cms.gov",
    ]) {
      expect(normaliseEmail(bad), bad).toBeNull();
    }
    const refused = normaliseContactPoint({ kind: ContactKind.EMAIL, value: "a@b" }, "contactPoints.0");
    expect(refused.errors).toEqual([
      { field: ["input", "contactPoints", "0", "value"], code: "INVALID_EMAIL", message: expect.any(String) },
    ]);
  });

  it("takes only absolute https web addresses", () => {
    const web = normaliseContactPoint({ kind: ContactKind.WEB, value: "https://eus.custhelp.com" }, "c.0");
    expect(web.value).toMatchObject({ value: "https://eus.custhelp.com/", display: "https://eus.custhelp.com" });
    for (const bad of [
      "http://eus.custhelp.com",
      "eus.custhelp.com",
      "/help",
      "javascript:alert(1)",
      "https://u:p@x.org",
    ]) {
      expect(normaliseContactPoint({ kind: ContactKind.WEB, value: bad }, "c.0").errors[0]?.code, bad).toBe(
        "INVALID_URL",
      );
    }
  });

  it("carries the local-desk instruction as text", () => {
    const local = normaliseContactPoint(
      { kind: ContactKind.LOCAL_DESK, value: "Contact your local help desk.", purpose: "Escalation" },
      "c.0",
    );
    expect(local.value).toMatchObject({ value: "Contact your local help desk.", purpose: "Escalation", menuSteps: [] });
    expect(normaliseContactPoint({ kind: ContactKind.LOCAL_DESK, value: "  " }, "c.0").errors[0]?.code).toBe(
      "REQUIRED",
    );
  });

  it("refuses extensions and menus on what is not dialled, and bad language tags", () => {
    const result = normaliseContactPoint(
      {
        kind: ContactKind.EMAIL,
        value: "a@cms.gov",
        extension: "1",
        menuSteps: ["Option 1"],
        availableLanguages: ["en-"],
      },
      "contactPoints.0",
    );
    expect(result.errors.map((error) => error.code)).toEqual(["NOT_DIALLED", "NOT_DIALLED", "INVALID_LANGUAGE"]);
    const languages = normaliseContactPoint(
      { kind: ContactKind.PHONE, value: "(410) 786-2580", availableLanguages: ["EN-us", "es"] },
      "c.0",
    );
    expect(languages.value?.availableLanguages).toEqual(["en-US", "es"]);
  });

  it("refuses the same number twice in one list, and reports every bad entry by index", () => {
    const result = normaliseContactPoints([
      { kind: ContactKind.PHONE, value: "1 (855) CMS-1515" },
      { kind: ContactKind.PHONE, value: "1 (855) 267-1515" },
      { kind: ContactKind.EMAIL, value: "nope" },
    ]);
    expect(result.value).toBeUndefined();
    expect(result.errors.map((error) => [error.field.join("."), error.code])).toEqual([
      ["input.contactPoints.1.value", "DUPLICATE_CONTACT_POINT"],
      ["input.contactPoints.2.value", "INVALID_EMAIL"],
    ]);
  });
});
