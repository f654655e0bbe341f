/**
 * The gateway's response cache: whole answers to queries whose every field a subgraph declared PUBLIC
 * (`@cacheControl`, answered to the gateway as `Cache-Control`), kept by @apollo/server-plugin-response-cache, and
 * evicted at once when a subgraph reports that a write changed public data (docs/adr/0006).
 *
 * Eviction is by generation: every key holds the cache's current generation, and a reported write moves it on, so
 * every answer cached before the write is out of reach at once (in memory they are also dropped; in Redis they
 * expire with their max-age). With REDIS_URL the entries and the generation live in Redis and every replica reads
 * the generation on each query, so a write through one replica is seen by the next query through any other.
 */
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import { InMemoryLRUCache, type KeyValueCache } from "@apollo/utils.keyvaluecache";
import type { Logger } from "@portal-graph/http-kit";
import { failFastRedis } from "./redis.js";

/** The response cache's settings (RESPONSE_CACHE, RESPONSE_CACHE_MAX_MIB, REDIS_URL). */
export interface ResponseCacheConfig {
  enabled: boolean;
  /** Entries and generation in Redis, shared by every replica; in this process's memory when undefined. */
  redisUrl: string | undefined;
  /** The most memory the in-memory store holds (MiB of JSON text); unused with Redis. */
  maxMiB: number;
  /** The Redis key prefix (RESPONSE_CACHE_REDIS_PREFIX): graphs sharing one Redis each need their own. */
  redisPrefix: string;
}

/** What the cache needs of a request's context: who is asking (the token's subject; null when anonymous). */
export interface CacheableContext {
  subject?: string | null;
}

/** The response cache: its plugins, and how to evict everything after a write. */
export interface ResponseCache<TContext extends CacheableContext> {
  plugins: ApolloServerPlugin<TContext>[];
  /** Evicts every cached answer, on every replica sharing the store; resolves once the eviction holds. */
  evict(tags: readonly string[]): Promise<void>;
  /** Connects to Redis, if the cache is there, so the first query does not wait for it; never throws. */
  open(): Promise<void>;
  close(): Promise<void>;
}

/** How the cache's generation is read and moved on: in this process, or in Redis. */
interface Generations {
  /** The current generation, or null when it cannot be known (then nothing is read from or written to the cache). */
  current(): Promise<number | null>;
  next(): Promise<void>;
  store: KeyValueCache<string>;
  open(): Promise<void>;
  close(): Promise<void>;
}

/** Lookups the metrics count. */
export type LookupOutcome = "hit" | "miss" | "skipped";

/** Builds the response cache; its Redis connection (if any) opens on first use. */
export function createResponseCache<TContext extends CacheableContext>(
  config: ResponseCacheConfig,
  logger: Logger,
  observe: { lookup?(outcome: LookupOutcome): void; eviction?(): void } = {},
): ResponseCache<TContext> {
  const generations = config.redisUrl
    ? redisGenerations(config.redisUrl, config.redisPrefix, logger)
    : memoryGenerations(config.maxMiB);
  // The generation each request's key was made with, by its context (null: unknown, so the cache is not used).
  const generationOf = new WeakMap<TContext, number | null>();
  const cachePlugin = responseCachePlugin<TContext>({
    cache: generations.store,
    // Who is asking: a signed-in caller's public answers are kept apart from anonymous ones (the plugin's
    // "authenticated public" entries), and an answer with any PRIVATE part is never written (shouldWriteToCache).
    sessionId: async ({ contextValue }) => contextValue.subject ?? null,
    extraCacheKeyData: async ({ contextValue }) => {
      const generation = await generations.current();
      generationOf.set(contextValue, generation);
      return { generation };
    },
    shouldReadFromCache: async ({ contextValue }) => {
      const usable = generationOf.get(contextValue) != null;
      if (!usable) observe.lookup?.("skipped");
      return usable;
    },
    shouldWriteToCache: async ({ contextValue, overallCachePolicy }) =>
      generationOf.get(contextValue) != null && overallCachePolicy.policyIfCacheable()?.scope === "PUBLIC",
  });
  const countingPlugin: ApolloServerPlugin<TContext> = {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue, metrics }) {
          if (operation?.operation !== "query" || generationOf.get(contextValue) == null) return;
          observe.lookup?.(metrics.responseCacheHit ? "hit" : "miss");
        },
      };
    },
  };
  return {
    plugins: [cachePlugin, countingPlugin],
    async evict(tags) {
      await generations.next();
      observe.eviction?.();
      logger.info({ tags }, "public data changed: response cache evicted");
    },
    open: () => generations.open(),
    close: () => generations.close(),
  };
}

function memoryGenerations(maxMiB: number): Generations {
  let generation = 0;
  const store = new InMemoryLRUCache<string>({ maxSize: maxMiB * 1024 * 1024 });
  return {
    current: async () => generation,
    async next() {
      generation += 1;
      // Out of reach already; dropping them gives the memory back now rather than at their max-age.
      store.clear();
    },
    store,
    open: async () => {},
    close: async () => store.clear(),
  };
}

function redisGenerations(url: string, prefix: string, logger: Logger): Generations {
  // A slow or absent Redis must not hold requests: commands fail fast and the query is answered uncached.
  const redis = failFastRedis(url);
  const key = `${prefix}generation`;
  let failing = false;
  // A write whose eviction could not be recorded: the next read records it first, or uses no cache.
  let owed = false;
  const failed = (error: unknown) => {
    if (!failing) {
      logger.warn({ reason: (error as Error).message }, "the response cache in Redis is unavailable; not caching");
    }
    failing = true;
  };
  redis.on("error", failed);
  let connecting: Promise<void> | undefined;
  const connected = async () => {
    if (redis.status === "ready") return;
    connecting ??= redis.connect().finally(() => (connecting = undefined));
    await connecting;
  };
  const settleOwed = async () => {
    if (!owed) return;
    await redis.incr(key);
    owed = false;
  };
  return {
    async current() {
      try {
        await connected();
        await settleOwed();
        const value = await redis.get(key);
        failing = false;
        return Number(value ?? 0);
      } catch (error) {
        failed(error);
        return null;
      }
    },
    async next() {
      owed = true;
      try {
        await connected();
        await settleOwed();
      } catch (error) {
        failed(error);
      }
    },
    store: {
      async get(entry) {
        try {
          return (await redis.get(prefix + entry)) ?? undefined;
        } catch (error) {
          failed(error);
          return undefined;
        }
      },
      async set(entry, value, options) {
        try {
          const ttl = options?.ttl;
          if (ttl) await redis.set(prefix + entry, value, "EX", Math.max(1, Math.ceil(ttl)));
          else await redis.set(prefix + entry, value);
        } catch (error) {
          failed(error);
        }
      },
      async delete(entry) {
        try {
          return (await redis.del(prefix + entry)) > 0;
        } catch (error) {
          failed(error);
          return false;
        }
      },
    },
    open: () => connected().catch(failed),
    close: async () => {
      redis.disconnect();
    },
  };
}

/** Answers every GraphQL response with `Cache-Control: no-store`, as before the response cache: only the gateway caches. */
export function noStorePlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set("cache-control", "no-store");
        },
      };
    },
  };
}
