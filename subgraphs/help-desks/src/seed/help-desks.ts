import { ContactKind, type ContactPointDraft } from "../contact/contact-point.js";
import { Weekday, type HoursDraft } from "../hours/opening-hours.js";
import { DataQualityCode, type DataQualityIssue } from "../help-desk/help-desk.types.js";

/** One help desk of the seed page: contact points as published, and every application it serves. */
export interface HelpDeskSeed {
  id: string; // stable lowercase slug
  name: string; // as the page names the desk; where it names none, ours (flagged NAME_ASSUMED)
  description: string | null; // our own one-line summary
  notes: string[];
  contactPoints: ContactPointDraft[]; // as published: normalised by the same code as the mutations
  hours: HoursDraft | null; // null where the page gives none
  dataQuality: DataQualityIssue[]; // what the page could not be taken at its word on
  assignments: { applicationId: string; purpose: string | null; primary: boolean }[];
}

const { PHONE, TTY, FAX, EMAIL, WEB, LOCAL_DESK } = ContactKind;
const MONDAY_TO_FRIDAY = [Weekday.MONDAY, Weekday.TUESDAY, Weekday.WEDNESDAY, Weekday.THURSDAY, Weekday.FRIDAY];
const nameAssumed = (problem: string): DataQualityIssue => ({
  field: "name",
  code: DataQualityCode.NAME_ASSUMED,
  problem,
  original: null,
});

