/**
 * The second credential on every call to a subgraph: a short-lived assertion, signed by the caller's own Ed25519
 * key, that says who is calling (the gateway, the registry, the test harness), which subgraph it is for, and which
 * exact request it covers (method, path, request id and the SHA-256 of the body), with a `jti` used once. The user's
 * token says who is asking; this says through which door. See docs/adr/0003.
 */
import { createHash, randomUUID, type KeyObject } from "node:crypto";
import { decodeProtectedHeader, errors, jwtVerify, SignJWT, type JWTPayload } from "jose";

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

/** Signs an assertion for one call. */
export async function signCallerAssertion(
  signing: CallerSigningKey,
  call: CallDescription,
  overrides: SignOverrides = {},
): Promise<string> {
  const issuedAt = overrides.issuedAt ?? Math.floor(Date.now() / 1000);
  return new SignJWT({
    htm: call.method.toUpperCase(),
    htu: call.target,
    rid: call.requestId ?? "",
    bsh: overrides.bodyHash ?? bodyHash(call.body),
  })
    .setProtectedHeader({ alg: "EdDSA", kid: signing.kid, typ: CALLER_ASSERTION_TYPE })
    .setIssuer(signing.role)
    .setAudience(call.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (overrides.lifetimeSeconds ?? ASSERTION_LIFETIME_SECONDS))
    .setJti(overrides.jti ?? randomUUID())
    .sign(signing.key);
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
 */
export function createCallerVerifier(options: {
  audience: string;
  trusted: TrustedCallerKey[];
  clockSkewSeconds: number;
}): CallerVerifier {
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
      let kid: string | undefined;
      try {
        kid = decodeProtectedHeader(assertion).kid;
      } catch {
        throw new CallerProofError("MALFORMED");
      }
      const trusted = kid === undefined ? undefined : byKid.get(kid);
      if (!trusted) throw new CallerProofError("UNKNOWN_KEY");
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(assertion, trusted.key, {
          algorithms: ["EdDSA"],
          typ: CALLER_ASSERTION_TYPE,
          issuer: trusted.role,
          audience: options.audience,
          clockTolerance: skew,
          requiredClaims: ["iat", "exp", "jti"],
        }));
      } catch (error) {
        throw classify(error);
      }
      const now = Math.floor(Date.now() / 1000);
      const { iat, exp, jti } = payload as { iat: number; exp: number; jti: unknown };
      if (exp - iat > MAX_ASSERTION_LIFETIME_SECONDS) throw new CallerProofError("TOO_LONG");
      if (iat > now + skew) throw new CallerProofError("NOT_YET_VALID");
      if (typeof jti !== "string" || jti.length === 0 || jti.length > 128) throw new CallerProofError("MALFORMED");
      if (
        payload.htm !== call.method.toUpperCase() ||
        payload.htu !== call.target ||
        payload.rid !== (call.requestId ?? "")
      ) {
        throw new CallerProofError("REQUEST_MISMATCH");
      }
      if (payload.bsh !== bodyHash(call.body)) throw new CallerProofError("BODY_MISMATCH");
      const id = `${trusted.kid}:${jti}`;
      if (seen.has(id)) throw new CallerProofError("REPLAYED");
      remember(id, exp, now);
      return { role: trusted.role, kid: trusted.kid };
    },
  };
}

function classify(error: unknown): CallerProofError {
  if (error instanceof errors.JWTExpired) return new CallerProofError("EXPIRED");
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "aud") return new CallerProofError("WRONG_AUDIENCE");
    if (error.claim === "iat" || error.claim === "nbf") return new CallerProofError("NOT_YET_VALID");
    return new CallerProofError("MALFORMED");
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return new CallerProofError("BAD_SIGNATURE");
  return new CallerProofError("MALFORMED");
}
