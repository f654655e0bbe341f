/**
 * The example portal UI's server: the built single-page application as static files, its runtime configuration at
 * /config.json, and /health. Nothing else: the browser calls the gateway and the identity provider itself. It listens
 * nowhere by itself (index.ts does), so `npm start` and the tests run it in-process on any port.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** What the UI reads at start from /config.json: where the graph and the identity provider are. */
export interface PortalConfig {
  /** The gateway's GraphQL endpoint as the browser reaches it, e.g. http://localhost:4000/graphql. */
  gatewayUrl: string;
  /** The OpenID Connect provider: the issuer identifier (discovery is read from it) and this UI's client id. */
  oidc: { issuer: string; clientId: string; scope: string };
  /**
   * Send each operation's text beside its persisted document id. False by default: the gateway knows the UI's
   * manifest (TRUSTED_DOCUMENTS; npm start hands it over), so ids alone are enough, and TRUSTED_DOCUMENTS_ONLY=true
   * works as it is. PORTAL_SEND_QUERY_TEXT=true is for a gateway that does not have the manifest.
   */
  sendQueryText: boolean;
}

/** The client id the development issuer registers for this UI. */
export const PORTAL_CLIENT_ID = "portal-ui";

/**
 * Reads the configuration from the environment: PORTAL_GATEWAY_URL, PORTAL_OIDC_ISSUER, PORTAL_OIDC_CLIENT_ID,
 * PORTAL_OIDC_SCOPE and PORTAL_SEND_QUERY_TEXT (true: send the text beside the id). Missing values are named.
 */
export function readPortalConfig(env: NodeJS.ProcessEnv = process.env): PortalConfig {
  const missing = ["PORTAL_GATEWAY_URL", "PORTAL_OIDC_ISSUER"].filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`${missing.join(" and ")} must be set (portal-ui)`);
  return {
    gatewayUrl: env.PORTAL_GATEWAY_URL!,
    oidc: {
      issuer: env.PORTAL_OIDC_ISSUER!,
      clientId: env.PORTAL_OIDC_CLIENT_ID ?? PORTAL_CLIENT_ID,
      scope: env.PORTAL_OIDC_SCOPE ?? "openid profile email",
    },
    sendQueryText: env.PORTAL_SEND_QUERY_TEXT === "true",
  };
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** The built UI next to this module: dist/public from dist/server, or from server/ when run from source. */
export function defaultStaticDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.basename(here) === "server" && path.basename(path.dirname(here)) === "dist"
    ? path.resolve(here, "..", "public")
    : path.resolve(here, "..", "dist", "public");
}

export interface PortalUiServerOptions {
  /** The configuration, read on every /config.json request; undefined answers 503 (not configured yet). */
  config: () => PortalConfig | undefined;
  staticDir?: string;
}

/** Builds the UI's HTTP server (not listening). */
export function createPortalUiServer(options: PortalUiServerOptions): Server {
  const staticDir = options.staticDir ?? defaultStaticDir();
  if (!existsSync(path.join(staticDir, "index.html")))
    throw new Error(`${staticDir}/index.html is missing: build the UI first (npm run build -w portal-ui)`);
  return createServer((req, res) => handle(req, res, staticDir, options.config));
}

function securityHeaders(res: ServerResponse, config: PortalConfig | undefined): void {
  const origins = config ? [new URL(config.gatewayUrl).origin, new URL(config.oidc.issuer).origin] : [];
  res.setHeader(
    "content-security-policy",
    [
      "default-src 'self'",
      `connect-src 'self' ${[...new Set(origins)].join(" ")}`.trim(),
      "img-src 'self' data:",
      "style-src 'self'",
      "script-src 'self'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  );
  res.setHeader("x-content-type-options", "nosniff");
  // The callback URL carries the sign-in code: never send it on as a referrer.
  res.setHeader("referrer-policy", "no-referrer");
}

function handle(
  req: IncomingMessage,
  res: ServerResponse,
  staticDir: string,
  configOf: () => PortalConfig | undefined,
): void {
  const config = configOf();
  securityHeaders(res, config);
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD" }).end();
    return;
  }
  const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
  if (pathname === "/health") {
    res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
    return;
  }
  if (pathname === "/config.json") {
    if (!config) {
      res.writeHead(503, { "content-type": "application/json", "retry-after": "1" }).end('{"error":"starting"}');
      return;
    }
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(config));
    return;
  }
  const file = path.resolve(staticDir, `.${pathname}`);
  const inside = file.startsWith(`${staticDir}${path.sep}`);
  if (inside && existsSync(file) && statSync(file).isFile()) return sendFile(res, file, req.method === "HEAD");
  // A path with an extension is a missing file; any other path is a route of the application.
  if (path.extname(pathname)) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
    return;
  }
  sendFile(res, path.join(staticDir, "index.html"), req.method === "HEAD");
}

function sendFile(res: ServerResponse, file: string, headOnly: boolean): void {
  const hashed = file.includes(`${path.sep}assets${path.sep}`);
  res.writeHead(200, {
    "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
    "content-length": statSync(file).size,
    // Vite names built assets by their content: they never change; the page itself is always revalidated.
    "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
  });
  if (headOnly) res.end();
  else createReadStream(file).pipe(res);
}
