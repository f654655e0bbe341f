/**
 * OpenID Connect sign-in for a browser application: the authorization code flow with PKCE (S256), as Okta and the
 * development issuer both serve it. Only the issuer URL and the client id differ between them (PortalConfig.oidc).
 * Tokens live in sessionStorage: they end with the tab, and the page's CSP allows no third-party script to read them.
 */
import type { PortalConfig } from "../config";

const PENDING_KEY = "portal.sign-in";
const SESSION_KEY = "portal.session";

/** A signed-in session: the access token for the graph and what the portal has done since the sign-in. */
export interface Session {
  accessToken: string;
  user: string;
  name: string;
  expiresAt: number;
  /** The warning banner was accepted for this sign-in. */
  bannerAccepted: boolean;
  /** recordSignIn ran for this sign-in. */
  recorded: boolean;
}

interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
  returnTo: string;
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

function randomValue(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`The identity provider did not answer (HTTP ${response.status}).`);
  return (await response.json()) as Discovery;
}

/** Sends the browser to the identity provider; it comes back to /callback. */
export async function beginSignIn(config: PortalConfig, returnTo: string): Promise<void> {
  const { authorization_endpoint } = await discover(config.oidc.issuer);
  const verifier = randomValue();
  const challenge = base64url(
    new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))),
  );
  const pending: Pending = {
    state: randomValue(),
    nonce: randomValue(),
    verifier,
    redirectUri: `${window.location.origin}/callback`,
    returnTo,
  };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: config.oidc.clientId,
    redirect_uri: pending.redirectUri,
    scope: config.oidc.scope,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: challenge,
    code_challenge_method: "S256",
  }).toString();
  window.location.assign(url.toString());
}

function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split(".")[1] ?? "";
  const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (char) => char.charCodeAt(0)))) as Record<
    string,
    unknown
  >;
}

/** Finishes the sign-in at /callback: checks the state, exchanges the code with its verifier, keeps the session. */
export async function completeSignIn(
  config: PortalConfig,
  search: string,
): Promise<{ session: Session; returnTo: string }> {
  const params = new URLSearchParams(search);
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  if (!raw) throw new Error("No sign-in was started in this tab. Sign in again.");
  const pending = JSON.parse(raw) as Pending;
  if (params.get("state") !== pending.state) throw new Error("The sign-in answer does not match this tab's request.");
  const error = params.get("error");
  if (error)
    throw new Error(params.get("error_description") ?? `The identity provider refused the sign-in (${error}).`);
  const code = params.get("code");
  if (!code) throw new Error("The identity provider sent no code.");
  const { token_endpoint, issuer } = await discover(config.oidc.issuer);
  const response = await fetch(token_endpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: pending.redirectUri,
      client_id: config.oidc.clientId,
      code_verifier: pending.verifier,
    }),
  });
  const body = (await response.json()) as { access_token?: string; id_token?: string; error_description?: string };
  if (!response.ok || !body.access_token || !body.id_token)
    throw new Error(body.error_description ?? `The token exchange failed (HTTP ${response.status}).`);
  // The graph verifies the access token's signature; the UI checks that the ID token answers its own request.
  const claims = claimsOf(body.id_token);
  if (claims.iss !== issuer || claims.nonce !== pending.nonce) throw new Error("The ID token is not for this sign-in.");
  const session: Session = {
    accessToken: body.access_token,
    user: String(claims.sub),
    name: typeof claims.name === "string" ? claims.name : String(claims.sub),
    expiresAt: Number(claims.exp) * 1000,
    bannerAccepted: false,
    recorded: false,
  };
  saveSession(session);
  return { session, returnTo: pending.returnTo };
}

/** The session of this tab, unless it has expired. */
export function loadSession(): Session | null {
  const raw = sessionStorage.getItem(SESSION_KEY);
  if (!raw) return null;
  const session = JSON.parse(raw) as Session;
  if (session.expiresAt <= Date.now()) {
    sessionStorage.removeItem(SESSION_KEY);
    return null;
  }
  return session;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(SESSION_KEY);
}
