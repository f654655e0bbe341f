import { pino, type Logger } from "pino";
import { currentRequestId } from "./request-id.js";

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

/**
 * A JSON logger named for its service; LOG_LEVEL sets the level (default info, silent in tests unless set). A line
 * written while a request is served carries its `requestId`, whoever logs it (our code, Apollo, TypeORM).
 */
export function createLogger(
  service: string,
  options: { level?: string; destination?: pino.DestinationStream } = {},
): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info");
  return pino(
    { name: service, level, redact: { paths: REDACT, censor: "[redacted]" }, base: { service }, mixin: withRequestId },
    options.destination,
  );
}

// Adds the current request's id unless the line, or the child logger writing it, already names one.
function withRequestId(line: object, _level: number, logger: Logger): object {
  const requestId = currentRequestId();
  if (!requestId || "requestId" in line || "requestId" in logger.bindings()) return {};
  return { requestId };
}
