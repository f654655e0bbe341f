/**
 * Persisted documents only: every operation leaves the browser as its id in the codegen manifest
 * (`documentId: "sha256:<hex>"`, and `extensions.persistedQuery.sha256Hash` for Automatic Persisted Queries servers),
 * never as text, unless the configuration's `sendQueryText` is on (until the gateway runs in trusted-documents mode).
 */
import type { DocumentNode } from "graphql";
import { makeOperation, mapExchange, type Exchange } from "urql";
import manifest from "./generated/persisted-documents.json";

const texts = manifest as Record<string, string>;

declare module "@urql/core" {
  interface OperationContext {
    /** The operation's persisted document id, read from the generated document before the cache rewrites it. */
    persistedDocumentId?: string;
  }
}

/** First exchange: reads the id codegen embedded in the document (`__meta__.hash`). */
export const persistedDocumentIdExchange: Exchange = mapExchange({
  onOperation(operation) {
    const id = (operation.query as DocumentNode & { __meta__?: { hash?: string } }).__meta__?.hash;
    if (!id) return operation;
    return makeOperation(operation.kind, operation, { ...operation.context, persistedDocumentId: id });
  },
});

const stubs = new Map<string, DocumentNode>();

/** A document with no definitions and the id: urql's fetch then sends `documentId` and no `query`. */
function stubOf(id: string): DocumentNode {
  let stub = stubs.get(id);
  if (!stub) {
    stub = { kind: "Document", definitions: [], documentId: id } as unknown as DocumentNode;
    stubs.set(id, stub);
  }
  return stub;
}

/** Last exchange before fetch: replaces the document by its id. */
export const persistedDocumentExchange: Exchange = mapExchange({
  onOperation(operation) {
    const id = operation.context.persistedDocumentId;
    if (!id || operation.kind === "teardown") return operation;
    return makeOperation(
      operation.kind,
      {
        ...operation,
        query: stubOf(id),
        extensions: { ...operation.extensions, persistedQuery: { version: 1, sha256Hash: id.replace(/^sha256:/, "") } },
      },
      operation.context,
    );
  },
});

/**
 * The fetch urql uses: refuses anything but a persisted document, adds its text when `sendQueryText` is on, and gives
 * every request an `x-request-id` (the gateway echoes it; an error shows it).
 */
export function persistedFetch(sendQueryText: boolean): typeof fetch {
  return (input, init) => {
    const body = JSON.parse(String(init?.body ?? "{}")) as { documentId?: unknown; query?: string };
    if (typeof body.documentId !== "string" || !(body.documentId in texts))
      return Promise.reject(new Error("Only persisted documents may be sent: run npm run codegen -w portal-ui"));
    if (sendQueryText) body.query = texts[body.documentId];
    const headers = new Headers(init?.headers);
    headers.set("x-request-id", crypto.randomUUID());
    return fetch(input, { ...init, headers, body: JSON.stringify(body) });
  };
}
