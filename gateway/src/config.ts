import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadOperationLimits, type OperationLimitsConfig } from "./limits/config.js";
import { loadRateLimitConfig, type RateLimitConfig } from "./rate-limit/config.js";
import { readCorsOrigins, readFlag, readSetting, readWholeNumber } from "@portal-graph/http-kit";
import type { TrustedDocumentsConfig } from "./trusted-documents.js";
import type { ResponseCacheConfig } from "./response-cache.js";

/** Everything the gateway reads from its environment, validated once at start. */
export interface GatewayConfig {
  port: number;
  host: string;
  supergraphPath: string;
  /**
   * Where a registry serves the supergraph (SUPERGRAPH_URL, or REGISTRY_URL + /supergraph): the gateway follows it
   * instead of the file; undefined for the file (development and tests).
   */
  supergraphUrl: string | undefined;
  /** The gateway's read token at the registry (REGISTRY_TOKEN). */
  registryToken: string | undefined;
  /**
   * Where the gateway reports which operations clients send (USAGE_REPORT_URL, or the registry's /usage when it
   * follows a registry); undefined for none.
   */
  usageReportUrl: string | undefined;
  /** How often a batch of usage goes to the registry (USAGE_REPORT_INTERVAL_MS). */
  usageReportIntervalMs: number;
  /** The copy of the last supergraph the registry served (SUPERGRAPH_CACHE_PATH, default data/supergraph.cache.graphql). */
  supergraphCachePath: string;
  /** Subgraph URLs that replace the supergraph's routing URLs, keyed by subgraph name (`help-desks`). */
  subgraphUrlOverrides: Record<string, string>;
  pollIntervalMs: number;
  maxBodyBytes: number;
  readyTimeoutMs: number;
  introspection: boolean;
  /** How long a subgraph fetch may take before the gateway gives up on it. */
  subgraphTimeoutMs: number;
  /** Per-subgraph timeouts over subgraphTimeoutMs, keyed by subgraph name (`SUBGRAPH_HELP_DESKS_TIMEOUT_MS`). */
  subgraphTimeouts: Record<string, number>;
  /** Consecutive failed fetches that open a subgraph's circuit. */
  breakerFailures: number;
  /** How long an open circuit waits before each probe of its subgraph. */
  breakerResetMs: number;
  /** Retry a query fetch once when its connection failed. */
  retrySubgraphQueries: boolean;
  /** Send an identical in-flight subgraph query (same viewer, document, variables) once. */
  deduplicateSubgraphQueries: boolean;
  /** Paths the gateway forwards, streamed, to one subgraph: path → subgraph name. */
  passthroughRoutes: Record<string, string>;
  /** Operation limits (MAX_DEPTH, MAX_COST, ...) and the cost estimate's settings. */
  limits: OperationLimitsConfig;
  /** Per-client budgets (RATE_LIMIT, RATE_LIMIT_*, REDIS_URL, TRUSTED_PROXIES). */
  rateLimit: RateLimitConfig;
  /** Serve GET /metrics on the public port too (development only: off in production). */
  publicMetrics: boolean;
  /** A separate listener for GET /metrics (METRICS_PORT; 0 picks a free port), or undefined for none. */
  metricsPort: number | undefined;
  metricsHost: string;
  /** Browser origins allowed to call the gateway (CORS). */
  corsOrigins: string[];
  /** Serve the GraphQL IDE at GET /graphql to browsers (GRAPHQL_IDE; on outside production, off in production). */
  graphqlIde: boolean;
  /** Trusted documents (TRUSTED_DOCUMENTS manifests) and whether only they run (TRUSTED_DOCUMENTS_ONLY). */
  trustedDocuments: TrustedDocumentsConfig;
  /**
   * Automatic persisted queries: on unless only trusted documents run; kept in Redis when REDIS_URL is set (shared by
   * replicas), in memory otherwise.
   */
  apq: { enabled: boolean; redisUrl: string | undefined };
  /**
   * The response cache of public answers (RESPONSE_CACHE; on outside production, and in production when REDIS_URL
   * is set): in Redis with REDIS_URL, shared by every replica; in memory otherwise (RESPONSE_CACHE_MAX_MIB).
   */
  responseCache: ResponseCacheConfig;
}

const OVERRIDE_VARIABLE = /^SUBGRAPH_([A-Z0-9_]+)_URL$/;
const TIMEOUT_VARIABLE = /^SUBGRAPH_([A-Z0-9_]+)_TIMEOUT_MS$/;

/** The environment variable that overrides a subgraph's URL: `help-desks` → `SUBGRAPH_HELP_DESKS_URL`. */
export function subgraphUrlVariable(name: string): string {
  return `SUBGRAPH_${overrideKey(name).toUpperCase().replace(/-/g, "_")}_URL`;
}

