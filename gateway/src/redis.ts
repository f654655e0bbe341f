import { Redis } from "ioredis";

/**
 * A Redis connection that never holds a request: it connects on first use, queues nothing while disconnected, and a
 * command fails after 500 ms, so its caller can go on without Redis (the rate limiter lets the request through, the
 * response cache answers uncached).
 */
export function failFastRedis(url: string): Redis {
  return new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    commandTimeout: 500,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
  });
}
