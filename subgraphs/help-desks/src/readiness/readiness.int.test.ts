import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { ApplicationHelpDesk } from "../application/application-help-desk.entity.js";
import { ADMIN, DOCUMENTS } from "../help-desk/help-desk.test-support.js";
import { subgraph } from "../server.js";

const kinds = await testDatabaseKinds();

// Monday 21 July 2025, 11:00Z: 6 a.m. in Chicago and 7 a.m. in New York (both closed), noon in London, 1 p.m. in Paris.
const AT = "2025-07-21T11:00:00.000Z";
const MONDAY_TO_FRIDAY = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"];

// The applications made for the choice rule: their desks in assignment order (the first is primary).
const SCENARIOS: Record<string, string[]> = {
  // QualityNet is closed (opens 12:00Z); the SHIM desk (London) and the PV desk (Paris) are open: SHIM, the first.
  "readiness-first-open": ["qualitynet-help-desk", "shim-help-desk", "pv-help-desk"],
  // None open: HATS has no hours, OCM opens 12:30Z, QualityNet 12:00Z: QualityNet, the soonest.
  "readiness-soonest": ["hats-help-desk", "ocm-help-desk", "qualitynet-help-desk"],
  // OCM and the MDM desk (given OCM's hours) both open at 12:30Z: OCM, assigned first.
  "readiness-tie": ["ocm-help-desk", "mdm-help-desk"],
};

const READINESS = `query ($representations: [_Any!]!, $at: DateTime) {
  _entities(representations: $representations) {
    ... on Readiness {
      applicationId
      help(at: $at) {
        helpDesk { id }
        contactPoint { kind value display }
        openNow
        opensAt
      }
    }
  }
}`;
// What the desks themselves say, through the Application entity.
const DESKS_OF = `query ($representations: [_Any!]!, $at: DateTime) {
  _entities(representations: $representations) {
    ... on Application { id helpDesks { helpDesk { id openNow(at: $at) contactPoints { kind value } } } }
  }
}`;

type Help = {
  helpDesk: { id: string };
  contactPoint: { kind: string; value: string; display: string } | null;
  openNow: boolean;
  opensAt: string | null;
};
type Readiness = { applicationId: string; help: Help | null };
type DeskAnswers = { id: string; helpDesks: { helpDesk: { id: string; openNow: boolean | null } }[] };

const readinessOf = (ids: string[]) => ids.map((applicationId) => ({ __typename: "Readiness", applicationId }));

