import { createLocalJWKSet, errors, type JWTVerifyGetKey } from "jose";

/** The identity provider's keys could not be fetched (refused, timed out, a non-200 answer, not a key set). */
export class KeySetUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "KeySetUnavailableError";
  }
}

/** Where the keys are and how they are kept. */
export interface KeySetOptions {
  /** The JWKS URL (configured, or read from discovery); called again after it fails. */
  jwksUrl(): Promise<URL>;
  /** After this long the set is refreshed in the background while the held one keeps verifying. */
  maxAgeMs: number;
  /** Least time between two fetches caused by a key id the set does not hold (rotation). */
  cooldownMs: number;
  timeoutMs: number;
}

/**
 * The issuer's signing keys for jose's jwtVerify. Unlike jose's remote set, the last good set is kept through an
 * outage: a stale set is refreshed in the background and goes on verifying the tokens it covers, so signed-in users
 * keep working while the identity provider is down. Only a token whose key is not held (and cannot be fetched)
 * fails, with KeySetUnavailableError.
 */
export function createKeySet(options: KeySetOptions): JWTVerifyGetKey {
  let local: ReturnType<typeof createLocalJWKSet> | undefined;
  let fetchedAt = 0;
  let attemptedAt = 0;
  let failing = false;
  let pending: Promise<void> | undefined;

  const refresh = () => {
    pending ??= fetchKeySet(options)
      .then((next) => {
        local = next;
        fetchedAt = Date.now();
        failing = false;
      })
      .catch((error: unknown) => {
        failing = true;
        throw error;
      })
      .finally(() => {
        attemptedAt = Date.now();
        pending = undefined;
      });
    return pending;
  };

  return async (header, token) => {
    if (!local) {
      await refresh();
    } else if (Date.now() - fetchedAt >= options.maxAgeMs && Date.now() - attemptedAt >= options.cooldownMs) {
      // Stale: refresh without waiting; a failure leaves the held set in place.
      refresh().catch(() => undefined);
    }
    try {
      return await local!(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      if (Date.now() - attemptedAt < options.cooldownMs) {
        // Too soon to fetch again: while the provider is failing, an unknown key cannot be judged either way.
        if (failing) throw new KeySetUnavailableError("the key set could not be refreshed", { cause: error });
        throw error;
      }
      await refresh();
      return local!(header, token);
    }
  };
}

async function fetchKeySet(options: KeySetOptions): Promise<ReturnType<typeof createLocalJWKSet>> {
  let response: Response;
  let url: URL;
  try {
    url = await options.jwksUrl();
    const signal = AbortSignal.timeout(options.timeoutMs);
    const get = () =>
      fetch(url, { headers: { accept: "application/json, application/jwk-set+json" }, redirect: "manual", signal });
    // A kept-alive connection the provider closed while idle fails before any answer: ask once more on a new one.
    response = await get().catch((error: unknown) => (closedBeforeAnswer(error) ? get() : Promise.reject(error)));
  } catch (error) {
    if (error instanceof KeySetUnavailableError) throw error;
    const reason = (error as Error).name === "TimeoutError" ? `no answer within ${options.timeoutMs} ms` : "no answer";
    throw new KeySetUnavailableError(`the key set: ${reason}`, { cause: error });
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new KeySetUnavailableError(`the key set at ${url} answered ${response.status}`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    const timedOut = (error as Error).name === "TimeoutError";
    throw new KeySetUnavailableError(`the key set at ${url} ${timedOut ? "did not arrive in time" : "is not JSON"}`, {
      cause: error,
    });
  }
  try {
    return createLocalJWKSet(body as Parameters<typeof createLocalJWKSet>[0]);
  } catch (error) {
    throw new KeySetUnavailableError(`the key set at ${url} is not a JSON Web Key Set`, { cause: error });
  }
}

/** fetch failed because the connection closed before the response began (a stale keep-alive socket). */
function closedBeforeAnswer(error: unknown): boolean {
  const code = ((error as Error).cause as { code?: string } | undefined)?.code;
  return code === "UND_ERR_SOCKET" || code === "ECONNRESET";
}
