/**
 * The gateway's response cache: whole answers to queries whose every field a subgraph declared PUBLIC
 * (`@cacheControl`, answered to the gateway as `Cache-Control`), kept by @apollo/server-plugin-response-cache, and
 * evicted at once when a subgraph reports that a write changed public data (docs/adr/0006).
 *
 * Eviction is by tag: each answer is filed under the entities it holds (`Application:pecos-ai`) and the lists it
 * holds (`Application[]`), as ./cache-tags.ts says, and a reported write drops only the answers filed under what it
 * changed. An answer fetched before a write but kept after it would be stale: every request notes the count of
 * evictions before it fetches, and its answer is not kept if one of its tags was evicted since. With REDIS_URL the
 * answers, their tags and the count live in Redis (each eviction and each write one script, so none interleave), and
 * a write through one replica is seen by the next query through any other.
 */
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import { createHash } from "node:crypto";
import type { Logger } from "@portal-graph/http-kit";
import { answerTags, evictedTags } from "./cache-tags.js";
import { failFastRedis } from "./redis.js";

/** The response cache's settings (RESPONSE_CACHE, RESPONSE_CACHE_MAX_MIB, REDIS_URL). */
export interface ResponseCacheConfig {
  enabled: boolean;
  /** Answers and their tags in Redis, shared by every replica; in this process's memory when undefined. */
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

/** The response cache: its plugins, and how to evict what a write changed. */
export interface ResponseCache<TContext extends CacheableContext> {
  plugins: ApolloServerPlugin<TContext>[];
  /** Evicts the answers a write's reported tags name, on every replica sharing the store; resolves once it holds. */
  evict(tags: readonly string[]): Promise<void>;
  /** Connects to Redis, if the cache is there, so the first query does not wait for it; never throws. */
  open(): Promise<void>;
  close(): Promise<void>;
}

/** Where answers are kept, filed under their tags (./cache-tags.ts): in this process, or in Redis. */
interface TaggedStore {
  /**
   * The count of evictions so far: a request reads it before it fetches, and its answer is not kept if one of its
   * tags was evicted since (the answer may predate the write). Null when unknown: then the cache is not used.
   */
  evictions(): Promise<number | null>;
  read(key: string): Promise<string | undefined>;
  /** Keeps an answer for ttl seconds under its tags, unless one of them was evicted after `since`. */
  write(key: string, value: string, ttlSeconds: number, tags: readonly string[], since: number): Promise<void>;
  /** Drops every answer filed under these tags. */
  evict(tags: readonly string[]): Promise<void>;
  open(): Promise<void>;
  close(): Promise<void>;
}

/** Lookups the metrics count. */
export type LookupOutcome = "hit" | "miss" | "skipped";

// How long an eviction is remembered to refuse an answer that may predate it: longer than any request may take.
const EVICTION_MEMORY_SECONDS = 300;

/** Builds the response cache; its Redis connection (if any) opens on first use. */
export function createResponseCache<TContext extends CacheableContext>(
  config: ResponseCacheConfig,
  logger: Logger,
  observe: { lookup?(outcome: LookupOutcome): void; eviction?(): void } = {},
): ResponseCache<TContext> {
  const store = config.redisUrl ? redisStore(config.redisUrl, config.redisPrefix, logger) : memoryStore(config.maxMiB);
  // The eviction count each request read before fetching (null: unknown, so the cache is not used).
  const sinceOf = new WeakMap<TContext, number | null>();
  // An answer about to be kept: its tags, from shouldWriteToCache until the plugin makes its key, then by key until
  // the plugin stores it (at once: the plugin makes the key and stores in one step).
  const keeping = new WeakMap<TContext, { tags: string[]; since: number }>();
  const pending = new Map<string, { tags: string[]; since: number }>();
  const cachePlugin = responseCachePlugin<TContext>({
    cache: {
      get: (key) => store.read(key),
      async set(key, value, options) {
        // The plugin prefixes the key it made (generateCacheKey below); an answer without tags is never kept.
        const bare = key.slice(key.indexOf(":") + 1);
        const entry = pending.get(bare);
        pending.delete(bare);
        if (entry && options?.ttl) await store.write(key, value, options.ttl, entry.tags, entry.since);
      },
      delete: async () => false,
    },
    generateCacheKey: ({ contextValue }, keyData) => {
      const key = createHash("sha256").update(JSON.stringify(keyData)).digest("hex");
      const entry = keeping.get(contextValue as TContext);
      if (entry) {
        keeping.delete(contextValue as TContext);
        pending.set(key, entry);
      }
      return key;
    },
    // Who is asking: a signed-in caller's public answers are kept apart from anonymous ones (the plugin's
    // "authenticated public" entries), and an answer with any PRIVATE part is never written (shouldWriteToCache).
    sessionId: async ({ contextValue }) => contextValue.subject ?? null,
    shouldReadFromCache: async ({ contextValue }) => {
      const since = await store.evictions();
      sinceOf.set(contextValue, since);
      if (since == null) observe.lookup?.("skipped");
      return since != null;
    },
    shouldWriteToCache: async ({ contextValue, overallCachePolicy, schema, document, operationName, response }) => {
      const since = sinceOf.get(contextValue);
      const body = response.body;
      const data = body?.kind === "single" ? body.singleResult.data : undefined;
      if (since == null || !document || !data || overallCachePolicy.policyIfCacheable()?.scope !== "PUBLIC")
        return false;
      keeping.set(contextValue, { tags: answerTags(schema, document, operationName, data), since });
      return true;
    },
  });
  const countingPlugin: ApolloServerPlugin<TContext> = {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue, metrics }) {
          if (operation?.operation !== "query" || sinceOf.get(contextValue) == null) return;
          observe.lookup?.(metrics.responseCacheHit ? "hit" : "miss");
        },
      };
    },
  };
  return {
    plugins: [cachePlugin, countingPlugin],
    async evict(changes) {
      await store.evict([...new Set(changes.flatMap(evictedTags))]);
      observe.eviction?.();
      logger.info({ tags: changes }, "public data changed: response cache evicted");
    },
    open: () => store.open(),
    close: () => store.close(),
  };
}

