/**
 * The GraphQL IDE at `GET /graphql` for a browser (Accept: text/html): GraphiQL from `@graphql-yoga/render-graphiql`,
 * one ~9 MB page with every script, style and font inline, so nothing is fetched from another origin.
 *
 * Served by our HTTP layer, not by an Apollo landing-page plugin: a landing page is handed to Apollo as a string
 * per request, with Apollo's headers, so it could be neither compressed once, nor cached with an ETag, nor given the
 * Content-Security-Policy it needs (the HTTP layer's default forbids everything). Apollo's own landing page stays
 * disabled (it loads from a CDN).
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { addVary, type RawRoute } from "@portal-graph/http-kit";

/**
 * Exactly what the page needs: its inline scripts and styles, its inline fonts and images,
 * the editor's workers from blob: URLs, and GraphQL requests to this origin; no other origin, no framing.
 */
export const IDE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** What the IDE opens with: a first query, and in development how to sign in as a development user. */
export function ideDefaultQuery(development: boolean): string {
  const signIn = development
    ? [
        "# Anonymous by default: the public parts of the graph answer. To sign in as a development user",
        "# (alice, bob, carol, dana, erin, frank), run in a terminal",
        "#   npm run -s token -- --user bob --headers",
        "# and paste what it prints into the Headers tab below.",
      ]
    : ['# Send your own bearer token in the Headers tab below: { "Authorization": "Bearer ..." }'];
  return [
    "# Portal Graph: one GraphQL endpoint over the enterprise portal.",
    ...signIn,
    "",
    "query Applications {",
    "  applications(first: 5) {",
    "    totalCount",
    "    nodes { id acronym name lifecycle }",
    "  }",
    "}",
    "",
  ].join("\n");
}

// Loaded by name, untyped, on the first request for the page: its types come from graphql-yoga, whose declarations
// retype GraphQL errors' `http` extension for the whole program and break Apollo's HeaderMap there. It also keeps the
// 9 MB module out of a gateway that never serves the page.
const RENDERER: string = "@graphql-yoga/render-graphiql";

/** The options of renderGraphiQL this gateway uses. */
interface IdeOptions {
  endpoint: string;
  title: string;
  defaultQuery: string;
  shouldPersistHeaders: boolean;
}

interface Rendered {
  etag: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

/** The IDE's route (the HTTP layer calls it for a browser's GET of /graphql): rendered and compressed once, on its first request, then served from memory. */
export function graphqlIdeRoute(options: { endpoint: string; development: boolean }): RawRoute {
  let rendered: Promise<Rendered> | undefined;
  const render = async (): Promise<Rendered> => {
    const { renderGraphiQL } = (await import(RENDERER)) as { renderGraphiQL: (options: IdeOptions) => string };
    const html = renderGraphiQL({
      endpoint: options.endpoint,
      title: "Portal Graph",
      defaultQuery: ideDefaultQuery(options.development),
      // Tokens pasted into the Headers tab stay in that tab, not in the browser's storage.
      shouldPersistHeaders: false,
    });
    const identity = Buffer.from(html, "utf8");
    const [gzipped, br] = await Promise.all([
      promisify(gzip)(identity),
      // Quality 9 of 11: nearly the smallest, in a fraction of the time quality 11 takes on 9 MB.
      promisify(brotliCompress)(identity, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length },
      }),
    ]);
    const hash = createHash("sha256").update(identity).digest("base64url").slice(0, 27);
    // Weak: the three encodings are the same page, so any of them satisfies a revalidation.
    return { etag: `W/"${hash}"`, identity, gzip: gzipped, br };
  };

  return async (req: IncomingMessage, res: ServerResponse) => {
    rendered ??= render();
    const page = await rendered;
    addVary(res, "Accept, Accept-Encoding");
    res.setHeader("content-security-policy", IDE_CONTENT_SECURITY_POLICY);
    // Stored by the browser, revalidated on each visit: a 304 costs nothing, and an upgrade shows at once.
    res.setHeader("cache-control", "no-cache");
    res.setHeader("etag", page.etag);
    if (matches(req.headers["if-none-match"], page.etag)) {
      res.writeHead(304).end();
      return;
    }
    const encoding = chooseEncoding(req.headers["accept-encoding"]);
    const body = encoding === "br" ? page.br : encoding === "gzip" ? page.gzip : page.identity;
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "content-length": body.length,
      ...(encoding ? { "content-encoding": encoding } : {}),
    });
    res.end(req.method === "HEAD" ? undefined : body);
  };
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
}

/** br when the client takes it, else gzip, else none; an encoding with q=0 is refused. */
function chooseEncoding(acceptEncoding: string | undefined): "br" | "gzip" | undefined {
  const accepted = new Set(
    (acceptEncoding ?? "")
      .split(",")
      .map((part) => part.trim().split(";"))
      .filter(([, ...params]) => !params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param)))
      .map(([name]) => name!.trim().toLowerCase()),
  );
  if (accepted.has("br")) return "br";
  if (accepted.has("gzip") || accepted.has("*")) return "gzip";
  return undefined;
}
