import { isIP } from "node:net";
import { readFlag, readSetting, readWholeNumber } from "@portal-graph/http-kit";

/** Budgets per client (signed-in subject, or address for anonymous callers) per window. */
export interface RateLimitConfig {
  enabled: boolean;
  windowSeconds: number;
  /** Requests a client may make in one window. */
  requests: number;
  /** Cost units (the operation estimate) a client may spend in one window. */
  cost: number;
  /** Shares the counts across gateway replicas; in memory when unset. */
  redisUrl?: string;
  /** Prefix of every Redis key, so several graphs (or test runs) can share one Redis. */
  keyPrefix: string;
  /** Peers whose X-Forwarded-For is believed: addresses or CIDR ranges. */
  trustedProxies: string[];
}

/**
 * Reads the rate limits: on by default only in production (development, the tests and the benchmark call from one
 * address); see the README's "Operation limits" for why the defaults are what they are.
 */
export function loadRateLimitConfig(env: NodeJS.ProcessEnv): RateLimitConfig {
  return {
    enabled: readFlag(env, "RATE_LIMIT") ?? env.NODE_ENV === "production",
    windowSeconds: readWholeNumber(env, "RATE_LIMIT_WINDOW_SECONDS", 60, 1, 86_400),
    requests: readWholeNumber(env, "RATE_LIMIT_REQUESTS", 600, 1, 1_000_000_000),
    cost: readWholeNumber(env, "RATE_LIMIT_COST", 1_000_000, 1, 1_000_000_000_000),
    redisUrl: readRedisUrl(env),
    keyPrefix: readSetting(env, "RATE_LIMIT_KEY_PREFIX") ?? "portal-graph:rate:",
    trustedProxies: readTrustedProxies(env),
  };
}

function readRedisUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = readSetting(env, "REDIS_URL");
  if (raw === undefined) return undefined;
  let protocol: string;
  try {
    protocol = new URL(raw).protocol;
  } catch {
    // The value is left out: it may carry a password.
    throw new Error("REDIS_URL must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379 (it is not a URL)");
  }
  if (protocol !== "redis:" && protocol !== "rediss:") {
    throw new Error(
      `REDIS_URL must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379 (it is ${protocol}//)`,
    );
  }
  return raw;
}

function readTrustedProxies(env: NodeJS.ProcessEnv): string[] {
  const raw = readSetting(env, "TRUSTED_PROXIES");
  if (raw === undefined) return [];
  return raw.split(",").map((entry) => {
    const value = entry.trim();
    const [address, bits, ...rest] = value.split("/");
    const family = isIP(address ?? "");
    const maxBits = family === 6 ? 128 : 32;
    const validBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (family === 0 || !validBits || rest.length > 0) {
      throw new Error(
        `TRUSTED_PROXIES entries must be IP addresses or CIDR ranges such as 10.0.0.0/8 (got "${value}")`,
      );
    }
    return value;
  });
}
