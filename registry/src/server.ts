/**
 * The registry's HTTP API (JSON, bearer tokens):
 *
 *   GET    /supergraph                      the latest supergraph (ETag, If-None-Match → 304)
 *   GET    /subgraphs                       the published subgraphs, their URLs and owners
 *   GET    /versions?limit=20               the history, newest first
 *   POST   /subgraphs/<name>/check          { sdl, routingUrl, owner?, contact?, force?, reason? } → the verdict
 *   POST   /subgraphs/<name>/publish        the same; stores a new version when it passes (422 when refused)
 *   DELETE /subgraphs/<name>                takes a subgraph out, checked like any change
 *   POST   /versions/<id>/rollback          { reason? } serves an earlier version's subgraphs again (admin)
 *   POST   /usage                           { reports } the operations a gateway saw, per client (any token)
 *   GET    /health, /ready
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "@portal-graph/http-kit";
import type { DataSource } from "typeorm";
import { mayChange, type Credential, type Credentials } from "./credentials.js";
import { Registry, RegistryInputError, type Override, type SubgraphProposal } from "./registry.js";
import type { ServingCheck } from "./serving.js";
import { parseUsage, recordUsage } from "./usage.js";

const MAX_BODY_BYTES = 2 * 1024 * 1024;

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function createRegistryServer(options: {
  dataSource: DataSource;
  credentials: Credentials;
  logger: Logger;
  /** How far back a reported operation counts as a user of what a change breaks (default 30 days). */
  usageWindowDays?: number;
  /** Asks a subgraph for the schema it serves before publishing it (see serving.ts); none: not asked. */
  serving?: ServingCheck;
}): Server {
  const registry = new Registry(options.dataSource, {
    usageWindowDays: options.usageWindowDays,
    serving: options.serving,
  });
  const { credentials, logger } = options;

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://registry");
    const parts = url.pathname.split("/").filter(Boolean);
    if (req.method === "GET" && url.pathname === "/health") return send(res, 200, { status: "ok" });
    if (req.method === "GET" && url.pathname === "/ready") {
      await options.dataSource.query("SELECT 1");
      return send(res, 200, { status: "ready" });
    }
    const caller = authenticate(req);

    if (req.method === "GET" && url.pathname === "/supergraph") {
      const latest = await registry.latest();
      if (!latest) throw new HttpFailure(404, "NOT_FOUND", "nothing has been published yet");
      const etag = `"${latest.hash}"`;
      res.setHeader("etag", etag);
      res.setHeader("x-supergraph-version", String(latest.id));
      res.setHeader("cache-control", "no-cache");
      if (req.headers["if-none-match"] === etag) return void res.writeHead(304).end();
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(latest.supergraph);
      return;
    }
    if (req.method === "GET" && url.pathname === "/subgraphs") {
      const latest = await registry.latest();
      const subgraphs = (latest?.subgraphs ?? []).map(({ sdl: _sdl, ...rest }) => rest);
      return send(res, 200, { version: latest?.id ?? null, subgraphs });
    }
    if (req.method === "GET" && url.pathname === "/versions") {
      const limit = Math.min(Math.max(Number(url.searchParams.get("limit") ?? 20) || 20, 1), 200);
      return send(res, 200, { versions: await registry.history(limit) });
    }
    if (req.method === "POST" && url.pathname === "/usage") {
      const recorded = await recordUsage(options.dataSource, parseUsage(await readJson(req)));
      return send(res, 202, { recorded });
    }
    if (parts[0] === "subgraphs" && parts.length >= 2) {
      const name = decodeURIComponent(parts[1]!);
      if (!mayChange(caller, name)) {
        throw new HttpFailure(403, "FORBIDDEN", `this credential may not change the subgraph "${name}"`);
      }
      if (req.method === "POST" && parts[2] === "check" && parts.length === 3) {
        const body = await readJson(req);
        return send(res, 200, await registry.check(name, proposalOf(body), overrideOf(body)));
      }
      if (req.method === "POST" && parts[2] === "publish" && parts.length === 3) {
        const body = await readJson(req);
        const outcome = await registry.publish(name, proposalOf(body), caller.name, overrideOf(body));
        logPublish(logger, "publish", name, caller, outcome.version?.id);
        return send(res, outcome.result.ok ? 200 : 422, outcome);
      }
      if (req.method === "DELETE" && parts.length === 2) {
        const body = await readJson(req);
        const outcome = await registry.remove(name, caller.name, overrideOf(body));
        logPublish(logger, "remove", name, caller, outcome.version?.id);
        return send(res, outcome.result.ok ? 200 : 422, outcome);
      }
    }
    if (req.method === "POST" && parts[0] === "versions" && parts[2] === "rollback" && parts.length === 3) {
      if (caller.role !== "admin") throw new HttpFailure(403, "FORBIDDEN", "only an admin credential may roll back");
      const id = Number(parts[1]);
      if (!Number.isInteger(id) || id < 1) throw new HttpFailure(400, "BAD_REQUEST", "the version must be a number");
      const body = await readJson(req);
      const version = await registry.rollback(
        id,
        caller.name,
        typeof body.reason === "string" ? body.reason : undefined,
      );
      logger.info({ version: version.id, to: id, actor: caller.name }, "rolled back");
      return send(res, 200, { version });
    }
    throw new HttpFailure(404, "NOT_FOUND", `no route ${req.method} ${url.pathname}`);
  };

  const authenticate = (req: IncomingMessage): Credential => {
    const header = req.headers.authorization ?? "";
    const token = /^bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? null;
    const credential = credentials.find(token);
    if (!credential) throw new HttpFailure(401, "UNAUTHENTICATED", "a registry token is required (REGISTRY_TOKEN)");
    return credential;
  };

  return createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (error instanceof HttpFailure)
        return send(res, error.status, { error: { code: error.code, message: error.message } });
      if (error instanceof RegistryInputError) {
        const code = error.status === 404 ? "NOT_FOUND" : "BAD_REQUEST";
        return send(res, error.status, { error: { code, message: error.message } });
      }
      logger.error({ err: error, url: req.url }, "registry request failed");
      send(res, 500, { error: { code: "INTERNAL", message: "the registry failed; see its log" } });
    });
  });
}

function logPublish(logger: Logger, action: string, subgraph: string, caller: Credential, version?: number): void {
  logger.info({ action, subgraph, actor: caller.name, version: version ?? null }, version ? "published" : "refused");
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpFailure(413, "PAYLOAD_TOO_LARGE", "the body is larger than 2 MB");
    chunks.push(chunk);
  }
  if (size === 0) return {};
  try {
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
    if (typeof body !== "object" || body === null || Array.isArray(body)) throw new Error("not an object");
    return body as Record<string, unknown>;
  } catch {
    throw new HttpFailure(400, "BAD_REQUEST", "the body must be a JSON object");
  }
}

function proposalOf(body: Record<string, unknown>): SubgraphProposal {
  const text = (field: string, required: boolean) => {
    const value = body[field];
    if (value === undefined && !required) return undefined;
    if (typeof value !== "string") throw new HttpFailure(400, "BAD_REQUEST", `${field} must be a string`);
    return value;
  };
  return {
    sdl: text("sdl", true)!,
    routingUrl: text("routingUrl", false),
    owner: text("owner", false),
    contact: text("contact", false),
  };
}

function overrideOf(body: Record<string, unknown>): Override {
  return {
    force: body.force === true,
    reason: typeof body.reason === "string" ? body.reason : undefined,
  };
}
