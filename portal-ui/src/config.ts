/** The runtime configuration the UI's server answers at /config.json (see server/server.ts, PortalConfig). */
export interface PortalConfig {
  gatewayUrl: string;
  oidc: { issuer: string; clientId: string; scope: string };
  /** Send operation text beside the persisted document id; false once the gateway accepts trusted documents only. */
  sendQueryText: boolean;
}

/** Reads /config.json from the server that served the page. */
export async function loadConfig(): Promise<PortalConfig> {
  const response = await fetch("/config.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`The portal's configuration did not load (HTTP ${response.status}).`);
  return (await response.json()) as PortalConfig;
}
