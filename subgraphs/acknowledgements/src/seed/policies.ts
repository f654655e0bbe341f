import { PolicyKind, PolicyScope, RenewalKind } from "../policy/policy.types.js";

/** A version as seeded. */
export interface VersionSeed {
  effectiveOn: string;
  body: string;
  keepsEarlierAcknowledgements: boolean;
  omb?: { controlNumber: string; expiresOn: string; burdenMinutes: number };
}

/** A policy as seeded, with its versions oldest first. */
export interface PolicySeed {
  id: string;
  kind: PolicyKind;
  title: string;
  scope: PolicyScope;
  applicationId: string | null;
  renewalKind: RenewalKind;
  renewalDays: number | null;
  versions: VersionSeed[];
}

/** Seed policy ids, for tests and the demo. */
export const POLICY_IDS = {
  banner: "hhs-warning-banner",
  rulesOfBehavior: "hhs-rules-of-behavior",
  privilegedAddendum: "hhs-privileged-user-rules",
  privacyAct: "cms-privacy-act-statement",
  paperworkReduction: "cms-pra-notice",
  desyRules: "desy-rules-of-behavior",
} as const;

/**
 * The six policies of the seed page. Titles, dates, renewal rules and the OMB facts are the page's; bodies are short
 * summaries written for this project. Undated texts take a documented date (see the README): the addendum that of
 * the 2013 rules it belongs to; the Privacy Act statement and PRA notice that of the banner memo they are shown with.
 */
export const POLICIES: readonly PolicySeed[] = [
  {
    id: POLICY_IDS.banner,
    kind: PolicyKind.WARNING_BANNER,
    title: "Departmental Standard Warning Banner for HHS Information Systems",
    scope: PolicyScope.ALL_USERS,
    applicationId: null,
    renewalKind: RenewalKind.EVERY_SIGN_IN,
    renewalDays: null,
    versions: [
      {
        effectiveOn: "2016-07-14",
        keepsEarlierAcknowledgements: false,
        body:
          "You are about to use a government information system that is only for authorized work. Activity on it, " +
          "including from personal devices used for official business, can be watched, logged, searched and used for " +
          "any lawful purpose, so expect no privacy here. Misuse can lead to discipline or to civil or criminal " +
          "penalties, and personal social media use is limited and monitored. Agree to continue; declining ends the sign-in.",
      },
    ],
  },
  {
    id: POLICY_IDS.rulesOfBehavior,
    kind: PolicyKind.RULES_OF_BEHAVIOR,
    title: "Rules of Behavior for Use of HHS Information Resources",
    scope: PolicyScope.ALL_USERS,
    applicationId: null,
    renewalKind: RenewalKind.PERIOD,
    renewalDays: 365,
    versions: [
      {
        effectiveOn: "2010-08-26",
        keepsEarlierAcknowledgements: false,
        body:
          "Rules for everyone who uses the Department's information resources, whether employee, contractor or other " +
          "user: read them and acknowledge them before getting access and once a year after, and use systems and data " +
          "only for the work you are authorized to do.",
      },
      {
        effectiveOn: "2013-07-24",
        // The 2013 rules replace the 2010 ones outright: everyone acknowledges the new text.
        keepsEarlierAcknowledgements: false,
        body:
          "The updated rules for using the Department's information resources, replacing those of August 26, 2010. " +
          "New users read them and sign an acknowledgement before reaching any departmental data or system, then again " +
          "every year, for example during the yearly security awareness training; the signature may be written or, " +
          "where allowed, electronic. Where the rules say nothing, apply the standards of ethical conduct. Breaking " +
          "them can cost access, a job or a contract and can bring fines or prosecution. Components and single systems " +
          "may add stricter rules of their own, which must be signed as well.",
      },
    ],
  },
  {
    id: POLICY_IDS.privilegedAddendum,
    kind: PolicyKind.PRIVILEGED_USER_ADDENDUM,
    title: "HHS Rules of Behavior for Privileged User Accounts",
    scope: PolicyScope.PRIVILEGED_USERS,
    applicationId: null,
    renewalKind: RenewalKind.PERIOD,
    renewalDays: 365,
    versions: [
      {
        effectiveOn: "2013-07-24",
        keepsEarlierAcknowledgements: false,
        body:
          "An addendum to the Rules of Behavior for holders of administrator and other elevated accounts, signed as " +
          "well as the main rules and in the same way, before working in a privileged role. Keep privileged " +
          "credentials to yourself, use those accounts for administration only and not for mail or everyday browsing, " +
          "never use them to get around security controls, finish any role-based training first, and tell the system " +
          "owner as soon as you no longer need the access.",
      },
    ],
  },
  {
    id: POLICY_IDS.privacyAct,
    kind: PolicyKind.PRIVACY_ACT_STATEMENT,
    title: "CMS Privacy Act Statement",
    scope: PolicyScope.ALL_USERS,
    applicationId: null,
    renewalKind: RenewalKind.NONE,
    renewalDays: null,
    versions: [
      {
        effectiveOn: "2016-07-14",
        keepsEarlierAcknowledgements: false,
        body:
          "How the Privacy Act of 1974 covers records the agency finds by a name, number or other personal identifier: " +
          "you may see your records and ask for corrections, and the agency shares them without your written consent " +
          "only under the exceptions the Act lists. Such records are kept in systems of records announced in the " +
          "Federal Register, and the agency also follows the Department's own Privacy Act regulations.",
      },
    ],
  },
  {
    id: POLICY_IDS.paperworkReduction,
    kind: PolicyKind.PAPERWORK_REDUCTION_ACT_NOTICE,
    title: "Paperwork Reduction Act Notice",
    scope: PolicyScope.ALL_USERS,
    applicationId: null,
    renewalKind: RenewalKind.NONE,
    renewalDays: null,
    versions: [
      {
        effectiveOn: "2016-07-14",
        keepsEarlierAcknowledgements: false,
        omb: { controlNumber: "0938-1236", expiresOn: "2025-08-31", burdenMinutes: 20 },
        body:
          "No one has to answer a collection of information unless it shows a valid OMB control number; this one's is " +
          "0938-1236. Answering takes about 20 minutes on average, counting the time to read the instructions and " +
          "gather the data. Comments on that estimate go to the agency's PRA Reports Clearance Officer.",
      },
    ],
  },
  {
    id: POLICY_IDS.desyRules,
    kind: PolicyKind.APPLICATION_RULES,
    title: "Data Extract System (DESY) Supplemental Rules of Behavior",
    scope: PolicyScope.APPLICATION_USERS,
    applicationId: "desy",
    renewalKind: RenewalKind.PERIOD,
    renewalDays: 365,
    versions: [
      {
        effectiveOn: "2016-07-14",
        keepsEarlierAcknowledgements: false,
        body:
          "Our illustration of the system-specific rules the Rules of Behavior allow, for Data Extract System users: " +
          "ask only for extracts your Data Use Agreement covers, use and keep them only as it allows, and sign these " +
          "rules before access and every year after, on top of the Department's rules.",
      },
    ],
  },
];
