import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadGatewayConfig, resolveSubgraphUrl, subgraphUrlVariable } from "./config.js";

describe("loadGatewayConfig", () => {
  it("has defaults for everything", () => {
    const config = loadGatewayConfig({});
    expect(config).toEqual({
      port: 4000,
      host: "0.0.0.0",
      supergraphPath: expect.stringMatching(/schema[/\\]supergraph\.graphql$/),
      supergraphUrl: undefined,
      registryToken: undefined,
      usageReportUrl: undefined,
      usageReportIntervalMs: 5000,
      supergraphCachePath: expect.stringMatching(/data[/\\]supergraph\.cache\.graphql$/),
      subgraphUrlOverrides: {},
      pollIntervalMs: 1000,
      maxBodyBytes: 262_144,
      readyTimeoutMs: 2000,
      introspection: true,
      passthroughRoutes: { "/export/acknowledgements.csv": "acknowledgements" },
      deduplicateSubgraphQueries: true,
      subgraphTimeoutMs: 10_000,
      subgraphTimeouts: {},
      breakerFailures: 5,
      breakerResetMs: 2000,
      retrySubgraphQueries: true,
      limits: {
        depth: 12,
        aliases: 30,
        rootFields: 20,
        directives: 5,
        tokens: 10_000,
        cost: 25_000,
        listSize: 20,
        entityWeight: 5,
      },
      rateLimit: {
        enabled: false,
        windowSeconds: 60,
        requests: 600,
        cost: 1_000_000,
        redisUrl: undefined,
        keyPrefix: "portal-graph:rate:",
        trustedProxies: [],
      },
      publicMetrics: true,
      metricsPort: undefined,
      metricsHost: "127.0.0.1",
      corsOrigins: ["http://localhost:3000"],
      graphqlIde: true,
      trustedDocuments: { manifests: [], only: false },
      apq: { enabled: true, redisUrl: undefined },
      responseCache: { enabled: true, redisUrl: undefined, maxMiB: 32, redisPrefix: "portal-graph:response-cache:" },
    });
  });

  it("caches responses outside production, and in production only with Redis unless RESPONSE_CACHE says so", () => {
    expect(loadGatewayConfig({ NODE_ENV: "development" }).responseCache.enabled).toBe(true);
    // Replicas without Redis could not evict each other's copies after a write: off unless asked for.
    expect(loadGatewayConfig({ NODE_ENV: "production" }).responseCache.enabled).toBe(false);
    expect(loadGatewayConfig({ NODE_ENV: "production", REDIS_URL: "redis://r:6379" }).responseCache).toEqual({
      enabled: true,
      redisUrl: "redis://r:6379",
      maxMiB: 32,
      redisPrefix: "portal-graph:response-cache:",
    });
    expect(loadGatewayConfig({ NODE_ENV: "production", RESPONSE_CACHE: "true" }).responseCache.enabled).toBe(true);
    expect(loadGatewayConfig({ RESPONSE_CACHE: "false" }).responseCache.enabled).toBe(false);
    expect(() => loadGatewayConfig({ RESPONSE_CACHE: "on" })).toThrow('RESPONSE_CACHE must be "true" or "false"');
    expect(() => loadGatewayConfig({ RESPONSE_CACHE_MAX_MIB: "0" })).toThrow("RESPONSE_CACHE_MAX_MIB");
    expect(() => loadGatewayConfig({ RESPONSE_CACHE_REDIS_PREFIX: "a b" })).toThrow("RESPONSE_CACHE_REDIS_PREFIX");
  });

  it("serves the GraphQL IDE outside production; GRAPHQL_IDE turns it on in production and off anywhere", () => {
    expect(loadGatewayConfig({ NODE_ENV: "development" }).graphqlIde).toBe(true);
    expect(loadGatewayConfig({ NODE_ENV: "production" }).graphqlIde).toBe(false);
    expect(loadGatewayConfig({ NODE_ENV: "production", GRAPHQL_IDE: "true" }).graphqlIde).toBe(true);
    expect(loadGatewayConfig({ GRAPHQL_IDE: "false" }).graphqlIde).toBe(false);
    expect(() => loadGatewayConfig({ GRAPHQL_IDE: "yes" })).toThrow(
      'GRAPHQL_IDE must be "true" or "false" (got "yes")',
    );
  });

  it("reads trusted document manifests; only trusted documents turns automatic persisted queries off", () => {
    const config = loadGatewayConfig({
      TRUSTED_DOCUMENTS: "web.json, admin.json",
      TRUSTED_DOCUMENTS_ONLY: "true",
      REDIS_URL: "redis://127.0.0.1:6379",
    });
    expect(config.trustedDocuments).toEqual({
      manifests: [path.resolve("web.json"), path.resolve("admin.json")],
      only: true,
    });
    expect(config.apq).toEqual({ enabled: false, redisUrl: "redis://127.0.0.1:6379" });
    expect(loadGatewayConfig({ REDIS_URL: "redis://127.0.0.1:6379" }).apq).toEqual({
      enabled: true,
      redisUrl: "redis://127.0.0.1:6379",
    });
    expect(() => loadGatewayConfig({ TRUSTED_DOCUMENTS_ONLY: "true" })).toThrow(
      "TRUSTED_DOCUMENTS_ONLY=true needs TRUSTED_DOCUMENTS",
    );
    expect(() => loadGatewayConfig({ TRUSTED_DOCUMENTS: "a.json", TRUSTED_DOCUMENTS_ONLY: "yes" })).toThrow(
      'TRUSTED_DOCUMENTS_ONLY must be "true" or "false" (got "yes")',
    );
  });

  it("finds the repository root from its own location, not the working directory", () => {
    const { supergraphPath } = loadGatewayConfig({});
    const root = path.dirname(path.dirname(supergraphPath));
    expect(existsSync(path.join(root, "schema", "subgraphs.json"))).toBe(true);
    expect(existsSync(path.join(root, "gateway", "src", "config.ts"))).toBe(true);
  });

  it("reads every variable", () => {
    const config = loadGatewayConfig({
      PORT: "8080",
      HOST: "127.0.0.1",
      SUPERGRAPH_PATH: "/tmp/x/supergraph.graphql",
      SUPERGRAPH_POLL_MS: "250",
      REGISTRY_URL: "https://registry.internal:4010/",
      REGISTRY_TOKEN: "gateway-token-0123456789",
      USAGE_REPORT_INTERVAL_MS: "250",
      SUPERGRAPH_CACHE_PATH: "/tmp/x/cache.graphql",
      MAX_REQUEST_BYTES: "1024",
      READY_TIMEOUT_MS: "500",
      INTROSPECTION: "false",
      PASSTHROUGH_ROUTES: "/export/a.csv=acknowledgements, /export/b.csv=help_desks",
      DEDUPLICATE_SUBGRAPH_QUERIES: "false",
      SUBGRAPH_TIMEOUT_MS: "2500",
      SUBGRAPH_HELP_DESKS_TIMEOUT_MS: "400",
      SUBGRAPH_BREAKER_FAILURES: "3",
      SUBGRAPH_BREAKER_RESET_MS: "750",
      SUBGRAPH_RETRY: "false",
      METRICS_PORT: "9464",
      METRICS_HOST: "0.0.0.0",
      SUBGRAPH_CATALOG_URL: "http://10.0.0.5:4001/graphql",
      SUBGRAPH_HELP_DESKS_URL: "https://help-desks.internal/graphql",
      MAX_DEPTH: "8",
      MAX_ALIASES: "4",
      MAX_ROOT_FIELDS: "3",
      MAX_DIRECTIVES: "2",
      MAX_TOKENS: "500",
      MAX_COST: "900",
      COST_LIST_SIZE: "7",
      COST_ENTITY_WEIGHT: "0",
      RATE_LIMIT: "true",
      RATE_LIMIT_WINDOW_SECONDS: "10",
      RATE_LIMIT_REQUESTS: "50",
      RATE_LIMIT_COST: "5000",
      RATE_LIMIT_KEY_PREFIX: "staging:rate:",
      REDIS_URL: "redis://127.0.0.1:6379/2",
      RESPONSE_CACHE: "false",
      RESPONSE_CACHE_MAX_MIB: "64",
      RESPONSE_CACHE_REDIS_PREFIX: "staging:cache:",
      TRUSTED_PROXIES: "10.0.0.0/8, 192.0.2.7,::1",
      CORS_ORIGINS: "https://portal.example.gov, https://admin.example.gov",
    });
    expect(config).toEqual({
      port: 8080,
      host: "127.0.0.1",
      supergraphPath: "/tmp/x/supergraph.graphql",
      supergraphUrl: "https://registry.internal:4010/supergraph",
      registryToken: "gateway-token-0123456789",
      usageReportUrl: "https://registry.internal:4010/usage",
      usageReportIntervalMs: 250,
      supergraphCachePath: "/tmp/x/cache.graphql",
      subgraphUrlOverrides: {
        catalog: "http://10.0.0.5:4001/graphql",
        "help-desks": "https://help-desks.internal/graphql",
      },
      pollIntervalMs: 250,
      maxBodyBytes: 1024,
      readyTimeoutMs: 500,
      introspection: false,
      passthroughRoutes: { "/export/a.csv": "acknowledgements", "/export/b.csv": "help-desks" },
      deduplicateSubgraphQueries: false,
      subgraphTimeoutMs: 2500,
      subgraphTimeouts: { "help-desks": 400 },
      breakerFailures: 3,
      breakerResetMs: 750,
      retrySubgraphQueries: false,
      limits: {
        depth: 8,
        aliases: 4,
        rootFields: 3,
        directives: 2,
        tokens: 500,
        cost: 900,
        listSize: 7,
        entityWeight: 0,
      },
      rateLimit: {
        enabled: true,
        windowSeconds: 10,
        requests: 50,
        cost: 5000,
        redisUrl: "redis://127.0.0.1:6379/2",
        keyPrefix: "staging:rate:",
        trustedProxies: ["10.0.0.0/8", "192.0.2.7", "::1"],
      },
      publicMetrics: true,
      metricsPort: 9464,
      metricsHost: "0.0.0.0",
      corsOrigins: ["https://portal.example.gov", "https://admin.example.gov"],
      graphqlIde: true,
      trustedDocuments: { manifests: [], only: false },
      apq: { enabled: true, redisUrl: "redis://127.0.0.1:6379/2" },
      responseCache: {
        enabled: false,
        redisUrl: "redis://127.0.0.1:6379/2",
        maxMiB: 64,
        redisPrefix: "staging:cache:",
      },
    });
  });

  it("names the rule for a bad PASSTHROUGH_ROUTES entry", () => {
    expect(() => loadGatewayConfig({ PASSTHROUGH_ROUTES: "export.csv" })).toThrow(
      'PASSTHROUGH_ROUTES entries must be /path=subgraph (got "export.csv")',
    );
  });

  it("turns introspection off in production unless INTROSPECTION says otherwise", () => {
    expect(loadGatewayConfig({ NODE_ENV: "production" }).introspection).toBe(false);
    expect(loadGatewayConfig({ NODE_ENV: "production", INTROSPECTION: "true" }).introspection).toBe(true);
    expect(loadGatewayConfig({ NODE_ENV: "test" }).introspection).toBe(true);
  });

  it("keeps /metrics off the public port in production; METRICS_PORT 0 asks for a free port", () => {
    expect(loadGatewayConfig({ NODE_ENV: "production" }).publicMetrics).toBe(false);
    expect(loadGatewayConfig({ NODE_ENV: "test" }).publicMetrics).toBe(true);
    expect(loadGatewayConfig({ METRICS_PORT: "0" }).metricsPort).toBe(0);
  });

  it("treats an empty variable as unset", () => {
    expect(loadGatewayConfig({ PORT: "", SUBGRAPH_CATALOG_URL: "" })).toMatchObject({
      port: 4000,
      subgraphUrlOverrides: {},
    });
  });

  it.each([
    [{ PORT: "http" }, "PORT must be a whole number from 0 to 65535"],
    [{ PORT: "70000" }, "PORT must be a whole number from 0 to 65535"],
    [{ PORT: "-1" }, "PORT must be a whole number"],
    [{ PORT: "80.5" }, "PORT must be a whole number"],
    [{ SUPERGRAPH_POLL_MS: "soon" }, "SUPERGRAPH_POLL_MS must be a whole number"],
    [{ MAX_REQUEST_BYTES: "0" }, "MAX_REQUEST_BYTES must be a whole number from 1"],
    [{ READY_TIMEOUT_MS: "1e3" }, "READY_TIMEOUT_MS must be a whole number"],
    [{ INTROSPECTION: "yes" }, 'INTROSPECTION must be "true" or "false"'],
    [{ METRICS_PORT: "9464x" }, 'METRICS_PORT must be a whole number from 0 to 65535 (got "9464x")'],
    [{ SUBGRAPH_CATALOG_URL: "localhost:4001" }, "SUBGRAPH_CATALOG_URL must be an http:// or https:// URL"],
    [{ SUBGRAPH_CATALOG_URL: "not a url" }, "SUBGRAPH_CATALOG_URL must be an http:// or https:// URL"],
    [{ SUBGRAPH_HELP_DESKS_URL: "ftp://x/graphql" }, "SUBGRAPH_HELP_DESKS_URL must be an http:// or https:// URL"],
    [{ SUBGRAPH_HELP_DESKS_TIMEOUT_MS: "0" }, "SUBGRAPH_HELP_DESKS_TIMEOUT_MS must be a whole number from 1 to 600000"],
    [{ SUBGRAPH_BREAKER_FAILURES: "none" }, "SUBGRAPH_BREAKER_FAILURES must be a whole number from 1 to 1000"],
    [{ SUBGRAPH_BREAKER_RESET_MS: "5" }, "SUBGRAPH_BREAKER_RESET_MS must be a whole number from 10"],
    [{ SUBGRAPH_RETRY: "1" }, 'SUBGRAPH_RETRY must be "true" or "false"'],
    [{ REGISTRY_URL: "registry:4010" }, "REGISTRY_URL must be an http(s) URL"],
    [{ SUPERGRAPH_URL: "not a url" }, "SUPERGRAPH_URL must be an http(s) URL"],
  ])("refuses %o with a message naming the variable and the rule", (env, message) => {
    expect(() => loadGatewayConfig(env)).toThrow(message);
  });

  it("keeps a password in a misplaced URL out of the error message", () => {
    expect(() => loadGatewayConfig({ SUBGRAPH_CATALOG_URL: "postgres://app:s3cret@db/catalog" })).toThrow(
      /^(?!.*s3cret).*SUBGRAPH_CATALOG_URL/,
    );
  });
});

describe("subgraph URL overrides", () => {
  it("names the variable from the subgraph name", () => {
    expect(subgraphUrlVariable("catalog")).toBe("SUBGRAPH_CATALOG_URL");
    expect(subgraphUrlVariable("help-desks")).toBe("SUBGRAPH_HELP_DESKS_URL");
  });

  it("applies an override by subgraph name and leaves the others on the supergraph's URL", () => {
    const { subgraphUrlOverrides } = loadGatewayConfig({ SUBGRAPH_HELP_DESKS_URL: "http://127.0.0.1:9/graphql" });
    expect(resolveSubgraphUrl("help-desks", "http://localhost:4002/graphql", subgraphUrlOverrides)).toBe(
      "http://127.0.0.1:9/graphql",
    );
    expect(resolveSubgraphUrl("catalog", "http://localhost:4001/graphql", subgraphUrlOverrides)).toBe(
      "http://localhost:4001/graphql",
    );
  });
});
