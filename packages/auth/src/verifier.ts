import { errors, jwtVerify, type JWTPayload } from "jose";
import type { AuthConfig } from "./config.js";
import { createKeySet, KeySetUnavailableError } from "./key-set.js";
import { viewerFromClaims, type Viewer } from "./viewer.js";

/** Asymmetric algorithms only: `none` and HMAC (where a public key could be misused as a secret) are refused. */
export const ACCEPTED_ALGORITHMS = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
];

/** Why a token is refused; `unavailable` is the identity provider's fault, not the token's (retry later). */
export type TokenRejection =
  "malformed" | "expired" | "not_yet_valid" | "issued_in_future" | "lifetime_too_long" | "invalid" | "unavailable";

/**
 * A refused token; the message says what kind of problem, never anything about the token or the keys (the cause, for
 * the log, may say which fetch failed).
 */
export class TokenRejectedError extends Error {
  constructor(
    readonly reason: TokenRejection,
    options?: { cause?: unknown },
  ) {
    super(
      {
        malformed: "The bearer token is malformed",
        expired: "The bearer token has expired",
        not_yet_valid: "The bearer token is not valid yet",
        issued_in_future: "The bearer token is issued in the future",
        lifetime_too_long: "The bearer token lives longer than this service accepts",
        invalid: "The bearer token is not valid",
        unavailable: "The identity provider cannot be reached to verify the bearer token; try again shortly",
      }[reason],
      options,
    );
    this.name = "TokenRejectedError";
  }
}

/** The longest a verified token is taken on trust without checking its signature again. */
export const VERIFIED_TOKEN_SECONDS = 60;
// Distinct tokens remembered per process; the oldest is forgotten first.
const VERIFIED_TOKENS = 10_000;

// RFC 7235: the scheme is case-insensitive and one or more spaces separate it from the credentials.
const BEARER = /^bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i;

/** Verifies bearer tokens into viewers. */
export interface TokenVerifier {
  /** Null without an Authorization header (anonymous); a viewer for a good token; throws TokenRejectedError otherwise. */
  viewerFrom(authorization: string | undefined): Promise<Viewer | null>;
}

/** Makes a verifier; with neither issuer nor JWKS configured, every token is refused and anonymous requests pass. */
export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  let jwksUrl: Promise<URL> | undefined;
  const getKey = createKeySet({
    // Discovery is kept once it succeeded; a failed one is tried again on the next fetch.
    jwksUrl: () => {
      jwksUrl ??= resolveJwksUrl(config);
      jwksUrl.catch(() => (jwksUrl = undefined));
      return jwksUrl;
    },
    maxAgeMs: config.jwksMaxAgeMs,
    cooldownMs: config.jwksCooldownMs,
    timeoutMs: config.jwksTimeoutMs,
  });

  // A signed-in session sends the same token with every request, to the gateway and to each subgraph it calls, and
  // checking its signature (ES256 through WebCrypto) costs about a millisecond on a small machine. A token that
  // verified is therefore remembered, by its exact text, until it expires but for at most VERIFIED_TOKEN_SECONDS, so
  // a key the provider withdraws stops being honoured within that time. Refusals are never remembered.
  const verified = new Map<string, { viewer: Viewer; until: number }>();

  function remember(token: string, viewer: Viewer, expiresAt: number): Viewer {
    const until = Math.min(expiresAt * 1000, Date.now() + VERIFIED_TOKEN_SECONDS * 1000);
    if (verified.size >= VERIFIED_TOKENS) verified.delete(verified.keys().next().value!);
    verified.set(token, { viewer: Object.freeze(viewer), until });
    return viewer;
  }

  return {
    async viewerFrom(authorization) {
      if (authorization === undefined || authorization === "") return null;
      const match = BEARER.exec(authorization.trim());
      if (!match) throw new TokenRejectedError("malformed");
      if (!config.issuer && !config.jwksUrl) throw new TokenRejectedError("invalid");
      const token = match[1]!;
      const known = verified.get(token);
      if (known && Date.now() < known.until) return known.viewer;
      if (known) verified.delete(token);
      try {
        const { payload } = await jwtVerify(token, getKey, {
          algorithms: ACCEPTED_ALGORITHMS,
          audience: config.audience,
          ...(config.issuer ? { issuer: config.issuer } : {}),
          clockTolerance: config.clockToleranceSeconds,
          requiredClaims: ["sub", "exp"],
        });
        checkLifetime(payload, config);
        return remember(token, viewerFromClaims(payload, config.rolesClaim, config.roleMap), payload.exp!);
      } catch (error) {
        throw classify(error);
      }
    },
  };
}

/** Refuses a token issued in the future (beyond the clock skew) or living longer than the configured maximum. */
function checkLifetime(payload: JWTPayload, config: AuthConfig): void {
  const now = Math.floor(Date.now() / 1000);
  // jose has checked that iat, when present, is a number, and that exp is.
  const issuedAt = payload.iat;
  if (issuedAt !== undefined && issuedAt > now + config.clockToleranceSeconds) {
    throw new TokenRejectedError("issued_in_future");
  }
  if (payload.exp! - (issuedAt ?? now) > config.maxTokenLifetimeSeconds) {
    throw new TokenRejectedError("lifetime_too_long");
  }
}

function classify(error: unknown): TokenRejectedError {
  if (error instanceof TokenRejectedError) return error;
  if (error instanceof KeySetUnavailableError) return new TokenRejectedError("unavailable", { cause: error });
  if (error instanceof errors.JWTExpired) return new TokenRejectedError("expired");
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === "nbf") {
    return new TokenRejectedError("not_yet_valid");
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return new TokenRejectedError("malformed");
  }
  return new TokenRejectedError("invalid");
}

/** The JWKS URL: configured directly, or read from the issuer's discovery document. */
async function resolveJwksUrl(config: AuthConfig): Promise<URL> {
  if (config.jwksUrl) return new URL(config.jwksUrl);
  const discovery = new URL(`${config.issuer!.replace(/\/$/, "")}/.well-known/openid-configuration`);
  let document: { jwks_uri?: string };
  try {
    const response = await fetch(discovery, { signal: AbortSignal.timeout(config.jwksTimeoutMs) });
    if (!response.ok) throw new Error(`answered ${response.status}`);
    document = (await response.json()) as typeof document;
  } catch (error) {
    throw new KeySetUnavailableError(`discovery at ${discovery}: ${(error as Error).message}`, { cause: error });
  }
  if (!document.jwks_uri || !URL.canParse(document.jwks_uri)) {
    throw new KeySetUnavailableError(`discovery at ${discovery} has no jwks_uri`);
  }
  return new URL(document.jwks_uri);
}
