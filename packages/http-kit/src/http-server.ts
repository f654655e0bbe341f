import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HeaderMap, type ApolloServer, type BaseContext } from "@apollo/server";
import type { Logger } from "pino";
import { addVary, applyCors, type CorsPolicy } from "./cors.js";
import type { RequestErrorCode } from "./error-codes.js";
import { requestIdFrom, runWithRequestId } from "./request-id.js";
import { readHstsMaxAgeSeconds, setSecurityHeaders } from "./security-headers.js";

/** What the HTTP layer knows of a request before GraphQL sees it. */
export interface HttpRequestInfo {
  requestId: string;
  headers: IncomingMessage["headers"];
  /** The peer's address (a proxy's, behind one). */
  remoteAddress?: string;
  /** Aborts when the client closes the connection before its answer is written: nobody will read it. */
  signal: AbortSignal;
  /** Who proved to be calling (what verifyCaller answered), on a server that checks callers. */
  caller?: string;
  /**
   * The GraphQL request as sent (JSON body or query string), unchecked: its text and operation name, and what may
   * stand for the text (a trusted document's `documentId`, an automatic persisted query's `extensions`).
   */
  graphql?: { query?: unknown; operationName?: unknown; documentId?: unknown; extensions?: unknown };
}

/** The request a caller proof must cover: method, path with query string as sent, and the exact body bytes. */
export interface CallToVerify {
  method: string;
  target: string;
  body: Buffer;
}

/** A plain JSON route such as /health: returns a status and a body. */
export type JsonRoute = (request: HttpRequestInfo) => Promise<{ status: number; body: unknown }>;

/** A route that writes the response itself (streams, CSV exports). */
export type RawRoute = (req: IncomingMessage, res: ServerResponse, request: HttpRequestInfo) => Promise<void>;

export interface GraphQLHttpServerOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  context: (request: HttpRequestInfo) => Promise<TContext>;
  logger: Logger;
  /** Largest request body accepted, in bytes; larger bodies get 413 before any parsing. */
  maxBodyBytes?: number;
  graphqlPath?: string;
  /** Answers a browser's GET (or HEAD) of the GraphQL path that accepts text/html: an IDE. Absent: GraphQL answers. */
  graphqlPage?: RawRoute;
  routes?: Record<string, JsonRoute>;
  rawRoutes?: Record<string, RawRoute>;
  /** Runs inside the request before anything else (for request-scoped storage). */
  around?: <T>(request: HttpRequestInfo, run: () => Promise<T>) => Promise<T>;
  /** Headers added to a GraphQL response, read after execution (for per-request counters). */
  responseHeaders?: (request: HttpRequestInfo) => Record<string, string>;
  /**
   * Proves who is calling before anything else is done with a request (a subgraph's check of the gateway's
   * assertion): it sees the raw body before any parsing, throws an HttpError to refuse, and its answer becomes
   * `request.caller`. Routes other than GraphQL are checked with an empty body. Paths in `openPaths` skip it.
   */
  verifyCaller?: (request: HttpRequestInfo, call: CallToVerify) => Promise<string>;
  openPaths?: string[];
  /** Browser origins allowed to call; none by default, and a preflight from any other origin is refused (403). */
  cors?: CorsPolicy;
  /**
   * Runs each request in an async-local scope holding its id, so every log line written meanwhile carries it
   * (default true). On Node 20 any async-local storage turns on promise hooks, which cost a promise-heavy process
   * about a fifth of its throughput: a process whose request-time lines name their request themselves may turn it off.
   */
  requestScope?: boolean;
  /** Strict-Transport-Security max-age; default HSTS_MAX_AGE_SECONDS, no header when unset. */
  hstsMaxAgeSeconds?: number | null;
}

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/** A refusal the HTTP layer answers itself, as a GraphQL-shaped error with this status and code. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: RequestErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** A node:http server that serves GraphQL through Apollo's HTTP API plus JSON routes; it listens nowhere until asked. */
export function createGraphQLHttpServer<TContext extends BaseContext>(
  options: GraphQLHttpServerOptions<TContext>,
): Server {
  const graphqlPath = options.graphqlPath ?? "/graphql";
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const aroundRequest = options.around ?? ((_request, run) => run());
  // Everything a request does runs as that request, so each log line written meanwhile carries its id.
  const around: typeof aroundRequest =
    options.requestScope === false
      ? aroundRequest
      : (request, run) => runWithRequestId(request.requestId, () => aroundRequest(request, run));
  const openPaths = new Set(options.openPaths ?? []);
  const checksCaller = (path: string) => options.verifyCaller !== undefined && !openPaths.has(path);
  const cors = options.cors ?? { origins: [] };
  const hstsMaxAgeSeconds =
    options.hstsMaxAgeSeconds === undefined ? readHstsMaxAgeSeconds() : options.hstsMaxAgeSeconds;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const gone = new AbortController();
    res.once("close", () => {
      if (!res.writableFinished) gone.abort(new Error("the client closed the connection"));
    });
    const request: HttpRequestInfo = {
      requestId: requestIdFrom(req.headers["x-request-id"]),
      headers: req.headers,
      remoteAddress: req.socket.remoteAddress,
      signal: gone.signal,
    };
    res.setHeader("x-request-id", request.requestId);
    setSecurityHeaders(res, hstsMaxAgeSeconds);
    const url = new URL(req.url ?? "/", "http://localhost");
    try {
      if (applyCors(req, res, cors)) return;
      await around(request, async () => {
        const route = options.routes?.[url.pathname];
        const rawRoute = options.rawRoutes?.[url.pathname];
        if (url.pathname !== graphqlPath && checksCaller(url.pathname)) {
          request.caller = await options.verifyCaller!(request, {
            method: req.method ?? "GET",
            target: req.url ?? "/",
            body: Buffer.alloc(0),
          });
        }
        if (route && req.method === "GET") {
          const { status, body } = await route(request);
          sendJson(res, status, body);
        } else if (rawRoute) {
          await rawRoute(req, res, request);
        } else if (url.pathname === graphqlPath && options.graphqlPage && wantsHtml(req)) {
          await options.graphqlPage(req, res, request);
        } else if (url.pathname === graphqlPath) {
          await serveGraphQL(req, res, url, request);
        } else {
          sendError(res, 404, "NOT_FOUND", `No route ${url.pathname}`);
        }
      });
    } catch (error) {
      if (error instanceof HttpError) {
        req.resume();
        sendJson(res, error.status, {
          errors: [{ message: error.message, extensions: { ...error.extensions, code: error.code } }],
        });
      } else {
        options.logger.error({ err: error, requestId: request.requestId }, "request failed");
        if (!res.headersSent) {
          sendError(res, 500, "INTERNAL", "Internal server error", { requestId: request.requestId });
        } else {
          res.end();
        }
      }
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      options.logger.debug(
        { requestId: request.requestId, method: req.method, path: url.pathname, status: res.statusCode, ms },
        "request",
      );
    }
  }

  async function serveGraphQL(req: IncomingMessage, res: ServerResponse, url: URL, request: HttpRequestInfo) {
    const raw = req.method === "POST" ? await readBody(req, maxBodyBytes) : Buffer.alloc(0);
    if (checksCaller(url.pathname)) {
      request.caller = await options.verifyCaller!(request, {
        method: req.method ?? "GET",
        target: req.url ?? "/",
        body: raw,
      });
    }
    const body = req.method === "POST" ? parseJsonBody(req, raw.toString("utf8")) : undefined;
    request.graphql = graphqlRequestOf(body, url);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
      context: () => options.context(request),
    });
    for (const [key, value] of response.headers) {
      if (key === "vary") addVary(res, value);
      else res.setHeader(key, value);
    }
    for (const [key, value] of Object.entries(options.responseHeaders?.(request) ?? {})) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  const server = createServer((req, res) => void handle(req, res));
  server.keepAliveTimeout = 65_000;
  return server;
}

