/**
 * The development issuer's browser sign-in: the OpenID Connect authorization code flow with PKCE (S256), as a public
 * client such as the example portal UI uses it against Okta. `/authorize` shows a page to pick a development user and
 * redirects back with a code; `/token` exchanges the code and its verifier for the same token `mintDevToken` makes.
 * Development only: the issuer itself refuses to run when NODE_ENV=production.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/** A browser application allowed to sign users in: its client id and the exact redirect URIs it may use. */
export interface DevSignInClient {
  clientId: string;
  redirectUris: string[];
}

export interface DevSignInOptions {
  clients: DevSignInClient[];
  /** How long a code may wait for its exchange; default 60 s. */
  codeLifetimeMs?: number;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  user: string;
  nonce?: string;
  scope: string;
  expiresAt: number;
}

/** What the token endpoint needs from the issuer: a signed token for a user. */
export type MintForSignIn = (user: string, nonce: string | undefined) => Promise<string>;

const PKCE_VALUE = /^[A-Za-z0-9._~-]{43,128}$/;
const BASE64URL_SHA256 = /^[A-Za-z0-9_-]{43}$/;
const MAX_FORM_BYTES = 16 * 1024;

/** The code flow's two endpoints, with the codes it has issued kept in memory (single use, short-lived). */
export class DevSignIn {
  private readonly codes = new Map<string, PendingCode>();
  private readonly codeLifetimeMs: number;

  constructor(
    private readonly options: DevSignInOptions,
    private readonly users: Record<string, { name: string }>,
    private readonly mint: MintForSignIn,
  ) {
    this.codeLifetimeMs = options.codeLifetimeMs ?? 60_000;
  }

  /** Origins of the registered redirect URIs: the browsers allowed to call discovery and the token endpoint. */
  origins(): string[] {
    return [
      ...new Set(this.options.clients.flatMap((client) => client.redirectUris.map((uri) => new URL(uri).origin))),
    ];
  }

  /** GET shows the user picker; POST (the picker's form) issues a code and redirects back. */
  async authorize(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const params = req.method === "POST" ? await readForm(req) : url.searchParams;
    const clientId = params.get("client_id") ?? "";
    const redirectUri = params.get("redirect_uri") ?? "";
    const client = this.options.clients.find((candidate) => candidate.clientId === clientId);
    // Never redirect to a URI that is not registered for the client: show the error here instead (RFC 6749 4.1.2.1).
    if (!client) return sendPage(res, 400, errorPage(`Unknown client_id "${clientId}".`));
    if (!client.redirectUris.includes(redirectUri))
      return sendPage(res, 400, errorPage(`redirect_uri "${redirectUri}" is not registered for client "${clientId}".`));
    const state = params.get("state") ?? undefined;
    const back = (query: Record<string, string>) => {
      const target = new URL(redirectUri);
      for (const [key, value] of Object.entries(query)) target.searchParams.set(key, value);
      if (state !== undefined) target.searchParams.set("state", state);
      res.writeHead(303, { location: target.toString(), "cache-control": "no-store" }).end();
    };
    const refuse = (error: string, description: string) => back({ error, error_description: description });
    if (params.get("response_type") !== "code")
      return refuse("unsupported_response_type", "response_type must be code");
    const codeChallenge = params.get("code_challenge") ?? "";
    if (params.get("code_challenge_method") !== "S256" || !BASE64URL_SHA256.test(codeChallenge))
      return refuse("invalid_request", "PKCE is required: code_challenge (S256) and code_challenge_method=S256");
    const scope = params.get("scope") ?? "openid";
    if (!scope.split(" ").includes("openid")) return refuse("invalid_scope", "scope must include openid");

    if (req.method !== "POST")
      // The form posts here, then its answer redirects to the client: both must be allowed form targets.
      return sendPage(res, 200, pickerPage(url.pathname, params, this.users), `'self' ${new URL(redirectUri).origin}`);
    if (params.get("decision") === "cancel") return refuse("access_denied", "the user cancelled the sign-in");
    const user = params.get("user") ?? "";
    if (!Object.hasOwn(this.users, user)) return sendPage(res, 400, errorPage(`No development user "${user}".`));
    const code = randomBytes(32).toString("base64url");
    this.sweep();
    this.codes.set(code, {
      clientId,
      redirectUri,
      codeChallenge,
      user,
      nonce: params.get("nonce") ?? undefined,
      scope,
      expiresAt: Date.now() + this.codeLifetimeMs,
    });
    back({ code });
  }

