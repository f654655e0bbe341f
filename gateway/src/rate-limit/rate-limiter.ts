import type { IncomingHttpHeaders } from "node:http";
import { HeaderMap } from "@apollo/server";
import { httpStatusOf, type Logger, type RequestErrorCode } from "@portal-graph/http-kit";
import { GraphQLError } from "graphql";
import { ClientAddressResolver } from "./client-address.js";
import type { RateLimitConfig } from "./config.js";
import { MemoryWindowStore, RedisWindowStore, type WindowStore } from "./window-store.js";

/** The two budgets each client has per window. */
export type Budget = "requests" | "cost";

/** A client over one of its budgets: HTTP 429 with Retry-After, code RATE_LIMITED. */
export class RateLimitedError extends GraphQLError {
  constructor(budget: Budget, limit: number, windowSeconds: number, retryAfterSeconds: number) {
    const spent = budget === "requests" ? `${limit} requests` : `${limit} cost units`;
    const code: RequestErrorCode = "RATE_LIMITED";
    super(`Rate limit reached: at most ${spent} per ${windowSeconds} s; try again in ${retryAfterSeconds} s`, {
      extensions: {
        code,
        budget,
        retryAfter: retryAfterSeconds,
        http: { status: httpStatusOf(code), headers: new HeaderMap([["retry-after", String(retryAfterSeconds)]]) },
      },
    });
  }
}

/** Per-client budgets of requests and cost units; a client is its token's subject, or its address when anonymous. */
export interface RateLimiter {
  /** Counts one request; throws RateLimitedError when the client is over its request budget. Returns the client. */
  admit(subject: string | null, peer: string | undefined, headers: IncomingHttpHeaders): Promise<string>;
  /** Spends an accepted operation's estimated cost; throws RateLimitedError when that would go over budget. */
  charge(client: string, cost: number): Promise<void>;
  /** Connects to Redis, when one is configured. */
  open(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A rate limiter over Redis when REDIS_URL is set (shared by replicas), in memory otherwise. When Redis cannot
 * answer, requests go through and the failure is logged: an outage of the limiter must not become the graph's.
 */
export function createRateLimiter(config: RateLimitConfig, logger: Logger): RateLimiter {
  let failing = false;
  const reportFailure = (error: Error) => {
    if (!failing) logger.warn({ reason: error.message }, "rate limits not enforced: Redis is not answering");
    failing = true;
  };
  const store: WindowStore = config.redisUrl
    ? new RedisWindowStore(config.redisUrl, reportFailure)
    : new MemoryWindowStore();
  const addresses = new ClientAddressResolver(config.trustedProxies);
  const windowMs = config.windowSeconds * 1000;

  async function take(client: string, budget: Budget, amount: number, limit: number): Promise<void> {
    let taken;
    try {
      taken = await store.take(`${config.keyPrefix}${budget}:${client}`, amount, limit, windowMs);
    } catch (error) {
      reportFailure(error as Error);
      return;
    }
    if (failing) logger.info("rate limits enforced again: Redis answers");
    failing = false;
    if (!taken.allowed) {
      throw new RateLimitedError(
        budget,
        limit,
        config.windowSeconds,
        Math.max(1, Math.ceil(taken.retryAfterMs / 1000)),
      );
    }
  }

  return {
    async admit(subject, peer, headers) {
      const client = subject ? `user:${subject}` : `address:${addresses.resolve(peer, headers["x-forwarded-for"])}`;
      await take(client, "requests", 1, config.requests);
      return client;
    },
    charge: (client, cost) => take(client, "cost", cost, config.cost),
    open: () => store.open(),
    close: () => store.close(),
  };
}
