import { describe, expect, it } from "vitest";
import { Acknowledgement } from "../acknowledgement/acknowledgement.entity.js";
import { addDays } from "../clock.js";
import { PolicyCatalog } from "../policy/policy.catalog.js";
import { Policy } from "../policy/policy.entity.js";
import { PolicyVersion } from "../policy/policy-version.entity.js";
import { AcknowledgementMethod, PolicyKind, PolicyScope, RenewalKind } from "../policy/policy.types.js";
import { complianceOf, missingPrivileged, requiredPolicies } from "./compliance.service.js";
import { ComplianceStatus, validUntilOf } from "./status.js";

const NOW = new Date("2026-06-01T12:00:00Z");
const DAY = "2026-06-01";

function policy(
  id: string,
  kind: PolicyKind,
  scope: PolicyScope,
  renewalKind: RenewalKind,
  extra: Partial<Policy> = {},
) {
  return Object.assign(new Policy(), {
    id,
    kind,
    title: id,
    scope,
    applicationId: null,
    renewalKind,
    renewalDays: renewalKind === RenewalKind.PERIOD ? 365 : null,
    ...extra,
  });
}
const version = (policyId: string, effectiveOn = "2020-01-01") =>
  Object.assign(new PolicyVersion(), {
    id: `${policyId}-v1`,
    policyId,
    version: 1,
    effectiveOn,
    keepsEarlierAcknowledgements: false,
  });

const POLICIES = [
  policy("banner", PolicyKind.WARNING_BANNER, PolicyScope.ALL_USERS, RenewalKind.EVERY_SIGN_IN),
  policy("rob", PolicyKind.RULES_OF_BEHAVIOR, PolicyScope.ALL_USERS, RenewalKind.PERIOD),
  policy("addendum", PolicyKind.PRIVILEGED_USER_ADDENDUM, PolicyScope.PRIVILEGED_USERS, RenewalKind.PERIOD),
  policy("desy", PolicyKind.APPLICATION_RULES, PolicyScope.APPLICATION_USERS, RenewalKind.PERIOD, {
    applicationId: "desy",
  }),
  policy("privacy", PolicyKind.PRIVACY_ACT_STATEMENT, PolicyScope.ALL_USERS, RenewalKind.NONE),
  policy("later", PolicyKind.APPLICATION_RULES, PolicyScope.ALL_USERS, RenewalKind.PERIOD),
];
const catalog = new PolicyCatalog(POLICIES, [
  ...POLICIES.filter((p) => p.id !== "later").map((p) => version(p.id)),
  version("later", "2030-01-01"),
]);

function acknowledged(policyId: string, daysAgo: number): [string, Acknowledgement] {
  const at = addDays(NOW, -daysAgo);
  const rule = catalog.policyById.get(policyId)!;
  return [
    policyId,
    Object.assign(new Acknowledgement(), {
      id: 1,
      userId: "u",
      policyId,
      policyVersionId: `${policyId}-v1`,
      acknowledgedAt: at,
      method: AcknowledgementMethod.ELECTRONIC,
      validUntil: validUntilOf(rule, at),
      applicationId: null,
    }),
  ];
}

describe("requiredPolicies", () => {
  it("takes everyone's, then privileged and application ones when asked; never notices or texts not in effect", () => {
    const ids = (scope: { applicationId: string | null; privileged: boolean }) =>
      requiredPolicies(catalog, scope, DAY).map((p) => p.id);
    expect(ids({ applicationId: "pecos-ai", privileged: false })).toEqual(["banner", "rob"]);
    expect(ids({ applicationId: null, privileged: true })).toEqual(["banner", "rob", "addendum"]);
    expect(ids({ applicationId: "desy", privileged: false })).toEqual(["banner", "rob", "desy"]);
  });
});

describe("complianceOf", () => {
  it("is compliant when every requirement is CURRENT or DUE_SOON", () => {
    const latest = new Map([acknowledged("banner", 0), acknowledged("rob", 350)]);
    const result = complianceOf(catalog, latest, { applicationId: null, privileged: false }, null, NOW);
    expect(result.requirements.map((r) => [r.policy.id, r.status])).toEqual([
      ["banner", ComplianceStatus.CURRENT],
      ["rob", ComplianceStatus.DUE_SOON],
    ]);
    expect(result.compliant).toBe(true);
    const lapsed = complianceOf(
      catalog,
      new Map([acknowledged("banner", 0), acknowledged("rob", 366)]),
      { applicationId: null, privileged: false },
      null,
      NOW,
    );
    expect(lapsed.compliant).toBe(false);
  });
});

describe("missingPrivileged", () => {
  it("lists the prerequisite kinds not held as CURRENT or DUE_SOON, whatever the banner", () => {
    expect(missingPrivileged(catalog, new Map(), NOW)).toEqual([
      PolicyKind.RULES_OF_BEHAVIOR,
      PolicyKind.PRIVILEGED_USER_ADDENDUM,
    ]);
    expect(missingPrivileged(catalog, new Map([acknowledged("rob", 10), acknowledged("addendum", 400)]), NOW)).toEqual([
      PolicyKind.PRIVILEGED_USER_ADDENDUM,
    ]);
    expect(missingPrivileged(catalog, new Map([acknowledged("rob", 10), acknowledged("addendum", 340)]), NOW)).toEqual(
      [],
    );
  });
});
