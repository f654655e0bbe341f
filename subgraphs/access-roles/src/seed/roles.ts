/** A role as the seed states it; conflicts may be written on either side (the seed makes them symmetric). */
export interface RoleSeed {
  id: string;
  applicationId: string;
  name: string;
  description: string;
  privileged: boolean;
  requestable: boolean;
  approver: boolean;
  maxDurationDays: number | null;
  conflictsWith: string[];
}

const approverRole = (applicationId: string, acronym: string): RoleSeed => ({
  id: `${applicationId}-approver`,
  applicationId,
  name: `${acronym} Access Approver`,
  description: `Decides access requests for ${acronym} roles and certifies ${acronym} grants each year.`,
  privileged: false,
  requestable: false,
  approver: true,
  maxDurationDays: null,
  conflictsWith: [],
});

/**
 * Roles of four catalog applications, written for this project from what the portal page says each one does
 * (PECOS AI captures and shows enrollment data, the PECOS Data Mart reports on it, QARM manages QualityNet roles,
 * DESY extracts data under a Data Use Agreement). Each has ordinary and privileged requestable roles, a
 * separation-of-duties pair, and an approver role that is not requestable.
 */
export const ROLE_SEEDS: readonly RoleSeed[] = [
  {
    id: "pecos-ai-viewer",
    applicationId: "pecos-ai",
    name: "PECOS AI Viewer",
    description: "Views Medicare provider and supplier enrollment information in the PECOS Administrative Interface.",
    privileged: false,
    requestable: true,
    approver: false,
    maxDurationDays: null,
    conflictsWith: [],
  },
  {
    id: "pecos-ai-enrollment-analyst",
    applicationId: "pecos-ai",
    name: "PECOS AI Enrollment Analyst",
    description: "Captures enrollment applications submitted on paper or electronically (Medicare contractors).",
    privileged: false,
    requestable: true,
    approver: false,
    maxDurationDays: 365,
    conflictsWith: [],
  },
  {
    id: "pecos-ai-security-auditor",
    applicationId: "pecos-ai",
    name: "PECOS AI Security Auditor",
    description: "Reviews PECOS AI account activity; may not also administer the system it audits.",
    privileged: false,
    requestable: true,
    approver: false,
    maxDurationDays: 365,
    conflictsWith: ["pecos-ai-administrator"],
  },
  {
    id: "pecos-ai-administrator",
    applicationId: "pecos-ai",
    name: "PECOS AI Administrator",
    description: "Administers PECOS AI accounts and settings: privileged, limited to 180 days.",
    privileged: true,
    requestable: true,
    approver: false,
    maxDurationDays: 180,
    conflictsWith: [],
  },
  approverRole("pecos-ai", "PECOS AI"),
  {
    id: "pecos-dm-viewer",
    applicationId: "pecos-dm",
    name: "PECOS DM Report Viewer",
    description: "Runs standard reports and dashboards in the PECOS Data Mart.",
    privileged: false,
    requestable: true,
    approver: false,
    maxDurationDays: null,
    conflictsWith: [],
  },
  {
    id: "pecos-dm-extract-analyst",
    applicationId: "pecos-dm",
    name: "PECOS DM Extract Analyst",
    description: "Builds extracts and ad hoc reports from the PECOS Data Mart, for 90 days at a time.",
    privileged: false,
    requestable: true,
    approver: false,
    maxDurationDays: 90,
    conflictsWith: [],
  },
  {
    id: "pecos-dm-audit-reviewer",
    applicationId: "pecos-dm",
    name: "PECOS DM Audit Reviewer",
    description: "Reviews who ran which Data Mart extracts; may not also administer the Data Mart.",
    privileged: false,
    requestable: true,
    approver: false,
    maxDurationDays: 365,
    conflictsWith: ["pecos-dm-administrator"],
  },
  {
    id: "pecos-dm-administrator",
    applicationId: "pecos-dm",
    name: "PECOS DM Administrator",
    description: "Administers the PECOS Data Mart's reports, extracts and users: privileged, limited to 180 days.",
    privileged: true,
    requestable: true,
    approver: false,
    maxDurationDays: 180,
    conflictsWith: [],
  },
  approverRole("pecos-dm", "PECOS DM"),
  {
    id: "qarm-user",
    applicationId: "qarm",
    name: "QARM User",
    description: "Requests and views QualityNet roles through QARM.",
    privileged: false,
    requestable: true,
    approver: false,
    maxDurationDays: null,
    conflictsWith: [],
  },
  {
    id: "qarm-security-official",
    applicationId: "qarm",
    name: "QARM Security Official",
    description: "Approves QualityNet roles for an organisation's users: privileged.",
    privileged: true,
    requestable: true,
    approver: false,
    maxDurationDays: 365,
    conflictsWith: [],
  },
  approverRole("qarm", "QARM"),
  {
    id: "desy-data-requester",
    applicationId: "desy",
    name: "DESY Data Requester",
    description: "Enters requests for data within the guidelines of the requester's Data Use Agreement (DUA).",
    privileged: false,
    requestable: true,
    approver: false,
    maxDurationDays: 365,
    conflictsWith: [],
  },
  {
    id: "desy-dua-administrator",
    applicationId: "desy",
    name: "DESY DUA Administrator",
    description: "Maintains Data Use Agreements and who may extract under them: privileged.",
    privileged: true,
    requestable: true,
    approver: false,
    maxDurationDays: 180,
    conflictsWith: ["desy-data-requester"],
  },
  approverRole("desy", "DESY"),
];

/** The seed's conflicts made symmetric (A conflicts with B ⇔ B with A); an unknown id is a seed bug. */
export function symmetricConflicts(roles: readonly RoleSeed[]): Map<string, string[]> {
  const ids = new Set(roles.map((role) => role.id));
  const conflicts = new Map(roles.map((role) => [role.id, new Set<string>()]));
  for (const role of roles) {
    for (const other of role.conflictsWith) {
      if (!ids.has(other)) throw new Error(`seed role ${role.id} conflicts with unknown role ${other}`);
      conflicts.get(role.id)!.add(other);
      conflicts.get(other)!.add(role.id);
    }
  }
  return new Map([...conflicts].map(([id, set]) => [id, [...set].sort()]));
}
