/**
 * The second credential on every call to a subgraph: a short-lived assertion, signed by the caller's own Ed25519
 * key, that says who is calling (the gateway, the registry, the test harness), which subgraph it is for, and which
 * exact request it covers (method, path, request id and the SHA-256 of the body), with a `jti` used once. The user's
 * token says who is asking; this says through which door. See docs/adr/0003.
 */
import { createHash, randomUUID, sign, verify as verifySignature, type KeyObject } from "node:crypto";

/** The callers a subgraph may trust; the role decides what the caller may do there. */
export const CALLER_ROLES = ["gateway", "registry", "test"] as const;
export type CallerRole = (typeof CALLER_ROLES)[number];

/** The request header that carries the assertion. */
export const CALLER_ASSERTION_HEADER = "x-gateway-assertion";
/** Explicit JWT type (RFC 8725), so no other token of the same keys could pass for an assertion. */
export const CALLER_ASSERTION_TYPE = "caller-assertion+jwt";
/** The lifetime the gateway gives each assertion: it is checked when the request arrives, so seconds suffice. */
export const ASSERTION_LIFETIME_SECONDS = 5;
/** The longest lifetime a subgraph accepts; it also bounds how long a used `jti` must be remembered. */
export const MAX_ASSERTION_LIFETIME_SECONDS = 60;

/** A caller's private key, with the key id (RFC 7638 thumbprint) subgraphs know its public key by. */
export interface CallerSigningKey {
  role: CallerRole;
  kid: string;
  key: KeyObject;
}

/** A public key a subgraph trusts, and the role of the caller holding its private half. */
export interface TrustedCallerKey {
  role: CallerRole;
  kid: string;
  key: KeyObject;
}

/** The request an assertion covers. `target` is the path and query string as sent (`/graphql`). */
export interface CallDescription {
  /** The subgraph's name, as in schema/subgraphs.json. */
  audience: string;
  method: string;
  target: string;
  body: string | Uint8Array;
  /** The x-request-id header sent with the call ("" when none is sent). */
  requestId?: string;
}

/** Overrides for tests that need a flawed assertion; the gateway never sets them. */
export interface SignOverrides {
  issuedAt?: number;
  lifetimeSeconds?: number;
  jti?: string;
  bodyHash?: string;
}

/** base64url(SHA-256(body)): what binds an assertion to one exact request body. */
export function bodyHash(body: string | Uint8Array): string {
  return createHash("sha256").update(body).digest("base64url");
}

/**
 * Signs an assertion for one call: a compact JWS (RFC 7515) with EdDSA over Ed25519. Signed with node:crypto in one
 * synchronous call, since the gateway signs every subgraph fetch.
 */
export async function signCallerAssertion(
  signing: CallerSigningKey,
  call: CallDescription,
  overrides: SignOverrides = {},
): Promise<string> {
  const issuedAt = overrides.issuedAt ?? Math.floor(Date.now() / 1000);
  const header = { alg: "EdDSA", kid: signing.kid, typ: CALLER_ASSERTION_TYPE };
  const claims = {
    htm: call.method.toUpperCase(),
    htu: call.target,
    rid: call.requestId ?? "",
    bsh: overrides.bodyHash ?? bodyHash(call.body),
    iss: signing.role,
    aud: call.audience,
    iat: issuedAt,
    exp: issuedAt + (overrides.lifetimeSeconds ?? ASSERTION_LIFETIME_SECONDS),
    jti: overrides.jti ?? randomUUID(),
  };
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  return `${input}.${sign(null, Buffer.from(input), signing.key).toString("base64url")}`;
}

function base64url(text: string): string {
  return Buffer.from(text).toString("base64url");
}

/** Why an assertion was refused; each says which check failed, never anything about the keys. */
export type CallerProofReason =
  | "NOT_CONFIGURED"
  | "MISSING"
  | "MALFORMED"
  | "UNKNOWN_KEY"
  | "BAD_SIGNATURE"
  | "EXPIRED"
  | "NOT_YET_VALID"
  | "TOO_LONG"
  | "WRONG_AUDIENCE"
  | "REQUEST_MISMATCH"
  | "BODY_MISMATCH"
  | "REPLAYED";

const MESSAGES: Record<CallerProofReason, string> = {
  NOT_CONFIGURED: "This subgraph trusts no caller yet: set TRUSTED_CALLER_KEYS",
  MISSING: `This subgraph answers only the gateway: the request has no ${CALLER_ASSERTION_HEADER}`,
  MALFORMED: "The gateway assertion is malformed",
  UNKNOWN_KEY: "The gateway assertion is signed by a key this subgraph does not trust",
  BAD_SIGNATURE: "The gateway assertion's signature is not valid",
  EXPIRED: "The gateway assertion has expired",
  NOT_YET_VALID: "The gateway assertion is not valid yet",
  TOO_LONG: `The gateway assertion lives longer than ${MAX_ASSERTION_LIFETIME_SECONDS} seconds`,
  WRONG_AUDIENCE: "The gateway assertion is for another subgraph",
  REQUEST_MISMATCH: "The gateway assertion is for another request (method, path or request id)",
  BODY_MISMATCH: "The gateway assertion does not match the request body",
  REPLAYED: "The gateway assertion was already used",
};

/** A refused assertion. */
export class CallerProofError extends Error {
  constructor(readonly reason: CallerProofReason) {
    super(MESSAGES[reason]);
    this.name = "CallerProofError";
  }
}