/** How long a fetch to the subgraph may take: its own timeout when one is set, otherwise the default. */
export function subgraphTimeout(name: string, config: Pick<GatewayConfig, "subgraphTimeoutMs" | "subgraphTimeouts">) {
  return config.subgraphTimeouts[overrideKey(name)] ?? config.subgraphTimeoutMs;
}

/** The URL to call for a subgraph: its override when one is set, otherwise the supergraph's routing URL. */
export function resolveSubgraphUrl(name: string, url: string, overrides: Record<string, string>): string {
  return overrides[overrideKey(name)] ?? url;
}

// Environment variable names cannot tell `help_desks` from `help-desks`, so both sides are normalised to kebab-case.
function overrideKey(name: string): string {
  return name.toLowerCase().replace(/_/g, "-");
}

/** Reads and validates the gateway's configuration; a bad value throws an Error naming the variable and the rule. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const introspection = readFlag(env, "INTROSPECTION") ?? env.NODE_ENV !== "production";
  const rateLimit = loadRateLimitConfig(env);
  const trustedDocuments = readTrustedDocuments(env);
  return {
    port: readWholeNumber(env, "PORT", 4000, 0, 65_535),
    host: readSetting(env, "HOST") ?? "0.0.0.0",
    supergraphPath: path.resolve(readSetting(env, "SUPERGRAPH_PATH") ?? defaultSupergraphPath()),
    supergraphUrl: readSupergraphUrl(env),
    registryToken: readSetting(env, "REGISTRY_TOKEN"),
    usageReportUrl: readUsageReportUrl(env),
    usageReportIntervalMs: readWholeNumber(env, "USAGE_REPORT_INTERVAL_MS", 5000, 100, 3_600_000),
    supergraphCachePath: path.resolve(
      readSetting(env, "SUPERGRAPH_CACHE_PATH") ??
        path.join(readSetting(env, "DATA_DIR") ?? "data", "supergraph.cache.graphql"),
    ),
    subgraphUrlOverrides: readOverrides(env),
    pollIntervalMs: readWholeNumber(env, "SUPERGRAPH_POLL_MS", 1000, 10, 3_600_000),
    maxBodyBytes: readWholeNumber(env, "MAX_REQUEST_BYTES", 262_144, 1, 1_073_741_824),
    readyTimeoutMs: readWholeNumber(env, "READY_TIMEOUT_MS", 2000, 1, 600_000),
    introspection,
    passthroughRoutes: readPassthroughRoutes(env),
    deduplicateSubgraphQueries: readFlag(env, "DEDUPLICATE_SUBGRAPH_QUERIES") ?? true,
    subgraphTimeoutMs: readWholeNumber(env, "SUBGRAPH_TIMEOUT_MS", 10_000, 1, 600_000),
    subgraphTimeouts: readTimeouts(env),
    breakerFailures: readWholeNumber(env, "SUBGRAPH_BREAKER_FAILURES", 5, 1, 1000),
    breakerResetMs: readWholeNumber(env, "SUBGRAPH_BREAKER_RESET_MS", 2000, 10, 600_000),
    retrySubgraphQueries: readFlag(env, "SUBGRAPH_RETRY") ?? true,
    limits: loadOperationLimits(env),
    rateLimit,
    publicMetrics: env.NODE_ENV !== "production",
    metricsPort:
      readSetting(env, "METRICS_PORT") === undefined ? undefined : readWholeNumber(env, "METRICS_PORT", 0, 0, 65_535),
    metricsHost: readSetting(env, "METRICS_HOST") ?? "127.0.0.1",
    corsOrigins: readCorsOrigins(env),
    graphqlIde: readFlag(env, "GRAPHQL_IDE") ?? env.NODE_ENV !== "production",
    trustedDocuments,
    apq: { enabled: !trustedDocuments.only, redisUrl: rateLimit.redisUrl },
    responseCache: {
      // In production without Redis each replica would keep its own copy that a write through another replica
      // cannot evict: there the cache waits for REDIS_URL, or for RESPONSE_CACHE=true on a single replica.
      enabled: readFlag(env, "RESPONSE_CACHE") ?? (env.NODE_ENV !== "production" || rateLimit.redisUrl !== undefined),
      redisUrl: rateLimit.redisUrl,
      maxMiB: readWholeNumber(env, "RESPONSE_CACHE_MAX_MIB", 32, 1, 4096),
      redisPrefix: readRedisPrefix(env),
    },
  };
}

/** Where the response cache's keys live in Redis by default: `<prefix>generation` and `<prefix>fqc:<sha256>`. */
const RESPONSE_CACHE_PREFIX = "portal-graph:response-cache:";

