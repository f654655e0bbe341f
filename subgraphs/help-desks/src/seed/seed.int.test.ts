import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { normaliseEmail } from "../contact/contact-point.js";
import { subgraph } from "../server.js";
import { HELP_DESKS } from "./help-desks.js";
import { seedHelpDesks } from "./seed.js";

const kinds = await testDatabaseKinds();

// The catalog's application ids (a decision of the lead; never imported from the catalog's code).
const CATALOG_IDS = [
  "aps", "bigapps", "dmepos-cbp-suppliers", "desy", "cisco-webex", "cnc", "cpms", "enterprise-cognos-reports",
  "dmepos-bidding-system", "hats", "hdt", "mdm", "midas", "enterprise-microstrategy-reports", "ocm", "onepi",
  "pecos-ai", "pecos-dm", "pris", "pv", "qarm", "shim", "vms-client-letter",
]; // prettier-ignore

interface Desk {
  id: string;
  name: string;
  notes: string[];
  contactPoints: { kind: string; value: string; display: string; menuSteps: string[]; purpose: string | null }[];
  hours: { timeZone: string; weekly: { days: string[]; opens: string; closes: string }[] } | null;
  dataQuality: { field: string; code: string; original: string | null }[];
}
type Entities = {
  _entities: { id: string; helpDesks: { purpose: string | null; primary: boolean; helpDesk: Desk }[] }[];
};