/** A verified caller. */
export interface VerifiedCaller {
  role: CallerRole;
  kid: string;
}

/** Verifies assertions for one subgraph. */
export interface CallerVerifier {
  /** The caller behind a request, or CallerProofError. `assertion` is the header's value. */
  verify(assertion: string | string[] | undefined, call: CallDescription): Promise<VerifiedCaller>;
}

/**
 * Verifies assertions addressed to `audience` with the trusted keys. A `jti` is remembered, in this process, until
 * its assertion expires (plus the skew), so each assertion is good for one request; it is recorded only once every
 * other check has passed, so a tampered copy cannot spend the genuine request's `jti`.
 *
 * Every subgraph request is verified, so this is node:crypto's one synchronous Ed25519 check over a compact JWS
 * whose header may hold exactly `alg: "EdDSA"`, the `typ` of an assertion and a `kid` (no `crit`, no embedded key),
 * then plain checks of the claims: a quarter of what a general JWT library's asynchronous verification costs.
 */
export function createCallerVerifier(options: {
  audience: string;
  trusted: TrustedCallerKey[];
  clockSkewSeconds: number;
}): CallerVerifier {
  for (const trusted of options.trusted) {
    if (trusted.key.type !== "public" || trusted.key.asymmetricKeyType !== "ed25519") {
      throw new Error(`the trusted ${trusted.role} key ${trusted.kid} is not an Ed25519 public key`);
    }
  }
  const byKid = new Map(options.trusted.map((trusted) => [trusted.kid, trusted]));
  const seen = new Map<string, number>();
  let nextSweep = 0;
  const skew = options.clockSkewSeconds;

  function remember(jti: string, expiresAt: number, now: number): void {
    // Entries expire in roughly the order they arrive; one pass a second keeps the map to the last minute's calls.
    if (now >= nextSweep) {
      for (const [key, until] of seen) if (until < now) seen.delete(key);
      nextSweep = now + 1;
    }
    seen.set(jti, expiresAt + skew);
  }

  return {
    async verify(assertion, call) {
      if (byKid.size === 0) throw new CallerProofError("NOT_CONFIGURED");
      if (typeof assertion !== "string" || assertion === "") throw new CallerProofError("MISSING");
      const parts = assertion.length <= MAX_ASSERTION_CHARS ? assertion.split(".") : [];
      if (parts.length !== 3) throw new CallerProofError("MALFORMED");
      const [encodedHeader, encodedClaims, encodedSignature] = parts as [string, string, string];
      const header = decodeJson(encodedHeader);
      if (
        !header ||
        Object.keys(header).some((name) => !HEADER_PARAMETERS.has(name)) ||
        header.alg !== "EdDSA" ||
        header.typ !== CALLER_ASSERTION_TYPE ||
        typeof header.kid !== "string"
      ) {
        throw new CallerProofError("MALFORMED");
      }
      const trusted = byKid.get(header.kid);
      if (!trusted) throw new CallerProofError("UNKNOWN_KEY");
      const signed = Buffer.from(`${encodedHeader}.${encodedClaims}`);
      if (!verifySignature(null, signed, trusted.key, Buffer.from(encodedSignature, "base64url"))) {
        throw new CallerProofError("BAD_SIGNATURE");
      }
      const claims = decodeJson(encodedClaims);
      if (!claims || claims.iss !== trusted.role) throw new CallerProofError("MALFORMED");
      const { iat, exp, nbf, jti, aud } = claims;
      if (!isTime(iat) || !isTime(exp) || (nbf !== undefined && !isTime(nbf))) throw new CallerProofError("MALFORMED");
      if (typeof jti !== "string" || jti.length === 0 || jti.length > 128) throw new CallerProofError("MALFORMED");
      if (aud !== options.audience && !(Array.isArray(aud) && aud.includes(options.audience))) {
        throw new CallerProofError("WRONG_AUDIENCE");
      }
      const now = Math.floor(Date.now() / 1000);
      if (exp <= now - skew) throw new CallerProofError("EXPIRED");
      if (iat > now + skew || (nbf !== undefined && nbf > now + skew)) throw new CallerProofError("NOT_YET_VALID");
      if (exp - iat > MAX_ASSERTION_LIFETIME_SECONDS) throw new CallerProofError("TOO_LONG");
      if (
        claims.htm !== call.method.toUpperCase() ||
        claims.htu !== call.target ||
        claims.rid !== (call.requestId ?? "")
      ) {
        throw new CallerProofError("REQUEST_MISMATCH");
      }
      if (claims.bsh !== bodyHash(call.body)) throw new CallerProofError("BODY_MISMATCH");
      const id = `${trusted.kid}:${jti}`;
      if (seen.has(id)) throw new CallerProofError("REPLAYED");
      remember(id, exp, now);
      return { role: trusted.role, kid: trusted.kid };
    },
  };
}

// An assertion is a few hundred characters; anything far longer is not one (and is not worth decoding).
const MAX_ASSERTION_CHARS = 4096;
const HEADER_PARAMETERS = new Set(["alg", "typ", "kid"]);

/** A base64url segment holding a JSON object, or null. */
function decodeJson(segment: string): Record<string, unknown> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(segment)) return null;
  try {
    const value = JSON.parse(Buffer.from(segment, "base64url").toString("utf8")) as unknown;
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function isTime(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}