function wantsHtml(req: IncomingMessage): boolean {
  return (req.method === "GET" || req.method === "HEAD") && (req.headers.accept ?? "").includes("text/html");
}

function graphqlRequestOf(body: unknown, url: URL): HttpRequestInfo["graphql"] {
  if (body === undefined) {
    const search = url.searchParams;
    return {
      query: search.get("query") ?? undefined,
      operationName: search.get("operationName"),
      documentId: search.get("documentId") ?? undefined,
      extensions: jsonOrUndefined(search.get("extensions")),
    };
  }
  if (typeof body !== "object" || body === null) return undefined;
  const { query, operationName, documentId, extensions } = body as Record<string, unknown>;
  return { query, operationName, documentId, extensions };
}

// Apollo Server answers a malformed `extensions` parameter itself; here it is only unknown.
function jsonOrUndefined(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseJsonBody(req: IncomingMessage, raw: string): unknown {
  const type = req.headers["content-type"] ?? "";
  if (!type.includes("application/json") && !type.includes("application/graphql-response+json")) {
    // Apollo's CSRF prevention decides what a non-JSON POST means; hand it the raw text.
    return raw;
  }
  if (raw.length === 0)
    throw new HttpError(400, "BAD_REQUEST", "Request body is empty; send a JSON object with a query");
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpError(400, "BAD_REQUEST", "Request body is not valid JSON");
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) {
    req.resume();
    throw new HttpError(413, "PAYLOAD_TOO_LARGE", `Request body is larger than the limit of ${limit} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.resume();
      throw new HttpError(413, "PAYLOAD_TOO_LARGE", `Request body is larger than the limit of ${limit} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Writes a JSON response with the given status. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

/** Writes a GraphQL-shaped error response: one error with a registered code. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: RequestErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  sendJson(res, status, { errors: [{ message, extensions: { ...extensions, code } }] });
}

/** Listens on the port (0 picks a free one) and resolves with the port actually bound; a port in use rejects with a clear message. */
export function listen(server: Server, port: number, host = "0.0.0.0"): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === "EADDRINUSE" ? new Error(`port ${port} is already in use`) : error);
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
