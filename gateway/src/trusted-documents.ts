/**
 * Trusted documents (persisted operations): manifests of the operations our own clients send, in the format GraphQL
 * Code Generator's client preset writes with `persistedDocuments: true` (`{ "sha256:<hex>": "<document>" }`). A
 * request may name one by `documentId` ("sha256:<hex>" or bare hex) or by an automatic persisted query's
 * `extensions.persistedQuery.sha256Hash` instead of sending its text. With `only`, nothing else runs.
 *
 * No maintained library does this for Apollo Server 5, and it is small: a lookup before Apollo reads the request.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { ApolloServerPlugin, BaseContext, GraphQLRequest } from "@apollo/server";
import { httpStatusOf, type HttpRequestInfo } from "@portal-graph/http-kit";
import { GraphQLError } from "graphql";

/** Where the gateway finds its trusted documents, and whether only they may run. */
export interface TrustedDocumentsConfig {
  /** Manifest files (TRUSTED_DOCUMENTS, comma separated); none: the feature is off. */
  manifests: string[];
  /** TRUSTED_DOCUMENTS_ONLY: refuse every document that is not in a manifest, before parsing it. */
  only: boolean;
}

/** The trusted documents of one gateway: what a request stands for, and the plugin that hands it to Apollo. */
export interface TrustedDocuments<TContext extends BaseContext> {
  /** How many documents the manifests hold. */
  size: number;
  /**
   * The document text a request stands for (its own text, or the manifest's for its id or hash), for the checks
   * that run before Apollo; throws PERSISTED_QUERY_NOT_IN_LIST for an id no manifest has, and, with `only`, for any
   * document that is not in a manifest. Nothing is parsed here.
   */
  admit(graphql: HttpRequestInfo["graphql"]): unknown;
  /** Sets the request's text from the manifest when it came by id or hash, before Apollo reads it. */
  plugin: ApolloServerPlugin<TContext>;
}

const HEX = /^[0-9a-f]{64}$/;

/**
 * Reads the manifests; a file that cannot be read, is not a JSON object of strings, or holds a key that is not the
 * sha256 of its document throws naming the file and the key (a wrong hash would let an id stand for another text).
 */
export function loadManifests(files: string[]): Map<string, string> {
  const documents = new Map<string, string>();
  for (const file of files) {
    let manifest: unknown;
    try {
      manifest = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      throw new Error(`TRUSTED_DOCUMENTS: ${file} is not a readable JSON file (${(error as Error).message})`, {
        cause: error,
      });
    }
    if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest)) {
      throw new Error(`TRUSTED_DOCUMENTS: ${file} must be a JSON object of "sha256:<hex>": "<document>"`);
    }
    for (const [key, text] of Object.entries(manifest)) {
      const hash = hashOf(key);
      if (!hash || typeof text !== "string") {
        throw new Error(`TRUSTED_DOCUMENTS: ${file} has an entry "${key}" that is not "sha256:<hex>": "<document>"`);
      }
      if (sha256(text) !== hash) {
        throw new Error(`TRUSTED_DOCUMENTS: in ${file}, "${key}" is not the sha256 of its document`);
      }
      documents.set(hash, text);
    }
  }
  return documents;
}

/** Trusted documents from the configured manifests (none when the list is empty). */
export function createTrustedDocuments<TContext extends BaseContext>(
  config: TrustedDocumentsConfig,
): TrustedDocuments<TContext> {
  const documents = loadManifests(config.manifests);
  // A document sent in full is accepted in `only` mode when it is byte for byte a manifest entry: it is that document.
  const known = (text: string) => documents.get(sha256(text)) === text;

  /** The manifest's text for the request's id or hash; undefined when it names none; throws for an unknown id. */
  function lookup(graphql: HttpRequestInfo["graphql"]): string | undefined {
    const id = graphql?.documentId;
    if (id !== undefined && id !== null) {
      const text = typeof id === "string" ? documents.get(hashOf(id) ?? "") : undefined;
      if (text === undefined) throw notInList("No trusted document has this documentId");
      return text;
    }
    const hash = persistedQueryHash(graphql?.extensions);
    return hash === undefined ? undefined : documents.get(hash);
  }

  return {
    size: documents.size,
    admit(graphql) {
      const text = lookup(graphql);
      if (text !== undefined) return text;
      const query = graphql?.query;
      if (config.only && !(typeof query === "string" && known(query))) {
        throw notInList("This gateway runs only trusted documents, and this one is not among them");
      }
      return query;
    },
    plugin: {
      async requestDidStart({ request }) {
        const text = lookup(sentOf(request));
        if (text === undefined) return;
        request.query = text;
        // Answered from the manifest: Apollo's automatic persisted queries must neither look it up nor store it.
        if (request.extensions?.persistedQuery) {
          const { persistedQuery: _answered, ...rest } = request.extensions;
          request.extensions = rest;
        }
      },
    },
  };
}

/** The request as the client sent it, in the shape the HTTP layer gives `admit`. */
function sentOf(request: GraphQLRequest): HttpRequestInfo["graphql"] {
  const http = request.http;
  const body = http?.body;
  const documentId =
    http?.method === "GET"
      ? (new URLSearchParams(http.search).get("documentId") ?? undefined)
      : typeof body === "object" && body !== null
        ? (body as Record<string, unknown>).documentId
        : undefined;
  return { query: request.query, documentId, extensions: request.extensions };
}

function persistedQueryHash(extensions: unknown): string | undefined {
  if (typeof extensions !== "object" || extensions === null) return undefined;
  const persisted = (extensions as Record<string, unknown>).persistedQuery;
  if (typeof persisted !== "object" || persisted === null) return undefined;
  const hash = (persisted as Record<string, unknown>).sha256Hash;
  return typeof hash === "string" && HEX.test(hash) ? hash : undefined;
}

/** The hex hash of "sha256:<hex>" or bare "<hex>"; undefined for anything else. */
function hashOf(id: string): string | undefined {
  const hex = id.startsWith("sha256:") ? id.slice("sha256:".length) : id;
  return HEX.test(hex) ? hex : undefined;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function notInList(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: "PERSISTED_QUERY_NOT_IN_LIST", http: { status: httpStatusOf("PERSISTED_QUERY_NOT_IN_LIST") } },
  });
}