const ALL_APPLICATIONS = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Application {
      id
      helpDesks {
        purpose
        primary
        helpDesk {
          id name notes
          contactPoints { kind value display menuSteps purpose }
          hours { timeZone weekly { days opens closes } }
          dataQuality { field code original }
        }
      }
    }
  }
}`;

describe.each(kinds)("help-desk seed on %s", (kind) => {
  let helpDesks: TestSubgraph;
  let byApp: Map<string, Entities["_entities"][number]["helpDesks"]>;
  const deskOf = (applicationId: string) => byApp.get(applicationId)![0]!.helpDesk;

  beforeAll(async () => {
    helpDesks = await openTestSubgraph(subgraph, kind);
    const representations = CATALOG_IDS.map((id) => ({ __typename: "Application", id }));
    const { data, errors } = await helpDesks.execute<Entities>(ALL_APPLICATIONS, { representations });
    expect(errors).toBeUndefined();
    byApp = new Map(data!._entities.map((app) => [app.id, app.helpDesks]));
  });
  afterAll(async () => {
    await helpDesks?.close();
  });

  it("shares one desk among the applications the page sends to it", () => {
    const shared = (ids: string[]) => new Set(ids.map((id) => byApp.get(id)![0]!.helpDesk.id));
    expect(shared(["aps", "enterprise-cognos-reports", "enterprise-microstrategy-reports", "pecos-ai", "pecos-dm"]))
      .toEqual(new Set(["cms-it-service-desk"])); // prettier-ignore
    expect(shared(["cpms", "midas"])).toEqual(new Set(["marketplace-service-desk"]));
    expect(shared(["dmepos-cbp-suppliers", "dmepos-bidding-system"])).toEqual(
      new Set(["cbic-customer-service-center"]),
    );
  });

  it("gives PECOS two desks, each for its purpose, the IT Service Desk first", () => {
    for (const pecos of ["pecos-ai", "pecos-dm"]) {
      expect(byApp.get(pecos)!.map((a) => [a.helpDesk.id, a.primary, a.purpose])).toEqual([
        ["cms-it-service-desk", true, "Login issues, application latency and system outages"],
        [
          "eus-portal",
          false,
          "Errors within PECOS AI or PECOS Data Mart, and questions on data within the applications",
        ],
      ]);
    }
    expect(deskOf("pecos-ai").contactPoints).toEqual([
      expect.objectContaining({ kind: "PHONE", value: "+14107862580" }),
      expect.objectContaining({ kind: "PHONE", value: "+18005621963" }),
      expect.objectContaining({ kind: "EMAIL", value: "cms_it_service_desk@cms.hhs.gov" }),
    ]);
    expect(byApp.get("pecos-ai")![1]!.helpDesk.contactPoints[0]).toMatchObject({
      kind: "WEB",
      value: "https://eus.custhelp.com/",
    });
  });

  it("answers an empty list for the applications the page gives no desk", () => {
    const without = CATALOG_IDS.filter((id) => byApp.get(id)!.length === 0);
    expect(without).toEqual(["bigapps", "cnc", "onepi", "pris"]);
    const primaries = CATALOG_IDS.map((id) => byApp.get(id)!.filter((a) => a.primary).length);
    expect(primaries.every((count, i) => count === (without.includes(CATALOG_IDS[i]!) ? 0 : 1))).toBe(true);
  });

  it("keeps QualityNet's Central hours, TTY and fax, and OCM's Eastern hours and PII note", () => {
    const qualityNet = deskOf("qarm");
    const weekdays = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"];
    expect(qualityNet.hours).toEqual({
      timeZone: "America/Chicago",
      weekly: [{ days: weekdays, opens: "07:00", closes: "19:00" }],
    });
    expect(qualityNet.contactPoints.map((cp) => [cp.kind, cp.value])).toEqual([
      ["PHONE", "+18662888912"],
      ["TTY", "+18777156222"],
      ["FAX", "+18883297377"],
      ["EMAIL", "qnetsupport-esrd@hcqis.org"],
    ]);
    const ocm = deskOf("ocm");
    expect(ocm.hours).toEqual({
      timeZone: "America/New_York",
      weekly: [{ days: weekdays, opens: "08:30", closes: "18:00" }],
    });
    expect(ocm.notes.join(" ")).toMatch(/PII\/PHI.*do not email/);
    expect(ocm.contactPoints[1]).toMatchObject({
      value: "+18447112664",
      display: "1-844-711-CMMI",
      menuSteps: ["press Option 2"],
    });
  });

  it("stores phones in E.164 with the published form kept", () => {
    expect(deskOf("cpms").contactPoints[0]).toMatchObject({ value: "+18552671515", display: "1 (855) CMS-1515" });
    expect(deskOf("cisco-webex").contactPoints[0]).toMatchObject({
      value: "+14107863090",
      menuSteps: ["press Option 1"],
    });
    expect(deskOf("vms-client-letter").contactPoints[0]).toMatchObject({
      value: "+14432756946",
      menuSteps: ["Option 2"],
    });
    expect(deskOf("hats").contactPoints).toEqual([expect.objectContaining({ kind: "LOCAL_DESK" })]);
  });

  it("records what the page could not be taken at its word on", () => {
    const issues = (id: string) => deskOf(id).dataQuality.map((issue) => [issue.field, issue.code, issue.original]);
    const doubled = "desy_support@cms.hhs.gov.desy_support@cms.hhs.gov";
    expect(issues("desy")).toEqual([["contactPoints.0.value", "MALFORMED_VALUE", doubled]]);
    expect(normaliseEmail(doubled)).toBeNull(); // the flag is honest: the published text is no address
    expect(deskOf("desy").contactPoints.map((cp) => cp.value)).toEqual(["desy_support@cms.hhs.gov"]);
    expect(issues("mdm")).toEqual([["contactPoints", "NO_CONTACT", null]]);
    expect(deskOf("mdm").contactPoints).toEqual([]);
    expect(issues("ocm")).toContainEqual(["hours.timeZone", "TIME_ZONE_ASSUMED", "Eastern Standard Time"]);
    expect(issues("qarm")).toContainEqual(["hours.timeZone", "TIME_ZONE_ASSUMED", "CST"]);
    expect(issues("aps")).toEqual([["name", "NAME_VARIANT", "CITIC Help Desk"]]);
    expect(issues("hdt")).toEqual([["name", "NAME_ASSUMED", null]]);
  });

  it("assigns desks only to catalog applications, and inserts nothing on a second run", async () => {
    for (const desk of HELP_DESKS) {
      for (const assignment of desk.assignments) expect(CATALOG_IDS).toContain(assignment.applicationId);
    }
    expect(await seedHelpDesks(helpDesks.dataSource)).toBe(0);
  });
});
