import { describe, expect, it } from "vitest";
import { addDays, setClock, today } from "../clock.js";
import { RenewalKind } from "../policy/policy.types.js";
import { ComplianceStatus, DUE_SOON_DAYS, judge, validUntilOf, type JudgeInput, type VersionFacts } from "./status.js";

const NOW = new Date("2026-06-01T12:00:00Z");
const v = (version: number, keepsEarlierAcknowledgements = false, effectiveOn = `20${10 + version}-01-01`) =>
  ({ id: `p-v${version}`, version, effectiveOn, keepsEarlierAcknowledgements }) satisfies VersionFacts;
const yearly = { renewalKind: RenewalKind.PERIOD, renewalDays: 365 };

function judged(overrides: Partial<JudgeInput> & { ackDaysAgo?: number; ackVersion?: number }) {
  const { ackDaysAgo, ackVersion = 1, ...input } = overrides;
  const versions = input.versions ?? [v(1)];
  const acknowledgedAt = ackDaysAgo === undefined ? null : addDays(NOW, -ackDaysAgo);
  const policy = input.policy ?? yearly;
  return judge({
    policy,
    versions,
    current: input.current ?? versions.at(-1)!,
    latest: acknowledgedAt && {
      policyVersionId: `p-v${ackVersion}`,
      acknowledgedAt,
      validUntil: validUntilOf(policy, acknowledgedAt),
    },
    signedInAt: input.signedInAt ?? null,
    now: input.now ?? NOW,
  });
}

describe("judge", () => {
  it("says NEVER_ACKNOWLEDGED, due today, without any acknowledgement", () => {
    expect(judged({})).toEqual({ status: ComplianceStatus.NEVER_ACKNOWLEDGED, dueBy: "2026-06-01" });
  });

  it.each([
    [0, ComplianceStatus.CURRENT],
    [100, ComplianceStatus.CURRENT],
    [365 - DUE_SOON_DAYS - 1, ComplianceStatus.CURRENT],
    [365 - DUE_SOON_DAYS, ComplianceStatus.DUE_SOON],
    [364, ComplianceStatus.DUE_SOON],
    [365, ComplianceStatus.EXPIRED],
    [400, ComplianceStatus.EXPIRED],
  ])("judges a yearly policy acknowledged %i days ago as %s, due on the lapse day", (days, status) => {
    expect(judged({ ackDaysAgo: days })).toEqual({ status, dueBy: today(addDays(NOW, 365 - days)) });
  });

  it("says NEW_VERSION when a later version does not keep earlier acknowledgements, due from its effective day", () => {
    const versions = [v(1), v(2, false, "2013-07-24")];
    expect(judged({ versions, ackVersion: 1, ackDaysAgo: 10 })).toEqual({
      status: ComplianceStatus.NEW_VERSION,
      dueBy: "2013-07-24",
    });
    expect(judged({ versions, ackVersion: 2, ackDaysAgo: 10 }).status).toBe(ComplianceStatus.CURRENT);
  });

  it("lets an acknowledgement of an earlier version stand when every later version keeps it", () => {
    expect(judged({ versions: [v(1), v(2, true)], ackVersion: 1, ackDaysAgo: 10 }).status).toBe(
      ComplianceStatus.CURRENT,
    );
    expect(judged({ versions: [v(1), v(2, true), v(3, false)], ackVersion: 1, ackDaysAgo: 10 }).status).toBe(
      ComplianceStatus.NEW_VERSION,
    );
    // A kept version does not stretch the period: the old acknowledgement still lapses on its own day.
    expect(judged({ versions: [v(1), v(2, true)], ackVersion: 1, ackDaysAgo: 370 }).status).toBe(
      ComplianceStatus.EXPIRED,
    );
  });

  it("judges the banner against the sign-in when it is known, and by its version otherwise", () => {
    const banner = { renewalKind: RenewalKind.EVERY_SIGN_IN, renewalDays: null };
    const ackTwoDaysAgo = { policy: banner, ackDaysAgo: 2 };
    expect(judged({ ...ackTwoDaysAgo, signedInAt: addDays(NOW, -1) })).toEqual({
      status: ComplianceStatus.EXPIRED,
      dueBy: "2026-06-01",
    });
    expect(judged({ ...ackTwoDaysAgo, signedInAt: addDays(NOW, -3) })).toEqual({
      status: ComplianceStatus.CURRENT,
      dueBy: null,
    });
    expect(judged({ ...ackTwoDaysAgo, signedInAt: null })).toEqual({ status: ComplianceStatus.CURRENT, dueBy: null });
    expect(judged({ policy: banner, signedInAt: addDays(NOW, -1) }).status).toBe(ComplianceStatus.NEVER_ACKNOWLEDGED);
  });

  it("keeps ON_NEW_VERSION acknowledgements CURRENT with nothing due until a version asks again", () => {
    const onNew = { renewalKind: RenewalKind.ON_NEW_VERSION, renewalDays: null };
    expect(judged({ policy: onNew, ackDaysAgo: 5000 })).toEqual({ status: ComplianceStatus.CURRENT, dueBy: null });
    expect(judged({ policy: onNew, versions: [v(1), v(2)], ackVersion: 1, ackDaysAgo: 1 }).status).toBe(
      ComplianceStatus.NEW_VERSION,
    );
  });
});

describe("validUntilOf", () => {
  it("adds the period for PERIOD policies only", () => {
    expect(validUntilOf(yearly, NOW)).toEqual(new Date("2027-06-01T12:00:00Z"));
    expect(validUntilOf({ renewalKind: RenewalKind.EVERY_SIGN_IN, renewalDays: null }, NOW)).toBeNull();
    expect(validUntilOf({ renewalKind: RenewalKind.ON_NEW_VERSION, renewalDays: null }, NOW)).toBeNull();
  });
});

describe("the clock", () => {
  it("can be pinned and restored", () => {
    setClock(() => NOW);
    expect(today()).toBe("2026-06-01");
    setClock(null);
    expect(today()).toBe(new Date().toISOString().slice(0, 10));
  });
});
