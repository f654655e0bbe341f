import type { ServerResponse } from "node:http";
import { readSetting, readWholeNumber } from "./settings.js";

/**
 * Headers on every response of every process: no MIME sniffing, no referrer, and a Content-Security-Policy that lets
 * a JSON answer load nothing and be framed nowhere (a route serving HTML sets its own). Strict-Transport-Security only
 * when configured, since it is a promise that the service is reached over TLS.
 */
export function setSecurityHeaders(res: ServerResponse, hstsMaxAgeSeconds: number | null): void {
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", "no-referrer");
  res.setHeader("content-security-policy", "default-src 'none'; frame-ancestors 'none'");
  if (hstsMaxAgeSeconds !== null) res.setHeader("strict-transport-security", `max-age=${hstsMaxAgeSeconds}`);
}

const TWO_YEARS = 63_072_000;

/** HSTS_MAX_AGE_SECONDS: unset (no header) or 0 to 63072000; a bad value throws, naming the variable and the rule. */
export function readHstsMaxAgeSeconds(env: NodeJS.ProcessEnv = process.env): number | null {
  if (readSetting(env, "HSTS_MAX_AGE_SECONDS") === undefined) return null;
  return readWholeNumber(env, "HSTS_MAX_AGE_SECONDS", 0, 0, TWO_YEARS);
}