  /** POST: exchanges a code, its redirect URI and its PKCE verifier for an ID token and an access token. */
  async token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== "POST") return sendJson(res, 405, { error: "invalid_request", error_description: "use POST" });
    const form = await readForm(req);
    const fail = (error: string, description: string) => sendJson(res, 400, { error, error_description: description });
    if (form.get("grant_type") !== "authorization_code")
      return fail("unsupported_grant_type", "grant_type must be authorization_code");
    const code = form.get("code") ?? "";
    const pending = this.codes.get(code);
    // A code works once, whatever the outcome of its exchange.
    this.codes.delete(code);
    if (!pending) return fail("invalid_grant", "the code is unknown or was already used");
    if (Date.now() > pending.expiresAt) return fail("invalid_grant", "the code has expired");
    if (form.get("client_id") !== pending.clientId)
      return fail("invalid_grant", "the code was issued to another client");
    if (form.get("redirect_uri") !== pending.redirectUri)
      return fail("invalid_grant", "redirect_uri differs from the one the code was issued for");
    const verifier = form.get("code_verifier") ?? "";
    if (!PKCE_VALUE.test(verifier)) return fail("invalid_request", "code_verifier must be 43 to 128 characters");
    const computed = Buffer.from(createHash("sha256").update(verifier).digest("base64url"));
    const expected = Buffer.from(pending.codeChallenge);
    if (computed.length !== expected.length || !timingSafeEqual(computed, expected))
      return fail("invalid_grant", "code_verifier does not match the code_challenge");
    const token = await this.mint(pending.user, pending.nonce);
    sendJson(res, 200, {
      access_token: token,
      id_token: token,
      token_type: "Bearer",
      expires_in: 3600,
      scope: pending.scope,
    });
  }

  private sweep(): void {
    const now = Date.now();
    for (const [code, pending] of this.codes) if (now > pending.expiresAt) this.codes.delete(code);
  }
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) break;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res
    .writeHead(status, { "content-type": "application/json", "cache-control": "no-store", pragma: "no-cache" })
    .end(JSON.stringify(body));
}

function sendPage(res: ServerResponse, status: number, html: string, formAction = "'none'"): void {
  res
    .writeHead(status, {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction}; frame-ancestors 'none'`,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    })
    .end(html);
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!,
  );
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b;background:#f0f0f0}
header{background:#162e51;color:#fff;padding:1rem 2rem}main{max-width:36rem;margin:2rem auto;background:#fff;padding:2rem;border:1px solid #c9c9c9}
fieldset{border:0;padding:0}legend{font-weight:700;margin-bottom:.5rem}label{display:block;padding:.4rem 0}
button{font:inherit;padding:.6rem 1.2rem;margin:1rem .5rem 0 0;border:2px solid #005ea2;background:#005ea2;color:#fff;border-radius:4px;cursor:pointer}
button.secondary{background:#fff;color:#005ea2}:focus-visible{outline:3px solid #2491ff;outline-offset:2px}p.note{color:#454545}`;

function pickerPage(action: string, params: URLSearchParams, devUsers: Record<string, { name: string }>): string {
  const hidden = [
    "response_type",
    "client_id",
    "redirect_uri",
    "scope",
    "state",
    "nonce",
    "code_challenge",
    "code_challenge_method",
  ]
    .filter((name) => params.has(name))
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(params.get(name)!)}">`)
    .join("");
  const users = Object.entries(devUsers)
    .map(
      ([id, user], index) =>
        `<label><input type="radio" name="user" value="${id}"${index === 0 ? " checked" : ""}> ${escapeHtml(user.name)} (${id})</label>`,
    )
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sign in: development issuer</title><style>${STYLE}</style></head><body>
<header><strong>Development identity provider</strong></header>
<main><h1>Sign in</h1><p class="note">Development only: pick a user to sign in as. A real deployment signs in at its identity provider (Okta).</p>
<form method="post" action="${escapeHtml(action)}">${hidden}<fieldset><legend>Development user</legend>${users}</fieldset>
<button type="submit" name="decision" value="allow">Sign in</button><button type="submit" class="secondary" name="decision" value="cancel">Cancel</button></form></main></body></html>`;
}

function errorPage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title><style>${STYLE}</style></head><body>
<header><strong>Development identity provider</strong></header><main><h1>Sign-in error</h1><p>${escapeHtml(message)}</p></main></body></html>`;
}
