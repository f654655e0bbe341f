import { InMemoryLRUCache, type KeyValueCache } from "@apollo/utils.keyvaluecache";

/** What ApolloGateway takes as `queryPlannerConfig.cache`: a key-value cache it can also clear on a new supergraph. */
export type PlanCache<V> = KeyValueCache<V> & { clear(): void };

// The gateway's own default store: 30 MiB of plans, each sized by its JSON (as @apollo/gateway 2.14 measures it).
const DEFAULT_MAX_BYTES = 30 * 2 ** 20;

/**
 * The gateway's in-memory query-plan cache, the same LRU it builds by default, telling onLookup whether each get
 * was a hit. Passing it as queryPlannerConfig.cache is the gateway's supported way to supply the plan store.
 */
export function countingPlanCache<V>(onLookup: (hit: boolean) => void, maxBytes = DEFAULT_MAX_BYTES): PlanCache<V> {
  const cache = new InMemoryLRUCache<V>({
    maxSize: maxBytes,
    sizeCalculation: (plan) => Buffer.byteLength(JSON.stringify(plan), "utf8"),
  });
  return {
    async get(key) {
      const plan = await cache.get(key);
      onLookup(plan !== undefined);
      return plan;
    },
    set: (key, plan, options) => cache.set(key, plan, options),
    delete: (key) => cache.delete(key),
    clear: () => cache.clear(),
  };
}