describe.each(kinds)("Readiness.help on %s", (kind) => {
  let helpDesks: TestSubgraph;
  const readiness = async (ids: string[], at: string | null = AT) => {
    const result = await helpDesks.execute<{ _entities: Readiness[] }>(READINESS, {
      representations: readinessOf(ids),
      at,
    });
    expect(result.errors).toBeUndefined();
    // In-process results hold Date objects; JSON is what the gateway receives.
    const entities = JSON.parse(JSON.stringify(result.data!._entities)) as Readiness[];
    return { entities, sqlStatements: result.sqlStatements };
  };
  const help = async (id: string, at = AT) => (await readiness([id], at)).entities[0]!.help;
  const openNow = async (deskId: string, at: string) => {
    const { data } = await helpDesks.execute<{ helpDesk: { openNow: boolean | null } }>(
      `query ($at: DateTime) { helpDesk(id: "${deskId}") { openNow(at: $at) } }`,
      { at },
    );
    return data!.helpDesk.openNow;
  };
  const setHours = async (helpDeskId: string, timeZone: string, opens: string, closes: string) => {
    const hours = { timeZone, weekly: [{ days: MONDAY_TO_FRIDAY, opens, closes }] };
    const { data } = await helpDesks.execute<{ setHelpDeskHours: { userErrors: unknown[] } }>(
      DOCUMENTS.setHelpDeskHours,
      { input: { helpDeskId, hours } },
      { viewer: ADMIN },
    );
    expect(data!.setHelpDeskHours.userErrors).toEqual([]);
  };

  beforeAll(async () => {
    helpDesks = await openTestSubgraph(subgraph, kind);
    await setHours("shim-help-desk", "Europe/London", "09:00", "17:00");
    await setHours("pv-help-desk", "Europe/Paris", "08:00", "18:00");
    await setHours("mdm-help-desk", "America/New_York", "08:30", "18:00");
    const start = Date.parse("2025-01-01T00:00:00Z");
    await helpDesks.dataSource.getRepository(ApplicationHelpDesk).insert(
      Object.entries(SCENARIOS).flatMap(([applicationId, deskIds]) =>
        deskIds.map((helpDeskId, i) => ({
          applicationId,
          helpDeskId,
          purpose: null,
          primary: i === 0,
          assignedAt: new Date(start + i * 60_000),
        })),
      ),
    );
  });
  afterAll(async () => {
    await helpDesks?.close();
  });

  it("picks the first desk open now, as the desks' own openNow answers", async () => {
    const { data } = await helpDesks.execute<{ _entities: DeskAnswers[] }>(DESKS_OF, {
      representations: Object.keys(SCENARIOS).map((id) => ({ __typename: "Application", id })),
      at: AT,
    });
    const answers = Object.fromEntries(
      data!._entities.map((app) => [app.id, app.helpDesks.map((a) => [a.helpDesk.id, a.helpDesk.openNow])]),
    );
    expect(answers).toEqual({
      "readiness-first-open": [
        ["qualitynet-help-desk", false],
        ["shim-help-desk", true],
        ["pv-help-desk", true],
      ],
      "readiness-soonest": [
        ["hats-help-desk", null],
        ["ocm-help-desk", false],
        ["qualitynet-help-desk", false],
      ],
      "readiness-tie": [
        ["ocm-help-desk", false],
        ["mdm-help-desk", false],
      ],
    });
    expect(await help("readiness-first-open")).toEqual({
      helpDesk: { id: "shim-help-desk" },
      contactPoint: { kind: "PHONE", value: "+18007067893", display: "1 (800) 706-7893" },
      openNow: true,
      opensAt: null,
    });
  });

  it("when none is open, picks the one opening soonest, the first assigned on a tie", async () => {
    const soonest = await help("readiness-soonest");
    expect(soonest).toMatchObject({
      helpDesk: { id: "qualitynet-help-desk" },
      contactPoint: { kind: "PHONE", value: "+18662888912" },
      openNow: false,
      opensAt: "2025-07-21T12:00:00.000Z",
    });
    // The desk's own answers agree: open at opensAt, closed the minute before.
    expect(await openNow("qualitynet-help-desk", soonest!.opensAt!)).toBe(true);
    expect(await openNow("qualitynet-help-desk", "2025-07-21T11:59:00.000Z")).toBe(false);

    const tie = await help("readiness-tie");
    expect(tie).toMatchObject({
      helpDesk: { id: "ocm-help-desk" },
      openNow: false,
      opensAt: "2025-07-21T12:30:00.000Z",
    });
    // OCM's first phone-like point is its phone, though it lists its email first.
    expect(tie!.contactPoint).toMatchObject({ kind: "PHONE", value: "+18447112664" });
    expect(await openNow("mdm-help-desk", tie!.opensAt!)).toBe(true);
  });

  it("looks past the weekend and at the desk's own zone", async () => {
    // Saturday 26 July, noon in Chicago: QualityNet opens Monday 7 a.m. CDT.
    expect(await help("qarm", "2025-07-26T17:00:00.000Z")).toMatchObject({
      helpDesk: { id: "qualitynet-help-desk" },
      openNow: false,
      opensAt: "2025-07-28T12:00:00.000Z",
    });
    expect(await help("qarm", "2025-07-28T12:00:00.000Z")).toMatchObject({ openNow: true, opensAt: null });
  });

  it("falls back to the primary desk, closed with no opening time, when no desk has known hours", async () => {
    expect(await help("pecos-ai")).toEqual({
      helpDesk: { id: "cms-it-service-desk" },
      contactPoint: { kind: "PHONE", value: "+14107862580", display: "(410) 786-2580" },
      openNow: false,
      opensAt: null,
    });
  });

  it("offers a phone, else email or web, and no contact point for an instruction or an empty list", async () => {
    const { entities } = await readiness(["desy", "hats", "mdm", "pecos-dm"]);
    expect(entities.map((entity) => [entity.applicationId, entity.help?.contactPoint?.kind ?? null])).toEqual([
      ["desy", "EMAIL"],
      ["hats", null], // its only point is LOCAL_DESK
      ["mdm", null], // no contact points at all
      ["pecos-dm", "PHONE"],
    ]);
  });

  it("answers null help for an application with no desk and for an unknown id, and judges by now by default", async () => {
    const { entities } = await readiness(["bigapps", "no-such-application", "pecos-ai"], null);
    expect(entities.map((entity) => [entity.applicationId, entity.help?.helpDesk.id ?? null])).toEqual([
      ["bigapps", null],
      ["no-such-application", null],
      ["pecos-ai", "cms-it-service-desk"],
    ]);
    // No desk of PECOS AI has hours, so "now" cannot change the answer.
    expect(entities[2]!.help).toMatchObject({ openNow: false, opensAt: null });
  });

  it("costs the same statements for 3 applications as for 20: assignments with their desks, then contact points", async () => {
    const ids = [
      "aps", "bigapps", "dmepos-cbp-suppliers", "desy", "cisco-webex", "cnc", "cpms", "enterprise-cognos-reports",
      "hdt", "mdm", "midas", "ocm", "onepi", "pecos-ai", "pv", "qarm", "shim", "no-such-application",
      ...Object.keys(SCENARIOS).slice(0, 2),
    ]; // prettier-ignore
    expect(ids).toHaveLength(20);
    const few = await readiness(ids.slice(0, 3));
    const many = await readiness(ids);
    expect(many.entities.filter((entity) => entity.help !== null)).toHaveLength(16);
    expect(few.sqlStatements).toBe(2);
    expect(many.sqlStatements).toBe(few.sqlStatements);
    // Resolving the references alone costs nothing.
    const bare = await helpDesks.execute(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Readiness { applicationId } } }`,
      { representations: readinessOf(ids) },
    );
    expect(bare.sqlStatements).toBe(0);
  });
});
