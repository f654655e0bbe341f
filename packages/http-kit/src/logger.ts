import { pino, type Logger } from "pino";

export type { Logger };

/** Paths pino replaces with "[redacted]": tokens, cookies and personal data never reach a log line. */
const REDACT = [
  "authorization",
  "headers.authorization",
  "req.headers.authorization",
  'headers["x-gateway-assertion"]',
  'req.headers["x-gateway-assertion"]',
  "headers.cookie",
  "email",
  "*.email",
  "token",
  "*.token",
];

/** A JSON logger named for its service; LOG_LEVEL sets the level (default info, silent in tests unless set). */
export function createLogger(
  service: string,
  options: { level?: string; destination?: pino.DestinationStream } = {},
): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info");
  return pino(
    { name: service, level, redact: { paths: REDACT, censor: "[redacted]" }, base: { service } },
    options.destination,
  );
}
