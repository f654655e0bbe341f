import { Client, cacheExchange, fetchExchange } from "urql";
import type { PortalConfig } from "../config";
import { persistedDocumentExchange, persistedDocumentIdExchange, persistedFetch } from "./persisted";

/** The GraphQL client: POST to the gateway, the user's token when signed in, persisted documents only. */
export function createPortalClient(config: PortalConfig, token: string | null): Client {
  return new Client({
    url: config.gatewayUrl,
    exchanges: [persistedDocumentIdExchange, cacheExchange, persistedDocumentExchange, fetchExchange],
    fetch: persistedFetch(config.sendQueryText),
    // Queries by POST: a persisted id in a GET URL would need the CSRF header, and the body is where the id goes.
    preferGetMethod: false,
    // Readiness changes with every acknowledgement and request: show what is cached, then what is current.
    requestPolicy: "cache-and-network",
    fetchOptions: (): RequestInit => ({ headers: token ? { authorization: `Bearer ${token}` } : {} }),
  });
}
