import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { subgraph } from "../server.js";
import { HelpDeskChange } from "./help-desk-change.entity.js";
import { ADMIN, changeCount, DOCUMENTS, PLAIN, snapshot, VALID_INPUTS } from "./help-desk.test-support.js";

const kinds = await testDatabaseKinds();

type Issue = { field: string; code: string; original: string | null };
type Desk = {
  id: string;
  name: string;
  description: string | null;
  notes: string[];
  contactPoints: { kind: string; value: string; display: string; menuSteps: string[] }[];
  hours: { timeZone: string } | null;
  dataQuality: Issue[];
};
type Payload = { helpDesk: Desk | null; userErrors: { field: string[]; code: string; message: string }[] };
type Name = keyof typeof DOCUMENTS;

describe.each(kinds)("help-desk writes on %s", (kind) => {
  let helpDesks: TestSubgraph;
  const write = async (name: Name, input: Record<string, unknown>, viewer = ADMIN) => {
    const result = await helpDesks.execute<Record<string, Payload>>(DOCUMENTS[name], { input }, { viewer });
    return { ...result, payload: result.data?.[name] };
  };
  /** Runs a write that must be refused with these codes, and checks that nothing at all was written. */
  const refused = async (name: Name, input: Record<string, unknown>, codes: [string, string][]) => {
    const before = await snapshot(helpDesks);
    const { payload, errors } = await write(name, input);
    expect(errors).toBeUndefined();
    expect(payload!.userErrors.map((error) => [error.field.join("."), error.code])).toEqual(codes);
    expect(payload!.helpDesk).toBeNull();
    expect(await snapshot(helpDesks)).toEqual(before);
  };

  beforeAll(async () => {
    helpDesks = await openTestSubgraph(subgraph, kind);
  });
  afterAll(async () => {
    await helpDesks?.close();
  });

  it.each(Object.keys(DOCUMENTS) as Name[])(
    "%s: UNAUTHENTICATED when anonymous, FORBIDDEN without HELPDESK_ADMIN",
    async (name) => {
      const before = await snapshot(helpDesks);
      for (const [viewer, code] of [
        [null, "UNAUTHENTICATED"],
        [PLAIN, "FORBIDDEN"],
      ] as const) {
        const { data, errors } = await write(name, VALID_INPUTS[name], viewer as never);
        expect(data).toBeNull();
        expect(errors![0]!.extensions!.code).toBe(code);
      }
      expect(await snapshot(helpDesks)).toEqual(before);
    },
  );

  it("creates a desk, normalised like the seed, and logs who, what and when", async () => {
    const { payload } = await write("createHelpDesk", {
      name: "Test Desk",
      notes: ["Do not email personal health information."],
      contactPoints: [
        { kind: "PHONE", value: "1 (855) CMS-1515, press Option 3", availableLanguages: ["en", "es"] },
        { kind: "WEB", value: "https://help.example.gov/desk" },
      ],
      hours: { timeZone: "US/Central", weekly: [{ days: ["MONDAY", "TUESDAY"], opens: "08:00", closes: "17:00" }] },
    });
    expect(payload!.userErrors).toEqual([]);
    expect(payload!.helpDesk).toMatchObject({
      id: "test-desk",
      hours: { timeZone: "America/Chicago" },
      dataQuality: [],
    });
    expect(payload!.helpDesk!.contactPoints[0]).toMatchObject({
      value: "+18552671515",
      display: "1 (855) CMS-1515",
      menuSteps: ["press Option 3"],
    });
    const [change] = await helpDesks.dataSource
      .getRepository(HelpDeskChange)
      .find({ where: { targetId: "test-desk" } });
    expect(change).toMatchObject({
      actor: "dana",
      action: "createHelpDesk",
      requestId: expect.stringMatching(/^test-/),
    });
    expect(Date.now() - change!.at.getTime()).toBeLessThan(60 * 60 * 1000);
    expect(JSON.stringify(change!.summary)).not.toMatch(/1515|example\.gov|personal/);
  });

  it("refuses bad input with a code per field, writing nothing", async () => {
    await refused(
      "createHelpDesk",
      {
        name: "  ",
        contactPoints: [
          { kind: "PHONE", value: "555-1234" },
          { kind: "EMAIL", value: "desy_support@cms.hhs.gov.desy_support@cms.hhs.gov" },
          { kind: "WEB", value: "http://help.example.gov" },
          { kind: "WEB", value: "/relative/help" },
        ],
        hours: { timeZone: "Eastern Standard Time", weekly: [{ days: ["MONDAY"], opens: "19:00", closes: "07:00" }] },
      },
      [
        ["input.name", "REQUIRED"],
        ["input.contactPoints.0.value", "INVALID_PHONE"],
        ["input.contactPoints.1.value", "INVALID_EMAIL"],
        ["input.contactPoints.2.value", "INVALID_URL"],
        ["input.contactPoints.3.value", "INVALID_URL"],
        ["input.hours.timeZone", "INVALID_TIME_ZONE"],
        ["input.hours.weekly.0.closes", "CLOSES_BEFORE_OPENS"],
      ],
    );
    await refused("createHelpDesk", { id: "eus-portal", name: "Another EUS" }, [["input.id", "HELP_DESK_EXISTS"]]);
    await refused("updateHelpDesk", { id: "no-such-desk", name: "X" }, [["input.id", "HELP_DESK_NOT_FOUND"]]);
    await refused("updateHelpDesk", { id: "eus-portal", name: "" }, [["input.name", "REQUIRED"]]);
    await refused("replaceContactPoints", { helpDeskId: "no-such-desk", contactPoints: [] }, [
      ["input.helpDeskId", "HELP_DESK_NOT_FOUND"],
    ]);
    await refused("setHelpDeskHours", { helpDeskId: "ocm-help-desk", hours: { timeZone: "EST", weekly: [] } }, [
      ["input.hours.timeZone", "INVALID_TIME_ZONE"],
    ]);
  });

  it("updates only the fields given; renaming settles the name's data-quality issue", async () => {
    const count = await changeCount(helpDesks);
    const { payload } = await write("updateHelpDesk", {
      id: "cms-it-service-desk",
      name: "CMS IT Service Desk (CITIC)",
    });
    expect(payload!.helpDesk).toMatchObject({ name: "CMS IT Service Desk (CITIC)", dataQuality: [] });
    expect(payload!.helpDesk!.notes).toHaveLength(1);
    const cleared = await write("updateHelpDesk", { id: "cms-it-service-desk", description: null, notes: null });
    expect(cleared.payload!.helpDesk).toMatchObject({
      description: null,
      notes: [],
      name: "CMS IT Service Desk (CITIC)",
    });
    expect(await changeCount(helpDesks)).toBe(count + 2);
  });

  it("replaces contact points: a fixed email settles its issue, an empty list is flagged NO_CONTACT", async () => {
    const desy = await write("replaceContactPoints", {
      helpDeskId: "desy-support-mailbox",
      contactPoints: [{ kind: "EMAIL", value: "desy_support@cms.hhs.gov" }],
    });
    expect(desy.payload!.helpDesk!.dataQuality).toEqual([]);
    const mdm = await write("replaceContactPoints", VALID_INPUTS.replaceContactPoints);
    expect(mdm.payload!.helpDesk).toMatchObject({ dataQuality: [], contactPoints: [{ value: "mdm@cms.hhs.gov" }] });
    const emptied = await write("replaceContactPoints", { helpDeskId: "mdm-help-desk", contactPoints: [] });
    expect(emptied.payload!.helpDesk!.dataQuality.map((issue) => issue.code)).toEqual(["NO_CONTACT"]);
    const search = await helpDesks.execute<{ helpDesks: { nodes: { id: string }[] } }>(
      `{ helpDesks(search: "mdm@cms") { nodes { id } } }`,
    );
    expect(search.data!.helpDesks.nodes).toEqual([]); // search text follows the contact points
  });

  it("sets hours with an exception date, and clears them so openNow answers null", async () => {
    const openAt = `query ($at: DateTime) { helpDesk(id: "ocm-help-desk") { openNow(at: $at) } }`;
    // Wednesday 24 December 2025, 11:00 a.m. EST
    expect((await helpDesks.execute(openAt, { at: "2025-12-24T16:00:00Z" })).data).toEqual({
      helpDesk: { openNow: true },
    });
    const { payload } = await write("setHelpDeskHours", {
      helpDeskId: "ocm-help-desk",
      hours: {
        timeZone: "America/New_York",
        weekly: [{ days: ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"], opens: "08:30", closes: "18:00" }],
        exceptions: [{ date: "2025-12-24", closed: true, note: "Christmas Eve" }],
      },
    });
    expect(payload!.userErrors).toEqual([]);
    expect(payload!.helpDesk!.dataQuality.filter((issue) => issue.field.startsWith("hours"))).toEqual([]);
    expect((await helpDesks.execute(openAt, { at: "2025-12-24T16:00:00Z" })).data).toEqual({
      helpDesk: { openNow: false },
    });
    expect((await helpDesks.execute(openAt, { at: "2025-12-23T16:00:00Z" })).data).toEqual({
      helpDesk: { openNow: true },
    });
    const cleared = await write("setHelpDeskHours", { helpDeskId: "ocm-help-desk", hours: null });
    expect(cleared.payload!.helpDesk!.hours).toBeNull();
    expect((await helpDesks.execute(openAt, { at: "2025-12-23T16:00:00Z" })).data).toEqual({
      helpDesk: { openNow: null },
    });
  });
});
