import { AsyncLocalStorage } from "node:async_hooks";

/** What the kit tracks for the request being served: its id and the SQL statements it has run. */
export interface RequestScope {
  requestId: string;
  sqlStatements: number;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs fn with a fresh request scope, so work it starts (loaders, queries) is counted against this request. */
export function runInRequestScope<T>(requestId: string, fn: () => Promise<T>): Promise<T> {
  return storage.run({ requestId, sqlStatements: 0 }, fn);
}

/** The scope of the request being served, or undefined outside one (migrations, seeding). */
export function currentRequest(): RequestScope | undefined {
  return storage.getStore();
}
