import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestErrorCode } from "./error-codes.js";

/** Which browser origins may call a service, and how long a browser may keep a preflight's answer. */
export interface CorsPolicy {
  origins: readonly string[];
  maxAgeSeconds?: number;
}

/** Request headers a browser may send cross-origin: the token, JSON, request ids and Apollo's CSRF headers. */
export const CORS_ALLOWED_HEADERS = [
  "authorization",
  "content-type",
  "accept",
  "x-request-id",
  "apollo-require-preflight",
  "x-apollo-operation-name",
];

/** The example portal UI of `npm start`, allowed by default outside production. */
export const DEVELOPMENT_UI_ORIGIN = "http://localhost:3000";

/**
 * Applies the policy to a request: an allowed origin gets its own origin back (never `*`) and may read x-request-id;
 * a preflight is answered here, 204 for an allowed origin and 403 for any other, so it never reaches a handler.
 * Returns true when the response has been sent.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, policy: CorsPolicy): boolean {
  const origin = req.headers.origin;
  // The answer depends on Origin, so caches must keep one copy per origin.
  addVary(res, "Origin");
  const allowed = origin !== undefined && policy.origins.includes(origin);
  if (req.method === "OPTIONS" && origin !== undefined && req.headers["access-control-request-method"]) {
    if (!allowed) {
      const text = JSON.stringify({
        errors: [
          {
            message: "This origin may not call this service",
            extensions: { code: "FORBIDDEN" satisfies RequestErrorCode },
          },
        ],
      });
      res.writeHead(403, {
        "content-type": "application/json; charset=utf-8",
        "content-length": Buffer.byteLength(text),
      });
      res.end(text);
      return true;
    }
    res.writeHead(204, {
      "access-control-allow-origin": origin,
      "access-control-allow-methods": "GET, POST",
      "access-control-allow-headers": CORS_ALLOWED_HEADERS.join(", "),
      "access-control-max-age": String(policy.maxAgeSeconds ?? 600),
    });
    res.end();
    return true;
  }
  if (allowed) {
    res.setHeader("access-control-allow-origin", origin);
    // Age: how old an answer from the gateway's response cache is (not a CORS-safelisted header).
    res.setHeader("access-control-expose-headers", "x-request-id, age");
  }
  return false;
}

/** Adds header names ("Origin", or a list "Accept, Origin") to Vary, keeping what is there. */
export function addVary(res: ServerResponse, value: string): void {
  const split = (text: string) =>
    text
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
  const current = res.getHeader("vary");
  const names = split(current === undefined ? "" : String(current));
  for (const name of split(value)) {
    if (!names.some((part) => part.toLowerCase() === name.toLowerCase())) names.push(name);
  }
  res.setHeader("vary", names.join(", "));
}

/**
 * CORS_ORIGINS: comma-separated origins (`https://portal.example.gov,https://admin.example.gov`). Unset, it is the
 * example UI's origin outside production and nothing in production. A bad entry throws, naming it and the rule.
 */
export function readCorsOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  const raw = env.CORS_ORIGINS?.trim();
  if (!raw) return env.NODE_ENV === "production" ? [] : [DEVELOPMENT_UI_ORIGIN];
  return raw
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const origin = URL.canParse(entry) ? new URL(entry).origin : "null";
      if (origin === "null" || origin !== entry) {
        throw new Error(
          `CORS_ORIGINS entries must be origins such as https://portal.example.gov, with no path or trailing slash (got "${entry}")`,
        );
      }
      return origin;
    });
}
