/**
 * The automatic persisted query store in Redis when REDIS_URL is set, so every gateway replica knows a hash another
 * one was taught: `@apollo/utils.keyvadapter` over keyv 5 and `@keyv/redis` (the adapter refuses keyv 6). Redis being
 * down costs a client one round trip per operation (a miss: it sends the text again), never a failed request.
 */
import { KeyvAdapter } from "@apollo/utils.keyvadapter";
import { createKeyv } from "@keyv/redis";
import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import type { Logger } from "@portal-graph/http-kit";

/** Where APQ keys live in Redis; Apollo adds `apq:` and the hash. */
export const APQ_NAMESPACE = "portal-graph";

/** An APQ store in Redis, and how to let go of its connection. */
export interface ApqCache {
  cache: KeyValueCache<string>;
  close(): Promise<void>;
}

/** Opens (lazily) a Redis-backed APQ store; errors are logged once per outage and answered as misses. */
export function createRedisApqCache(redisUrl: string, logger: Logger): ApqCache {
  const keyv = createKeyv(redisUrl, { namespace: APQ_NAMESPACE, throwOnConnectError: false, connectionTimeout: 2000 });
  let failing = false;
  keyv.on("error", (error: Error) => {
    if (!failing) logger.warn({ reason: error.message }, "the APQ store in Redis is unavailable; answering misses");
    failing = true;
  });
  return {
    // One keyv 5.6.0 at run time; the adapter's types see keyv's CommonJS declarations, @keyv/redis its ES ones.
    cache: new KeyvAdapter<string>(keyv as unknown as ConstructorParameters<typeof KeyvAdapter<string>>[0]),
    close: () => keyv.disconnect().catch(() => undefined),
  };
}
