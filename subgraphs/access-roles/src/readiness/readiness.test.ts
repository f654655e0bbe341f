import { describe, expect, it } from "vitest";
import { AccessRequest } from "../access-request/access-request.entity.js";
import { RoleGrant } from "../role-grant/role-grant.entity.js";
import { Role } from "../role/role.entity.js";
import { accessBlockers, type AccessFacts } from "./readiness.js";

const now = new Date("2026-06-01T12:00:00Z");
const role = (id: string, privileged = false, conflictsWithIds: string[] = []) =>
  Object.assign(new Role(), { id, name: id, applicationId: "app", privileged, requestable: true, conflictsWithIds });
const grant = (roleId: string, applicationId = "app") =>
  Object.assign(new RoleGrant(), {
    id: `grant-${roleId}`,
    userId: "u",
    roleId,
    applicationId,
    endState: null,
    expiresAt: null,
    certificationDueOn: "2027-01-01",
  });
const request = (roleId: string) =>
  Object.assign(new AccessRequest(), { id: `request-${roleId}`, roleId, applicationId: "app", createdAt: now });

const viewer = "app-viewer";
const admin = "app-admin";
const roles = [role(viewer), role(admin, true, [viewer])];
const facts = (overrides: Partial<AccessFacts>): AccessFacts => ({
  roles,
  grants: [],
  pending: [],
  mfa: true,
  missingPrivileged: [],
  now,
  ...overrides,
});
const kinds = (overrides: Partial<AccessFacts>) => accessBlockers("app", facts(overrides)).map((part) => part.kind);

describe("access blockers", () => {
  it("ask nothing of an application the portal manages no roles for", () => {
    expect(kinds({ roles: [] })).toEqual([]);
  });

  it("ask for a role, naming those the viewer may request (not one conflicting with a held role)", () => {
    expect(accessBlockers("app", facts({}))).toMatchObject([{ kind: "ROLE_REQUIRED", roleIds: [viewer, admin] }]);
    const holdsViewerElsewhere = facts({ grants: [grant(viewer, "elsewhere")] });
    expect(accessBlockers("app", holdsViewerElsewhere)).toMatchObject([{ roleIds: [viewer] }]);
  });

  it("report each pending request instead of asking for a role", () => {
    expect(accessBlockers("app", facts({ pending: [request(viewer)] }))).toMatchObject([
      { kind: "REQUEST_PENDING", accessRequestId: `request-${viewer}`, requestedAt: now.toISOString() },
    ]);
  });

  it("need nothing more with an active ordinary grant, whatever the sign-in", () => {
    expect(kinds({ grants: [grant(viewer)], mfa: false })).toEqual([]);
  });

  it("ask for a second factor when the only access is privileged", () => {
    expect(kinds({ grants: [grant(admin)] })).toEqual([]);
    expect(kinds({ grants: [grant(admin)], mfa: false })).toEqual(["MFA_REQUIRED"]);
  });

  it("report a privileged grant waiting for acknowledgements, and UNKNOWN when they could not be checked", () => {
    expect(
      accessBlockers("app", facts({ grants: [grant(admin)], missingPrivileged: ["RULES_OF_BEHAVIOR"] })),
    ).toMatchObject([
      { kind: "GRANT_AWAITING_PREREQUISITES", roleGrantId: `grant-${admin}`, missing: ["RULES_OF_BEHAVIOR"] },
    ]);
    expect(kinds({ grants: [grant(admin)], missingPrivileged: null, mfa: false })).toEqual(["UNKNOWN", "MFA_REQUIRED"]);
    // An ordinary grant needs no acknowledgement facts: nothing unknown.
    expect(kinds({ grants: [grant(viewer)], missingPrivileged: null })).toEqual([]);
  });

  it("do not count a grant that has ended", () => {
    const ended = Object.assign(grant(viewer), { endState: "REVOKED" });
    expect(kinds({ grants: [ended] })).toEqual(["ROLE_REQUIRED"]);
  });
});
