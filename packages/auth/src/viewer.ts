import type { JWTPayload } from "jose";

/** The portal-wide roles; which identity-provider groups grant them is configuration. */
export const PORTAL_ROLES = ["PORTAL_ADMIN", "HELPDESK_ADMIN", "POLICY_ADMIN", "AUDITOR"] as const;
export type PortalRole = (typeof PORTAL_ROLES)[number];

/** Whether the viewer signed in with a second factor, and which methods (the token's `amr`). */
export interface MfaStatus {
  enrolled: boolean;
  factors: string[];
}

/** The signed-in user a request acts for, made from verified token claims. */
export interface Viewer {
  id: string;
  displayName: string | null;
  email: string | null;
  portalRoles: PortalRole[];
  /** Every group the token lists (owner groups of applications are checked against these). */
  groups: string[];
  authTime: Date | null;
  mfa: MfaStatus;
}

// Authentication methods (RFC 8176 and Okta's) that are a second factor on their own.
const SECOND_FACTORS = new Set([
  "mfa",
  "otp",
  "sms",
  "hwk",
  "swk",
  "fpt",
  "face",
  "iris",
  "pop",
  "sc",
  "tel",
  "kba",
  "mca",
]);

/** Turns verified claims into the viewer; groups map to portal roles through `roleMap` (group → role). */
export function viewerFromClaims(
  claims: JWTPayload & Record<string, unknown>,
  rolesClaim: string,
  roleMap: Record<string, PortalRole>,
): Viewer {
  const groups = claims[rolesClaim];
  const groupList = (Array.isArray(groups) ? groups : typeof groups === "string" ? [groups] : []).map(String);
  const portalRoles = new Set<PortalRole>();
  for (const group of groupList) {
    const role = roleMap[group];
    if (role) portalRoles.add(role);
  }
  const amr = Array.isArray(claims.amr) ? claims.amr.map(String) : [];
  const text = (value: unknown) => (typeof value === "string" && value.trim() ? value : null);
  return {
    id: claims.sub!,
    displayName: text(claims.name) ?? text(claims.preferred_username),
    email: text(claims.email),
    portalRoles: PORTAL_ROLES.filter((role) => portalRoles.has(role)),
    groups: groupList,
    authTime: typeof claims.auth_time === "number" ? new Date(claims.auth_time * 1000) : null,
    mfa: mfaStatusOf(amr),
  };
}

/** MFA status from authentication methods: enrolled when any of them is a second factor. */
export function mfaStatusOf(amr: string[]): MfaStatus {
  return { enrolled: amr.some((method) => SECOND_FACTORS.has(method)), factors: [...amr] };
}
