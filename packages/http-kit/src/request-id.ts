import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

// Short and plain: it goes into logs, the audit trail and headers to other services.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's x-request-id when it is a safe token, otherwise a fresh UUID, so ids never carry log injection. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE_REQUEST_ID.test(value) ? value : randomUUID();
}

const requestIds = new AsyncLocalStorage<string>();

/** Runs fn as the request `requestId`: every log line written while it runs (and in what it starts) carries the id. */
export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return requestIds.run(requestId, fn);
}

/** The id of the request being served, or undefined outside one (start-up, schedules). */
export function currentRequestId(): string | undefined {
  return requestIds.getStore();
}
