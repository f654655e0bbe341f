import { PORTAL_ROLES, type PortalRole } from "./viewer.js";
import { readWholeNumber } from "@portal-graph/http-kit";

/** How tokens are verified and read; the same for the gateway and every subgraph. */
export interface AuthConfig {
  /** The issuer (`iss`); its discovery document gives the JWKS unless jwksUrl is set. */
  issuer: string | null;
  jwksUrl: string | null;
  audience: string;
  clockToleranceSeconds: number;
  rolesClaim: string;
  /** Least time between two JWKS fetches caused by unknown key ids (rotation), in milliseconds. */
  jwksCooldownMs: number;
  /** After this long the key set is refreshed (in the background: the held set keeps verifying meanwhile). */
  jwksMaxAgeMs: number;
  /** How long a JWKS or discovery fetch may take before the identity provider counts as unavailable. */
  jwksTimeoutMs: number;
  /** Longest lifetime a token may have: exp - iat, or exp - now without iat. */
  maxTokenLifetimeSeconds: number;
  /** Identity-provider group → portal role. */
  roleMap: Record<string, PortalRole>;
}

/** The path the development issuer's identifier ends with, so production can recognise and refuse it. */
export const DEV_ISSUER_PATH = "/dev-issuer";

/** The groups the development issuer puts in tokens, mapped to portal roles; also the default mapping. */
export const DEFAULT_ROLE_MAP: Record<string, PortalRole> = {
  "portal-admins": "PORTAL_ADMIN",
  "helpdesk-admins": "HELPDESK_ADMIN",
  "policy-admins": "POLICY_ADMIN",
  auditors: "AUDITOR",
};

/**
 * Reads OIDC_ISSUER, OIDC_JWKS_URL, OIDC_AUDIENCE (default portal-graph), OIDC_CLOCK_SKEW_SECONDS (default 60),
 * OIDC_ROLES_CLAIM (default groups), OIDC_ROLE_MAP ("group=ROLE,group=ROLE"), OIDC_JWKS_COOLDOWN_SECONDS (default 30)
 * and MAX_TOKEN_LIFETIME_SECONDS (default 86400). In production an issuer or JWKS URL is required and the development
 * issuer is refused; errors name the variable and the rule.
 */
export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const issuer = env.OIDC_ISSUER?.trim() || null;
  const jwksUrl = env.OIDC_JWKS_URL?.trim() || null;
  for (const [name, value] of [
    ["OIDC_ISSUER", issuer],
    ["OIDC_JWKS_URL", jwksUrl],
  ] as const) {
    if (value && !URL.canParse(value)) throw new Error(`${name} must be an absolute URL, got "${value}"`);
  }
  if (env.NODE_ENV === "production") {
    if (!issuer && !jwksUrl) throw new Error("OIDC_ISSUER or OIDC_JWKS_URL is required when NODE_ENV=production");
    if ([issuer, jwksUrl].some((url) => url && new URL(url).pathname.startsWith(DEV_ISSUER_PATH))) {
      throw new Error(
        "the development issuer cannot be trusted when NODE_ENV=production: set OIDC_ISSUER to your identity provider",
      );
    }
  }
  const skew = Number(env.OIDC_CLOCK_SKEW_SECONDS ?? 60);
  if (!Number.isInteger(skew) || skew < 0 || skew > 300) {
    throw new Error(
      `OIDC_CLOCK_SKEW_SECONDS must be a whole number of seconds from 0 to 300, got "${env.OIDC_CLOCK_SKEW_SECONDS}"`,
    );
  }
  return {
    issuer,
    jwksUrl,
    audience: env.OIDC_AUDIENCE?.trim() || "portal-graph",
    clockToleranceSeconds: skew,
    rolesClaim: env.OIDC_ROLES_CLAIM?.trim() || "groups",
    jwksCooldownMs: 1000 * readWholeNumber(env, "OIDC_JWKS_COOLDOWN_SECONDS", 30, 0, 3600),
    jwksMaxAgeMs: 600_000,
    jwksTimeoutMs: 5_000,
    // A day: a stolen token with a long life is a long-lived credential, whatever its issuer intended.
    maxTokenLifetimeSeconds: readWholeNumber(env, "MAX_TOKEN_LIFETIME_SECONDS", 86_400, 60, 31_536_000),
    roleMap: env.OIDC_ROLE_MAP ? parseRoleMap(env.OIDC_ROLE_MAP) : DEFAULT_ROLE_MAP,
  };
}

function parseRoleMap(text: string): Record<string, PortalRole> {
  const map: Record<string, PortalRole> = {};
  for (const pair of text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [group, role] = pair.split("=").map((part) => part?.trim());
    if (!group || !PORTAL_ROLES.includes(role as PortalRole)) {
      throw new Error(
        `OIDC_ROLE_MAP entries must be group=ROLE with ROLE one of ${PORTAL_ROLES.join(", ")}, got "${pair}"`,
      );
    }
    map[group] = role as PortalRole;
  }
  return map;
}
