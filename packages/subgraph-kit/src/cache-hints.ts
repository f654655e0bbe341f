import type { GraphQLResolveInfo } from "graphql";

/**
 * How long the gateway may keep an answer made only of public data (seconds). Writes that pass through the gateway
 * evict it at once; this bounds everything else (seeding, a write straight into a database).
 */
export const PUBLIC_MAX_AGE_SECONDS = 300;

/**
 * Cache hints, for type-graphql's `@Directive` on a type or field (Apollo Server's `@cacheControl`, defined in the
 * SDL by the kit). Only what is hinted can be cached: a composite field without a hint makes the whole answer
 * uncacheable, so a subgraph opts in type by type.
 *
 * - `CACHE_PUBLIC`: the same for every caller, for PUBLIC_MAX_AGE_SECONDS (an entity, a connection, a root field).
 * - `CACHE_INHERIT`: a value type inside a public one (a link, a contact point): as cacheable as its parent.
 * - `CACHE_PRIVATE`: depends on who asks (anything `viewer*`, `me`): never cached. Put it on every field of a public
 *   type whose answer depends on the caller, scalars included, since a scalar takes its parent's hint.
 */
export const CACHE_PUBLIC = `@cacheControl(maxAge: ${PUBLIC_MAX_AGE_SECONDS}, scope: PUBLIC)`;
export const CACHE_INHERIT = "@cacheControl(inheritMaxAge: true)";
export const CACHE_PRIVATE = "@cacheControl(maxAge: 0, scope: PRIVATE)";

interface CacheControlInfo {
  cacheControl?: { cacheHint: { restrict(hint: { maxAge?: number }): void } };
}

/**
 * Shortens the cache life of the field being resolved to `seconds`, for an answer that changes with the clock
 * rather than through a write (a desk that opens at the next minute, a policy version that takes effect tomorrow).
 */
export function limitCacheAge(info: GraphQLResolveInfo, seconds: number): void {
  (info as GraphQLResolveInfo & CacheControlInfo).cacheControl?.cacheHint.restrict({
    maxAge: Math.max(0, Math.floor(seconds)),
  });
}

/** Whole seconds from `at` to the start of the next minute (opening hours change only on minute boundaries). */
export function secondsToNextMinute(at: Date = new Date()): number {
  return Math.floor((60_000 - (at.getTime() % 60_000)) / 1000);
}

/** Whole seconds from `at` to the next midnight UTC (a day written "YYYY-MM-DD" changes then). */
export function secondsToNextUtcDay(at: Date = new Date()): number {
  return Math.floor((86_400_000 - (at.getTime() % 86_400_000)) / 1000);
}
