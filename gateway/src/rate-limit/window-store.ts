import type { Redis } from "ioredis";
import { failFastRedis } from "../redis.js";

/** What taking from a budget answered. */
export interface Take {
  allowed: boolean;
  /** How long until the client's window (and so its budget) starts afresh. */
  retryAfterMs: number;
}

/** Fixed-window budgets: a window starts with a client's first use and lasts windowMs. */
export interface WindowStore {
  /** Takes amount from the key's budget of limit per window, unless that would go over (then nothing is taken). */
  take(key: string, amount: number, limit: number, windowMs: number): Promise<Take>;
  /** Connects, where there is anything to connect to. */
  open(): Promise<void>;
  close(): Promise<void>;
}

/** Budgets in this process's memory: right for one gateway replica. */
export class MemoryWindowStore implements WindowStore {
  private readonly windows = new Map<string, { used: number; endsAt: number }>();
  private sweptAt = Date.now();

  async take(key: string, amount: number, limit: number, windowMs: number): Promise<Take> {
    const now = Date.now();
    this.sweep(now, windowMs);
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { used: 0, endsAt: now + windowMs };
      this.windows.set(key, window);
    }
    const allowed = window.used + amount <= limit;
    if (allowed) window.used += amount;
    return { allowed, retryAfterMs: window.endsAt - now };
  }

  async open(): Promise<void> {}

  async close(): Promise<void> {
    this.windows.clear();
  }

  // Ended windows are dropped once per window length, so memory follows the clients seen recently.
  private sweep(now: number, windowMs: number): void {
    if (now - this.sweptAt < windowMs) return;
    this.sweptAt = now;
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}

// Read, compare and add in one step inside Redis, so replicas taking from one budget at once never overspend it.
const TAKE_SCRIPT = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then ttl = tonumber(ARGV[3]) end
if used + tonumber(ARGV[1]) > tonumber(ARGV[2]) then return {0, ttl} end
redis.call('INCRBY', KEYS[1], ARGV[1])
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return {1, ttl}`;

type TakeCommand = (key: string, amount: number, limit: number, windowMs: number) => Promise<[number, number]>;

/** Budgets in Redis, shared by every gateway replica pointed at it. */
export class RedisWindowStore implements WindowStore {
  private readonly redis: Redis & { rateLimitTake: TakeCommand };

  constructor(
    url: string,
    private readonly onError: (error: Error) => void,
  ) {
    // A slow or absent Redis must not hold requests: commands fail fast and the limiter lets the request through.
    const redis = failFastRedis(url);
    redis.on("error", onError);
    redis.defineCommand("rateLimitTake", { numberOfKeys: 1, lua: TAKE_SCRIPT });
    this.redis = redis as Redis & { rateLimitTake: TakeCommand };
  }

  async take(key: string, amount: number, limit: number, windowMs: number): Promise<Take> {
    const [allowed, ttl] = await this.redis.rateLimitTake(key, amount, limit, windowMs);
    return { allowed: allowed === 1, retryAfterMs: ttl };
  }

  /** Connects before the first request; a Redis that cannot be reached is reported, and retried in the background. */
  async open(): Promise<void> {
    await this.redis.connect().catch(this.onError);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