/** The help desks of the seed page; a desk serving several applications appears once, with all of them. */
export const HELP_DESKS: readonly HelpDeskSeed[] = [
  {
    id: "cms-it-service-desk",
    name: "CMS IT Service Desk",
    description: "CMS's IT service desk: sign-in problems, latency and outages of enterprise applications.",
    notes: ["The APS entry of the portal calls this desk the CITIC Help Desk."],
    contactPoints: [
      { kind: PHONE, value: "(410) 786-2580" },
      { kind: PHONE, value: "(800) 562-1963" },
      { kind: EMAIL, value: "CMS_IT_SERVICE_DESK@cms.hhs.gov" },
    ],
    hours: null,
    dataQuality: [
      {
        field: "name",
        code: DataQualityCode.NAME_VARIANT,
        problem:
          "The APS entry names the CITIC Help Desk, with the CMS IT Service Desk's number (410) 786-2580 and email; " +
          "taken as the same desk.",
        original: "CITIC Help Desk",
      },
    ],
    assignments: [
      { applicationId: "aps", purpose: "Issues with the APS application", primary: true },
      {
        applicationId: "enterprise-cognos-reports",
        purpose: "Issues with the Enterprise Cognos Reports",
        primary: true,
      },
      {
        applicationId: "enterprise-microstrategy-reports",
        purpose: "Issues with the Enterprise MicroStrategy Reports",
        primary: true,
      },
      { applicationId: "pecos-ai", purpose: "Login issues, application latency and system outages", primary: true },
      { applicationId: "pecos-dm", purpose: "Login issues, application latency and system outages", primary: true },
    ],
  },
  {
    id: "eus-portal",
    name: "EUS Portal",
    description: "The PECOS end-user support portal.",
    notes: [],
    contactPoints: [{ kind: WEB, value: "https://eus.custhelp.com" }],
    hours: null,
    dataQuality: [],
    assignments: [
      {
        applicationId: "pecos-ai",
        purpose: "Errors within PECOS AI or PECOS Data Mart, and questions on data within the applications",
        primary: false,
      },
      {
        applicationId: "pecos-dm",
        purpose: "Errors within PECOS AI or PECOS Data Mart, and questions on data within the applications",
        primary: false,
      },
    ],
  },
  {
    id: "marketplace-service-desk",
    name: "Marketplace Service Desk (MSD)",
    description: null,
    notes: [],
    contactPoints: [
      { kind: PHONE, value: "1 (855) CMS-1515 or 1 (855) 267-1515" },
      { kind: EMAIL, value: "CMS_FEPS@cms.hhs.gov" },
    ],
    hours: null,
    dataQuality: [],
    assignments: [
      { applicationId: "cpms", purpose: "Issues with the CPMS application", primary: true },
      { applicationId: "midas", purpose: "Issues with the MIDAS application", primary: true },
    ],
  },
  {
    id: "cbic-customer-service-center",
    name: "Competitive Bidding Implementation Contractor (CBIC) customer service center",
    description: "Support for the DMEPOS Competitive Bidding Program.",
    notes: [],
    contactPoints: [
      { kind: PHONE, value: "1 (877) 577-5331" },
      { kind: EMAIL, value: "cbic.admin@palmettogba.com" },
    ],
    hours: null,
    dataQuality: [],
    assignments: [
      { applicationId: "dmepos-cbp-suppliers", purpose: "Support for suppliers", primary: true },
      { applicationId: "dmepos-bidding-system", purpose: null, primary: true },
    ],
  },
  {
    id: "desy-support-mailbox",
    name: "DESY support mailbox",
    description: null,
    notes: [],
    contactPoints: [{ kind: EMAIL, value: "desy_support@cms.hhs.gov" }],
    hours: null,
    dataQuality: [
      {
        field: "contactPoints.0.value",
        code: DataQualityCode.MALFORMED_VALUE,
        problem: "The published address is not an email address: it repeats itself. Stored once.",
        original: "desy_support@cms.hhs.gov.desy_support@cms.hhs.gov",
      },
    ],
    assignments: [{ applicationId: "desy", purpose: "Questions and comments", primary: true }],
  },
  {
    id: "cisco-webex-help-desk",
    name: "Cisco Webex Help Desk Team",
    description: "Phone and email support for technical and program related questions.",
    notes: [],
    contactPoints: [
      { kind: PHONE, value: "1 (410) 786-3090, press Option 1" },
      { kind: EMAIL, value: "OTS_WebEx@cms.hhs.gov" },
    ],
    hours: null,
    dataQuality: [],
    assignments: [{ applicationId: "cisco-webex", purpose: "Technical and program related questions", primary: true }],
  },
  {
    id: "hats-help-desk",
    name: "HATS Help Desk",
    description: null,
    notes: [],
    contactPoints: [
      {
        kind: LOCAL_DESK,
        value: "Contact your local help desk.",
        purpose: "Escalation to the appropriate external help desks will be handled by the local help desk.",
      },
    ],
    hours: null,
    dataQuality: [],
    assignments: [{ applicationId: "hats", purpose: null, primary: true }],
  },
  {
    id: "hdt-help-desk",
    name: "HDT Help Desk",
    description: null,
    notes: [],
    contactPoints: [{ kind: EMAIL, value: "mcare@cms.hhs.gov" }],
    hours: null,
    dataQuality: [nameAssumed("The page gives HDT an email address but no desk name; the name is ours.")],
    assignments: [{ applicationId: "hdt", purpose: null, primary: true }],
  },
  {
    id: "mdm-help-desk",
    name: "Master Data Management Help Desk",
    description: null,
    notes: [],
    contactPoints: [],
    hours: null,
    dataQuality: [], // NO_CONTACT is added by the seed, as for any desk without contact points
    assignments: [{ applicationId: "mdm", purpose: null, primary: true }],
  },
  {
    id: "ocm-help-desk",
    name: "OCM Help Desk Team",
    description: "Email and phone support for technical and program related questions.",
    notes: ["PII/PHI: please do not email any confidential information."],
    contactPoints: [
      { kind: EMAIL, value: "OCMSupport@cms.hhs.gov" },
      { kind: PHONE, value: "1-844-711-2664 (1-844-711-CMMI), press Option 2" },
    ],
    hours: { timeZone: "America/New_York", weekly: [{ days: MONDAY_TO_FRIDAY, opens: "08:30", closes: "18:00" }] },
    dataQuality: [
      {
        field: "hours.timeZone",
        code: DataQualityCode.TIME_ZONE_ASSUMED,
        problem: "Read as America/New_York (Eastern time, daylight saving included), not a fixed UTC-5 all year.",
        original: "Eastern Standard Time",
      },
      {
        field: "hours.weekly",
        code: DataQualityCode.DAYS_ASSUMED,
        problem: "The page gives hours of business but no days; read as Monday to Friday.",
        original: "8:30 A.M. to 6:00 P.M. Eastern Standard Time",
      },
    ],
    assignments: [{ applicationId: "ocm", purpose: "Technical and program related questions", primary: true }],
  },
  {
    id: "pv-help-desk",
    name: "PV Help Desk",
    description: null,
    notes: [],
    contactPoints: [
      { kind: PHONE, value: "1 (888)-734-6433" },
      { kind: EMAIL, value: "pvhelpdesk@cms.hhs.gov" },
    ],
    hours: null,
    dataQuality: [nameAssumed('The page heads the contacts "Help Desk Contact Information"; the name is ours.')],
    assignments: [{ applicationId: "pv", purpose: null, primary: true }],
  },
  {
    id: "qualitynet-help-desk",
    name: "QualityNet Help Desk",
    description: null,
    notes: [],
    contactPoints: [
      { kind: PHONE, value: "1 (866)-288-8912" },
      { kind: TTY, value: "1 (877)-715-6222" },
      { kind: FAX, value: "1 (888)-329-7377" },
      { kind: EMAIL, value: "qnetsupport-esrd@hcqis.org", purpose: "ESRD support" },
    ],
    hours: { timeZone: "America/Chicago", weekly: [{ days: MONDAY_TO_FRIDAY, opens: "07:00", closes: "19:00" }] },
    dataQuality: [
      {
        field: "hours.timeZone",
        code: DataQualityCode.TIME_ZONE_ASSUMED,
        problem: "Read as America/Chicago (Central time, daylight saving included), not a fixed UTC-6 all year.",
        original: "CST",
      },
      {
        field: "contactPoints.1.kind",
        code: DataQualityCode.KIND_ASSUMED,
        problem: 'The page says "TY"; read as TTY.',
        original: "TY at 1 (877)-715-6222",
      },
    ],
    assignments: [{ applicationId: "qarm", purpose: "Issues with the QARM application", primary: true }],
  },
  {
    id: "shim-help-desk",
    name: "SHIM Help Desk",
    description: null,
    notes: [],
    contactPoints: [{ kind: PHONE, value: "1 (800) 706-7893" }],
    hours: null,
    dataQuality: [nameAssumed("The page gives SHIM a phone number but no desk name; the name is ours.")],
    assignments: [{ applicationId: "shim", purpose: "Issues with the SHIM application", primary: true }],
  },
  {
    id: "gdit-vms-helpdesk",
    name: "GDIT VMS Helpdesk",
    description: null,
    notes: [],
    contactPoints: [
      { kind: PHONE, value: "(443) 275-6946 Option 2" },
      { kind: EMAIL, value: "thd@gdit.com" },
    ],
    hours: null,
    dataQuality: [],
    assignments: [{ applicationId: "vms-client-letter", purpose: "Issues with the VMS application", primary: true }],
  },
];
