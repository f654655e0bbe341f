/** One application of the seed page, as the catalog stores it. */
export interface ApplicationSeed {
  id: string; // stable lowercase slug, [a-z0-9]+(-[a-z0-9]+)*
  acronym: string | null; // as the page gives it; null when the page gives none
  name: string; // the full name, without the acronym in parentheses
  formerNames: string[]; // earlier names, e.g. HDT was "HPG"
  description: string | null; // our own 1-3 sentence summary; null when there is nothing to say
  category: string; // one of the small fixed set used below
  tags: string[]; // lowercase kebab-case, 1-4 each
  launchUrl: string | null; // the page gives none
  links: ApplicationLinkSeed[];
  ownerGroup?: string; // the identity-provider group whose members may change it; most have none yet
}

/** One typed link of an application (FAQ, user guide, home page, training, other). */
export interface ApplicationLinkSeed {
  kind: "FAQ" | "USER_GUIDE" | "HOME" | "TRAINING" | "OTHER";
  title: string;
  url: string;
}

/** The portal-wide FAQ page, linked from every application that lists FAQs. */
export const PORTAL_FAQ_URL = "https://portal.cms.gov/portal/help/faq";

// The page text carries FAQ titles but no link targets: `${PORTAL_FAQ_URL}/<id>` is our own convention.
/** The 23 applications of the seed page, in page order; descriptions are our own summaries. */
export const APPLICATIONS: readonly ApplicationSeed[] = [
  {
    id: "aps",
    acronym: "APS",
    name: "Advanced Provider Screening",
    formerNames: [],
    description: "Performs advanced screening of providers.",
    category: "Program Integrity",
    tags: ["provider-screening"],
    launchUrl: null,
    links: [
      { kind: "FAQ", title: "CMS Enterprise Portal Frequently Asked Questions", url: PORTAL_FAQ_URL },
      {
        kind: "FAQ",
        title: "Advanced Provider Screening (APS) Frequently Asked Questions",
        url: `${PORTAL_FAQ_URL}/aps`,
      },
    ],
  },
  {
    id: "bigapps",
    acronym: "BIGAPPS",
    name: "Automated Plan Payment System",
    formerNames: [],
    description: "An automated system for payments to plans.",
    category: "Payments",
    tags: ["payments", "plans"],
    launchUrl: null,
    links: [],
  },
  {
    id: "dmepos-cbp-suppliers",
    acronym: null,
    name: "DMEPOS Competitive Bidding Program Suppliers",
    formerNames: [],
    description:
      "Suppliers in the Durable Medical Equipment, Prosthetics, Orthotics, and Supplies (DMEPOS) Competitive Bidding " +
      "Program reach their bidding information here through Connexion, the program's secure gateway.",
    category: "Competitive Bidding",
    tags: ["dmepos", "competitive-bidding", "connexion"],
    launchUrl: null,
    links: [
      { kind: "FAQ", title: "CMS Enterprise Portal Frequently Asked Questions", url: PORTAL_FAQ_URL },
      {
        kind: "FAQ",
        title: "DMEPOS Competitive Bidding Program Suppliers Frequently Asked Questions",
        url: `${PORTAL_FAQ_URL}/dmepos-cbp-suppliers`,
      },
    ],
  },
  {
    id: "desy",
    acronym: "DESY",
    name: "Data Extract System",
    formerNames: [],
    description:
      "Authorized users submit requests here for extracts from CMS data repositories. " +
      "What they may request is limited by the terms of their Data Use Agreement (DUA).",
    category: "Data Access",
    tags: ["data-extracts", "data-use-agreement"],
    launchUrl: null,
    links: [],
  },
  {
    id: "cisco-webex",
    acronym: null,
    name: "Cisco WebEx SaaS",
    formerNames: [],
    description: "Cisco WebEx web conferencing, provided as software as a service.",
    category: "Collaboration",
    tags: ["webex", "web-conferencing"],
    launchUrl: null,
    links: [],
  },
  {
    id: "cnc",
    acronym: "CNC",
    name: "Compromised Number Checklist",
    formerNames: [],
    description: "A checklist of numbers that have been compromised.",
    category: "Program Integrity",
    tags: ["compromised-numbers"],
    launchUrl: null,
    links: [],
  },
  {
    id: "cpms",
    acronym: "CPMS",
    name: "CO-OP Program Management System",
    formerNames: [],
    description: "Program management system for the CO-OP program.",
    category: "Marketplace",
    tags: ["co-op", "program-management", "marketplace"],
    launchUrl: null,
    links: [],
  },
  {
    id: "enterprise-cognos-reports",
    acronym: null,
    name: "Enterprise Cognos Reports",
    formerNames: [],
    description: "Enterprise reporting built on IBM Cognos.",
    category: "Reporting & Analytics",
    tags: ["reporting", "cognos"],
    launchUrl: null,
    links: [],
  },
  {
    id: "dmepos-bidding-system",
    acronym: null,
    name: "DMEPOS Bidding System",
    formerNames: [],
    description:
      "Suppliers use it to bid on selected durable medical equipment, prosthetics, orthotics and supplies (DMEPOS) " +
      "products within a given Competitive Bidding Area (CBA).",
    category: "Competitive Bidding",
    tags: ["dmepos", "competitive-bidding", "bids"],
    launchUrl: null,
    links: [],
  },
  {
    id: "hats",
    acronym: "HATS",
    name: "Host Access Transformation Services",
    formerNames: [],
    description: "Transformation services for access to host systems.",
    category: "Data Access",
    tags: ["host-access"],
    launchUrl: null,
    links: [
      { kind: "FAQ", title: "CMS Enterprise Portal Frequently Asked Questions", url: PORTAL_FAQ_URL },
      {
        kind: "FAQ",
        title: "Host Access Transformation Services (HATS) Frequently Asked Questions",
        url: `${PORTAL_FAQ_URL}/hats`,
      },
    ],
  },
  {
    id: "hdt",
    acronym: "HDT",
    name: "HIPAA Eligibility Transaction System (HETS) Desktop",
    formerNames: ["HPG"],
    description: "A desktop application for the HIPAA Eligibility Transaction System (HETS).",
    category: "Eligibility",
    tags: ["hipaa", "eligibility", "hets"],
    launchUrl: null,
    links: [],
  },
  {
    id: "mdm",
    acronym: "MDM",
    name: "Master Data Management",
    formerNames: [],
    description: "Enterprise master data management.",
    category: "Data Management",
    tags: ["master-data"],
    launchUrl: null,
    links: [],
  },
  {
    id: "midas",
    acronym: "MIDAS",
    name: "Multidimensional Information and Data Analytics System",
    formerNames: [],
    description: "A multidimensional information and data analytics system.",
    category: "Reporting & Analytics",
    tags: ["analytics", "marketplace"],
    launchUrl: null,
    links: [
      { kind: "FAQ", title: "CMS Enterprise Portal Frequently Asked Questions", url: PORTAL_FAQ_URL },
      {
        kind: "FAQ",
        title: "Multidimensional Information and Data Analytics System Frequently Asked Questions",
        url: `${PORTAL_FAQ_URL}/midas`,
      },
    ],
  },
  {
    id: "enterprise-microstrategy-reports",
    acronym: null,
    name: "Enterprise MicroStrategy Reports",
    formerNames: [],
    description: "Enterprise reporting built on MicroStrategy.",
    category: "Reporting & Analytics",
    tags: ["reporting", "microstrategy"],
    launchUrl: null,
    links: [],
  },
  {
    id: "ocm",
    acronym: "OCM",
    name: "Oncology Care Model",
    formerNames: [],
    description: "Application for the Oncology Care Model.",
    category: "Quality Programs",
    tags: ["oncology", "care-model"],
    launchUrl: null,
    links: [],
  },
  {
    id: "onepi",
    acronym: "OnePI",
    name: "One Program Integrity System",
    formerNames: [],
    description:
      "One place for information on all CMS fraud, waste and abuse work. It gives centralized access to, and " +
      "analysis of, standardized Medicaid data from many states, combined with Medicare Part A, B and D data.",
    category: "Program Integrity",
    tags: ["fraud-waste-abuse", "medicaid", "medicare", "analytics"],
    launchUrl: null,
    links: [
      { kind: "FAQ", title: "CMS Enterprise Portal Frequently Asked Questions", url: PORTAL_FAQ_URL },
      {
        kind: "FAQ",
        title: "One Program Integrity System (OnePI) Frequently Asked Questions",
        url: `${PORTAL_FAQ_URL}/onepi`,
      },
    ],
  },
  {
    id: "pecos-ai",
    acronym: "PECOS AI",
    name: "PECOS Administrative Interface",
    formerNames: [],
    description:
      "The administrative interface to PECOS (Provider Enrollment, Chain and Ownership System), Medicare's national " +
      "source of provider and supplier enrollment data. Medicare contractors record enrollment applications " +
      "received on paper or electronically, and other authorized users can look up enrollment information.",
    category: "Provider Enrollment",
    tags: ["pecos", "medicare", "enrollment"],
    launchUrl: null,
    links: [],
    ownerGroup: "pecos-team",
  },
  {
    id: "pecos-dm",
    acronym: "PECOS DM",
    name: "PECOS Data Mart",
    formerNames: [],
    description:
      "The data mart interface to PECOS (Provider Enrollment, Chain and Ownership System), Medicare's national " +
      "source of provider and supplier enrollment data. Authorized users do their own reporting on it through " +
      "standard reports, dashboards, extracts and ad hoc queries.",
    category: "Provider Enrollment",
    tags: ["pecos", "medicare", "reporting"],
    launchUrl: null,
    links: [],
    ownerGroup: "pecos-team",
  },
  {
    id: "pris",
    acronym: "PRIS",
    name: "Payment Recovery Information System - RAC & RADV Appeals",
    formerNames: [],
    description: "Payment recovery information system for RAC and RADV appeals.",
    category: "Program Integrity",
    tags: ["payment-recovery", "appeals", "rac", "radv"],
    launchUrl: null,
    links: [],
  },
  {
    id: "pv",
    acronym: "PV",
    name: "Physician Quality and Value Programs",
    formerNames: [],
    description:
      "Physician and non-physician group practices and solo practitioners view their Quality and Resource Use " +
      "Reports (QRURs) and PQRS feedback reports here. They can also choose how they report for PQRS and file " +
      "informal review requests about the Value Modifier.",
    category: "Quality Programs",
    tags: ["pqrs", "qrur", "value-modifier", "reporting"],
    launchUrl: null,
    links: [
      { kind: "FAQ", title: "CMS Enterprise Portal Frequently Asked Questions", url: PORTAL_FAQ_URL },
      {
        kind: "FAQ",
        title: "Physician Quality and Value Programs (PV) Frequently Asked Questions",
        url: `${PORTAL_FAQ_URL}/pv`,
      },
    ],
  },
  {
    id: "qarm",
    acronym: "QARM",
    name: "Quality Net Authorization & Role Management",
    formerNames: [],
    description: "Authorization and role management for QualityNet.",
    category: "Identity & Access",
    tags: ["qualitynet", "authorization", "roles"],
    launchUrl: null,
    links: [
      { kind: "FAQ", title: "CMS Enterprise Portal Frequently Asked Questions", url: PORTAL_FAQ_URL },
      {
        kind: "FAQ",
        title: "Quality Net Authorization & Role Management Frequently Asked Questions",
        url: `${PORTAL_FAQ_URL}/qarm`,
      },
    ],
  },
  {
    id: "shim",
    acronym: "SHIM",
    name: "Enrollment and Payment Portal",
    formerNames: [],
    description:
      "The SHOP enrollment and payment portal, where small businesses buy health insurance and get support in " +
      "enrolling their employees in a health plan.",
    category: "Marketplace",
    tags: ["shop", "small-business", "enrollment", "payments"],
    launchUrl: null,
    links: [
      { kind: "FAQ", title: "CMS Enterprise Portal Frequently Asked Questions", url: PORTAL_FAQ_URL },
      {
        kind: "FAQ",
        title: "Enrollment and Payment Portal (SHIM) Frequently Asked Questions",
        url: `${PORTAL_FAQ_URL}/shim`,
      },
    ],
  },
  {
    id: "vms-client-letter",
    acronym: "VMS",
    name: "VMS Client Letter",
    formerNames: [],
    description:
      "The VMS client letter application for durable medical equipment (DME). It is part of the integrated " +
      "correspondence system of the DME Medicare Administrative Contractor.",
    category: "Correspondence",
    tags: ["dme", "medicare", "correspondence", "letters"],
    launchUrl: null,
    links: [],
  },
];
