// Shared by the write tests; kept out of the build (tsconfig.build.json excludes *.test-support.ts).
import { devViewer } from "@portal-graph/auth/dev-issuer";
import type { TestSubgraph } from "@portal-graph/subgraph-kit/testing";

/** A help-desk admin, a plain user, an auditor. */
export const ADMIN = devViewer("dana");
export const PLAIN = devViewer("alice");
export const AUDITOR = devViewer("frank");

const DESK = `helpDesk {
  id name description notes updatedAt
  contactPoints { kind value display extension menuSteps purpose availableLanguages }
  hours { timeZone weekly { days opens closes } exceptions { date closed opens closes note } }
  dataQuality { field code original }
}`;
const ERRORS = "userErrors { field message code }";

/** One document per write, each selecting its whole payload. */
export const DOCUMENTS = {
  createHelpDesk: `mutation ($input: CreateHelpDeskInput!) { createHelpDesk(input: $input) { ${DESK} ${ERRORS} } }`,
  updateHelpDesk: `mutation ($input: UpdateHelpDeskInput!) { updateHelpDesk(input: $input) { ${DESK} ${ERRORS} } }`,
  replaceContactPoints: `mutation ($input: ReplaceContactPointsInput!) { replaceContactPoints(input: $input) { ${DESK} ${ERRORS} } }`,
  setHelpDeskHours: `mutation ($input: SetHelpDeskHoursInput!) { setHelpDeskHours(input: $input) { ${DESK} ${ERRORS} } }`,
  assignHelpDesk: `mutation ($input: AssignHelpDeskInput!) {
    assignHelpDesk(input: $input) { assignment { purpose primary helpDesk { id } application { id } } ${ERRORS} }
  }`,
  unassignHelpDesk: `mutation ($input: UnassignHelpDeskInput!) {
    unassignHelpDesk(input: $input) { application { id } helpDesk { id } ${ERRORS} }
  }`,
} as const;

/** A valid input for each write, against the seed. */
export const VALID_INPUTS: Record<keyof typeof DOCUMENTS, Record<string, unknown>> = {
  createHelpDesk: { name: "Test Desk", contactPoints: [{ kind: "PHONE", value: "(410) 786-2580" }] },
  updateHelpDesk: { id: "pv-help-desk", description: "Changed" },
  replaceContactPoints: { helpDeskId: "mdm-help-desk", contactPoints: [{ kind: "EMAIL", value: "mdm@cms.hhs.gov" }] },
  setHelpDeskHours: {
    helpDeskId: "pv-help-desk",
    hours: { timeZone: "America/New_York", weekly: [{ days: ["MONDAY"], opens: "09:00", closes: "17:00" }] },
  },
  assignHelpDesk: { applicationId: "cnc", helpDeskId: "marketplace-service-desk", purpose: "Issues", primary: true },
  unassignHelpDesk: { applicationId: "desy", helpDeskId: "desy-support-mailbox" },
};

const TABLES = ["help_desk", "help_desk_contact_point", "help_desk_assignment", "help_desk_change"];

/** Every row of every table, in a stable order: equal snapshots before and after mean nothing was written. */
export async function snapshot(subgraph: TestSubgraph): Promise<unknown[][]> {
  return Promise.all(TABLES.map((table) => subgraph.dataSource.query(`SELECT * FROM ${table} ORDER BY 1, 2`)));
}

/** How many change-log rows there are. */
export async function changeCount(subgraph: TestSubgraph): Promise<number> {
  const [row] = await subgraph.dataSource.query(`SELECT COUNT(*) AS n FROM help_desk_change`);
  return Number(row.n);
}
