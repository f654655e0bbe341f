import { isChangeTag, PUBLIC_DATA_CHANGES_HEADER } from "@portal-graph/http-kit";
import { currentRequest } from "./request-scope.js";

/**
 * Reports that the request's write, now committed, changed public data the gateway may have cached: the tags
 * (`Application:pecos-ai`, `HelpDesk:pecos-help`, `Policy:rules-of-behavior`, or a bare type name) go back to the
 * gateway on the answer's `x-public-data-changes` header, and the gateway evicts what it cached at once. Call it only
 * after the write's transaction committed, and only for data some type declares PUBLIC with `@cacheControl`: a
 * change to one user's own data needs no report, since nothing private is cached.
 */
export function reportChanges(...tags: string[]): void {
  const scope = currentRequest();
  if (!scope) return;
  for (const tag of tags) {
    if (!isChangeTag(tag)) throw new Error(`"${tag}" is not a change tag: a type name, optionally ":" and an id`);
    (scope.changes ??= new Set()).add(tag);
  }
}

/** The header that carries the request's reported changes, or none. */
export function changesHeader(): Record<string, string> {
  const changes = currentRequest()?.changes;
  return changes?.size ? { [PUBLIC_DATA_CHANGES_HEADER]: [...changes].join(",") } : {};
}
