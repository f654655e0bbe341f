import { describe, expect, it } from "vitest";
import { requestStatus } from "../access-request/access-request.status.js";
import { AccessRequest } from "../access-request/access-request.entity.js";
import { AccessRequestStatus } from "../access-request/access-request.types.js";
import { Role } from "../role/role.entity.js";
import { RoleGrant, RoleGrantStatus } from "./role-grant.entity.js";
import { grantMissing, grantStatus, isHeld } from "./role-grant.status.js";

const NOW = new Date("2026-06-15T12:00:00Z");
const role = (privileged: boolean) => Object.assign(new Role(), { id: "r", privileged });
const grant = (facts: Partial<RoleGrant> = {}) =>
  Object.assign(new RoleGrant(), { endState: null, expiresAt: null, certificationDueOn: "2026-12-31", ...facts });

describe("grant status, computed when read", () => {
  it.each([
    [
      "stored endings first",
      { endState: "REVOKED" as const, expiresAt: new Date("2026-01-01") },
      RoleGrantStatus.REVOKED,
    ],
    ["past its end date, before the sweep", { expiresAt: new Date("2026-06-15T11:59:59Z") }, RoleGrantStatus.EXPIRED],
    ["past its due day, before the sweep", { certificationDueOn: "2026-06-14" }, RoleGrantStatus.REMOVED_UNCERTIFIED],
    ["due today is still held", { certificationDueOn: "2026-06-15" }, RoleGrantStatus.ACTIVE],
  ])("%s", (_name, facts, status) => {
    expect(grantStatus(grant(facts), role(false), NOW, [])).toBe(status);
  });

  it("holds a privileged grant back while its holder lacks a prerequisite, or nobody said", () => {
    expect(grantStatus(grant(), role(true), NOW, ["RULES_OF_BEHAVIOR"])).toBe(RoleGrantStatus.AWAITING_PREREQUISITES);
    expect(grantStatus(grant(), role(true), NOW, undefined)).toBe(RoleGrantStatus.AWAITING_PREREQUISITES);
    expect(grantStatus(grant(), role(true), NOW, ["WARNING_BANNER"])).toBe(RoleGrantStatus.ACTIVE);
    expect(grantStatus(grant(), role(true), NOW, [])).toBe(RoleGrantStatus.ACTIVE);
    expect(grantMissing(grant(), role(true), NOW, ["PRIVILEGED_USER_ADDENDUM", "WARNING_BANNER"])).toEqual([
      "PRIVILEGED_USER_ADDENDUM",
    ]);
    // An ended grant waits for nothing.
    expect(grantMissing(grant({ endState: "EXPIRED" }), role(true), NOW, undefined)).toEqual([]);
    expect(isHeld(grant({ endState: "EXPIRED" }), NOW)).toBe(false);
  });

  it("reports a pending request past its expiry as EXPIRED before the sweep records it", () => {
    const request = Object.assign(new AccessRequest(), {
      storedStatus: AccessRequestStatus.PENDING,
      expiresAt: new Date("2026-06-15T12:00:00Z"),
    });
    expect(requestStatus(request, new Date("2026-06-15T11:59:59Z"))).toBe(AccessRequestStatus.PENDING);
    expect(requestStatus(request, NOW)).toBe(AccessRequestStatus.EXPIRED);
  });
});
