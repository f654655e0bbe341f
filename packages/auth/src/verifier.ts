import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from "jose";
import type { AuthConfig } from "./config.js";
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

/** A refused token; the message says what kind of problem, never anything about the token or the keys. */
export class TokenRejectedError extends Error {
  constructor(readonly reason: "malformed" | "expired" | "not_yet_valid" | "invalid" | "unavailable") {
    super(
      {
        malformed: "The bearer token is malformed",
        expired: "The bearer token has expired",
        not_yet_valid: "The bearer token is not valid yet",
        invalid: "The bearer token is not valid",
        unavailable: "Tokens cannot be verified right now",
      }[reason],
    );
    this.name = "TokenRejectedError";
  }
}

/** Verifies bearer tokens into viewers. */
export interface TokenVerifier {
  /** Null without an Authorization header (anonymous); a viewer for a good token; throws TokenRejectedError otherwise. */
  viewerFrom(authorization: string | undefined): Promise<Viewer | null>;
}

/** Makes a verifier; with neither issuer nor JWKS configured, every token is refused and anonymous requests pass. */
export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  let keys: Promise<JWTVerifyGetKey> | undefined;
  const keySet = () => {
    // The key set is fetched again when a token names a kid it does not hold (rotation), at most once per
    // cooldown, and otherwise kept for 10 minutes.
    keys ??= resolveJwksUrl(config).then((url) =>
      createRemoteJWKSet(url, {
        cooldownDuration: config.jwksCooldownMs,
        cacheMaxAge: 600_000,
        timeoutDuration: 5_000,
      }),
    );
    // A failed discovery is retried on the next request rather than cached for ever.
    keys.catch(() => (keys = undefined));
    return keys;
  };

  return {
    async viewerFrom(authorization) {
      if (authorization === undefined || authorization === "") return null;
      const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization.trim());
      if (!match) throw new TokenRejectedError("malformed");
      if (!config.issuer && !config.jwksUrl) throw new TokenRejectedError("invalid");
      let getKey: JWTVerifyGetKey;
      try {
        getKey = await keySet();
      } catch {
        throw new TokenRejectedError("unavailable");
      }
      try {
        const { payload } = await jwtVerify(match[1]!, getKey, {
          algorithms: ACCEPTED_ALGORITHMS,
          audience: config.audience,
          ...(config.issuer ? { issuer: config.issuer } : {}),
          clockTolerance: config.clockToleranceSeconds,
          requiredClaims: ["sub", "exp"],
        });
        return viewerFromClaims(payload, config.rolesClaim, config.roleMap);
      } catch (error) {
        throw classify(error);
      }
    },
  };
}

function classify(error: unknown): TokenRejectedError {
  if (error instanceof TokenRejectedError) return error;
  if (error instanceof errors.JWTExpired) return new TokenRejectedError("expired");
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === "nbf") {
    return new TokenRejectedError("not_yet_valid");
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return new TokenRejectedError("malformed");
  }
  if (error instanceof errors.JWKSTimeout) return new TokenRejectedError("unavailable");
  return new TokenRejectedError("invalid");
}

/** The JWKS URL: configured directly, or read from the issuer's discovery document. */
async function resolveJwksUrl(config: AuthConfig): Promise<URL> {
  if (config.jwksUrl) return new URL(config.jwksUrl);
  const discovery = new URL(`${config.issuer!.replace(/\/$/, "")}/.well-known/openid-configuration`);
  const response = await fetch(discovery, { signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`discovery at ${discovery} answered ${response.status}`);
  const document = (await response.json()) as { jwks_uri?: string; issuer?: string };
  if (!document.jwks_uri) throw new Error(`discovery at ${discovery} has no jwks_uri`);
  return new URL(document.jwks_uri);
}