function readRedisPrefix(env: NodeJS.ProcessEnv): string {
  const prefix = readSetting(env, "RESPONSE_CACHE_REDIS_PREFIX") ?? RESPONSE_CACHE_PREFIX;
  if (!/^[A-Za-z0-9:._-]{1,100}$/.test(prefix)) {
    throw new Error(`RESPONSE_CACHE_REDIS_PREFIX must be 1 to 100 of A-Z a-z 0-9 : . _ - (got "${prefix}")`);
  }
  return prefix;
}

function readTrustedDocuments(env: NodeJS.ProcessEnv): TrustedDocumentsConfig {
  const manifests = (readSetting(env, "TRUSTED_DOCUMENTS") ?? "")
    .split(",")
    .map((file) => file.trim())
    .filter(Boolean)
    .map((file) => path.resolve(file));
  const only = readFlag(env, "TRUSTED_DOCUMENTS_ONLY") ?? false;
  if (only && manifests.length === 0) {
    throw new Error("TRUSTED_DOCUMENTS_ONLY=true needs TRUSTED_DOCUMENTS: the manifest files of the documents to run");
  }
  return { manifests, only };
}

function readSupergraphUrl(env: NodeJS.ProcessEnv): string | undefined {
  const explicit = readSetting(env, "SUPERGRAPH_URL");
  const registry = readSetting(env, "REGISTRY_URL");
  const value = explicit ?? (registry ? `${registry.replace(/\/+$/, "")}/supergraph` : undefined);
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${explicit ? "SUPERGRAPH_URL" : "REGISTRY_URL"} must be an http(s) URL, got "${value}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`${explicit ? "SUPERGRAPH_URL" : "REGISTRY_URL"} must be an http(s) URL, got "${value}"`);
  }
  return url.toString();
}

function readUsageReportUrl(env: NodeJS.ProcessEnv): string | undefined {
  if (readFlag(env, "USAGE_REPORTING") === false) return undefined;
  const explicit = readSetting(env, "USAGE_REPORT_URL");
  if (explicit) {
    if (!/^https?:\/\//.test(explicit)) throw new Error(`USAGE_REPORT_URL must be an http(s) URL, got "${explicit}"`);
    return explicit;
  }
  const supergraph = readSupergraphUrl(env);
  return supergraph?.endsWith("/supergraph") ? `${supergraph.slice(0, -"/supergraph".length)}/usage` : undefined;
}

// The acknowledgements subgraph's evidence export is reachable at the gateway's origin by default.
const DEFAULT_PASSTHROUGH = "/export/acknowledgements.csv=acknowledgements";

function readPassthroughRoutes(env: NodeJS.ProcessEnv): Record<string, string> {
  const routes: Record<string, string> = {};
  for (const pair of (readSetting(env, "PASSTHROUGH_ROUTES") ?? DEFAULT_PASSTHROUGH)
    .split(",")
    .map((part) => part.trim())) {
    const [routePath, subgraph] = pair.split("=").map((part) => part?.trim());
    if (!routePath?.startsWith("/") || !subgraph) {
      throw new Error(`PASSTHROUGH_ROUTES entries must be /path=subgraph (got "${pair}")`);
    }
    routes[routePath] = overrideKey(subgraph);
  }
  return routes;
}

function readTimeouts(env: NodeJS.ProcessEnv): Record<string, number> {
  const timeouts: Record<string, number> = {};
  for (const name of Object.keys(env).sort()) {
    const match = TIMEOUT_VARIABLE.exec(name);
    if (match && readSetting(env, name) !== undefined)
      timeouts[overrideKey(match[1]!)] = readWholeNumber(env, name, 0, 1, 600_000);
  }
  return timeouts;
}

function readOverrides(env: NodeJS.ProcessEnv): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const name of Object.keys(env).sort()) {
    const match = OVERRIDE_VARIABLE.exec(name);
    const raw = readSetting(env, name);
    if (!match || raw === undefined) continue;
    // The value is left out of the message: a misplaced connection string could carry a password.
    const rule = `${name} must be an http:// or https:// URL such as http://localhost:4001/graphql`;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new Error(`${rule} (it is not a URL)`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`${rule} (it is ${url.protocol}//)`);
    overrides[overrideKey(match[1]!)] = raw;
  }
  return overrides;
}

// Walks up from this file (gateway/src or gateway/dist) to the directory holding the registry, so the default
// works from sources, from the build and through the node_modules symlink alike.
function defaultSupergraphPath(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = here; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "schema", "subgraphs.json"))) return path.join(dir, "schema", "supergraph.graphql");
  }
  return path.resolve(here, "..", "..", "schema", "supergraph.graphql");
}
