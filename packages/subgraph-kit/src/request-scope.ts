import { AsyncLocalStorage } from "node:async_hooks";

/** What the kit tracks for the request being served: its id, the SQL statements it has run, and when to stop. */
export interface RequestScope {
  requestId: string;
  sqlStatements: number;
  /** Aborted when the caller's connection closes before the answer. */
  signal?: AbortSignal;
  /** When the caller stops waiting (epoch ms), from the gateway's x-request-timeout-ms. */
  deadline?: number;
  /** The x-request-timeout-ms the deadline came from. */
  timeoutMs?: number;
  /** The most SQL statements the request may run (GraphQL requests only). */
  maxStatements?: number;
  /** Public data the request's committed writes changed, as cache tags (see changes.ts). */
  changes?: Set<string>;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** How a request may be cut short: its caller leaving, or the caller's deadline. */
export type RequestGuards = Pick<RequestScope, "signal" | "deadline" | "timeoutMs">;

/** Runs fn with a fresh request scope, so work it starts (loaders, queries) is counted against this request. */
export function runInRequestScope<T>(requestId: string, fn: () => Promise<T>, guards: RequestGuards = {}): Promise<T> {
  return storage.run({ requestId, sqlStatements: 0, ...guards }, fn);
}

/** The scope of the request being served, or undefined outside one (migrations, seeding). */
export function currentRequest(): RequestScope | undefined {
  return storage.getStore();
}