function memoryStore(maxMiB: number): TaggedStore {
  let evictions = 0;
  // Each tag's answers, each answer's tags, and when (by count) a tag was last evicted.
  const filed = new Map<string, Set<string>>();
  const tagsOf = new Map<string, readonly string[]>();
  const evictedAt = new Map<string, { count: number; at: number }>();
  const unfile = (key: string) => {
    for (const tag of tagsOf.get(key) ?? []) filed.get(tag)?.delete(key);
    tagsOf.delete(key);
  };
  // An answer dropped for any reason (replaced, least recently used, expired, evicted) leaves its tags' lists.
  const entries = new InMemoryLRUCache<string>({
    maxSize: maxMiB * 1024 * 1024,
    dispose: (_value, key) => unfile(key),
  });
  return {
    evictions: async () => evictions,
    read: (key) => entries.get(key),
    // Writing and evicting each happen in one synchronous step (the LRU cache acts when called), so neither
    // interleaves with the other.
    async write(key, value, ttlSeconds, tags, since) {
      if (tags.some((tag) => (evictedAt.get(tag)?.count ?? 0) > since)) return;
      const stored = entries.set(key, value, { ttl: ttlSeconds });
      tagsOf.set(key, tags);
      for (const tag of tags) {
        let keys = filed.get(tag);
        if (!keys) filed.set(tag, (keys = new Set()));
        keys.add(key);
      }
      await stored;
    },
    async evict(tags) {
      evictions += 1;
      const now = Date.now();
      for (const [tag, { at }] of evictedAt) if (now - at > EVICTION_MEMORY_SECONDS * 1000) evictedAt.delete(tag);
      const deleted: Promise<boolean>[] = [];
      for (const tag of tags) {
        evictedAt.set(tag, { count: evictions, at: now });
        for (const key of [...(filed.get(tag) ?? [])]) deleted.push(entries.delete(key));
        filed.delete(tag);
      }
      await Promise.all(deleted);
    },
    open: async () => {},
    close: async () => entries.clear(),
  };
}

// Both run whole inside Redis, so no answer is kept between an eviction's count and its deletions. Keys:
// <prefix>evictions (the count), <prefix>evicted:<tag> (the count at a tag's last eviction, for a while),
// <prefix>tag:<tag> (a set of the answers' keys), and the answers at the keys the plugin gave.
const EVICT_SCRIPT = `
local count = redis.call('INCR', ARGV[1] .. 'evictions')
for i = 3, #ARGV do
  redis.call('SET', ARGV[1] .. 'evicted:' .. ARGV[i], count, 'EX', ARGV[2])
  local filed = ARGV[1] .. 'tag:' .. ARGV[i]
  for _, key in ipairs(redis.call('SMEMBERS', filed)) do redis.call('DEL', key) end
  redis.call('DEL', filed)
end
return count`;
const WRITE_SCRIPT = `
for i = 6, #ARGV do
  local evicted = redis.call('GET', ARGV[1] .. 'evicted:' .. ARGV[i])
  if evicted and tonumber(evicted) > tonumber(ARGV[5]) then return 0 end
end
local ttl = tonumber(ARGV[4])
redis.call('SET', ARGV[2], ARGV[3], 'EX', ttl)
for i = 6, #ARGV do
  local filed = ARGV[1] .. 'tag:' .. ARGV[i]
  redis.call('SADD', filed, ARGV[2])
  if redis.call('TTL', filed) < ttl then redis.call('EXPIRE', filed, ttl) end
end
return 1`;

function redisStore(url: string, prefix: string, logger: Logger): TaggedStore {
  // A slow or absent Redis must not hold requests: commands fail fast and the query is answered uncached.
  const redis = failFastRedis(url);
  let failing = false;
  // Tags of a write whose eviction could not be made: the next read makes it first, or uses no cache.
  const owed = new Set<string>();
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
    if (owed.size === 0) return;
    const tags = [...owed];
    await redis.eval(EVICT_SCRIPT, 0, prefix, EVICTION_MEMORY_SECONDS, ...tags);
    for (const tag of tags) owed.delete(tag);
  };
  return {
    async evictions() {
      try {
        await connected();
        await settleOwed();
        const value = await redis.get(`${prefix}evictions`);
        failing = false;
        return Number(value ?? 0);
      } catch (error) {
        failed(error);
        return null;
      }
    },
    async read(key) {
      try {
        return (await redis.get(prefix + key)) ?? undefined;
      } catch (error) {
        failed(error);
        return undefined;
      }
    },
    async write(key, value, ttlSeconds, tags, since) {
      try {
        const ttl = Math.max(1, Math.ceil(ttlSeconds));
        await redis.eval(WRITE_SCRIPT, 0, prefix, prefix + key, value, ttl, since, ...tags);
      } catch (error) {
        failed(error);
      }
    },
    async evict(tags) {
      for (const tag of tags) owed.add(tag);
      try {
        await connected();
        await settleOwed();
      } catch (error) {
        failed(error);
      }
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
