import { createLogger } from "@portal-graph/http-kit";
import { describe, expect, it } from "vitest";
import { ClientAddressResolver } from "./client-address.js";
import { loadRateLimitConfig } from "./config.js";
import { createRateLimiter } from "./rate-limiter.js";

describe("the client's address", () => {
  const resolver = new ClientAddressResolver(["10.0.0.0/8", "192.0.2.7", "::1"]);

  it("is the peer's when the peer is not a trusted proxy, whatever X-Forwarded-For says", () => {
    expect(resolver.resolve("198.51.100.9", "203.0.113.1")).toBe("198.51.100.9");
  });

  it("is the nearest untrusted hop when the peer is a trusted proxy", () => {
    expect(resolver.resolve("10.1.2.3", "203.0.113.1")).toBe("203.0.113.1");
    expect(resolver.resolve("10.1.2.3", "6.6.6.6, 203.0.113.1, 192.0.2.7")).toBe("203.0.113.1");
    expect(resolver.resolve("::1", ["203.0.113.1", "10.0.0.5"])).toBe("203.0.113.1");
  });

  it("counts an IPv4 peer on a dual-stack socket as its IPv4 address, and ignores hops that are not addresses", () => {
    expect(resolver.resolve("::ffff:10.0.0.1", "not-an-address, 203.0.113.8")).toBe("203.0.113.8");
    expect(resolver.resolve("::ffff:198.51.100.9", undefined)).toBe("198.51.100.9");
  });
});

describe("rate limit configuration", () => {
  it("is off outside production unless RATE_LIMIT says so", () => {
    expect(loadRateLimitConfig({}).enabled).toBe(false);
    expect(loadRateLimitConfig({ NODE_ENV: "production" }).enabled).toBe(true);
    expect(loadRateLimitConfig({ NODE_ENV: "production", RATE_LIMIT: "false" }).enabled).toBe(false);
  });

  it.each([
    [{ RATE_LIMIT_REQUESTS: "0" }, "RATE_LIMIT_REQUESTS must be a whole number from 1"],
    [{ RATE_LIMIT_WINDOW_SECONDS: "1m" }, "RATE_LIMIT_WINDOW_SECONDS must be a whole number"],
    [{ REDIS_URL: "localhost:6379" }, "REDIS_URL must be a redis:// or rediss:// URL"],
    [{ REDIS_URL: "http://127.0.0.1:6379" }, "REDIS_URL must be a redis:// or rediss:// URL"],
    [
      { TRUSTED_PROXIES: "10.0.0.0/33" },
      'TRUSTED_PROXIES entries must be IP addresses or CIDR ranges such as 10.0.0.0/8 (got "10.0.0.0/33")',
    ],
    [{ TRUSTED_PROXIES: "proxy.internal" }, "TRUSTED_PROXIES entries must be IP addresses"],
  ])("refuses %o with a message naming the variable and the rule", (env, message) => {
    expect(() => loadRateLimitConfig(env)).toThrow(message);
  });

  it("keeps a password in REDIS_URL out of the error message", () => {
    expect(() => loadRateLimitConfig({ REDIS_URL: "postgres://app:s3cret@db/x" })).toThrow(/^(?!.*s3cret).*REDIS_URL/);
  });
});

describe("a rate limiter whose Redis does not answer", () => {
  it("lets requests through and says once that limits are not enforced", async () => {
    const lines: { msg: string }[] = [];
    const logger = createLogger("gateway", {
      level: "warn",
      destination: { write: (line: string) => void lines.push(JSON.parse(line) as { msg: string }) },
    });
    const config = {
      ...loadRateLimitConfig({ RATE_LIMIT: "true", RATE_LIMIT_REQUESTS: "1" }),
      redisUrl: "redis://127.0.0.1:1",
    };
    const limiter = createRateLimiter(config, logger);
    await limiter.open();
    for (let i = 0; i < 3; i++)
      await expect(limiter.admit(null, "198.51.100.1", {})).resolves.toBe("address:198.51.100.1");
    await limiter.close();
    expect(lines.filter((line) => line.msg.includes("not enforced"))).toHaveLength(1);
  });
});
