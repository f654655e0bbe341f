/**
 * Tells the schema registry what clients really send, so a check can name the operations a breaking change would
 * break: per operation document and client (`apollographql-client-name` / `-version`, the headers clients already
 * send), the schema coordinates it uses and how often it ran. Coordinates are worked out once per document; a
 * request adds one to a count; a batch goes to the registry every interval. Best effort: a report that cannot be
 * delivered is dropped (and said once), never a cost to the request.
 */
import { createHash } from "node:crypto";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { Logger } from "@portal-graph/http-kit";
import {
  getNamedType,
  isInputObjectType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";

export interface UsageReporterOptions {
  /** The registry's usage route (`<REGISTRY_URL>/usage`). */
  url: string;
  token?: string;
  intervalMs: number;
  logger: Logger;
}

interface Pending {
  operationId: string;
  operationName: string | null;
  clientName: string;
  clientVersion: string;
  coordinates: string[];
  count: number;
}

/** The coordinates a document uses: `Type.field`, `Type.field.argument` and `InputType.field` of literal inputs. */
export function coordinatesOf(schema: GraphQLSchema, document: DocumentNode): string[] {
  const used = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent && !node.name.value.startsWith("__")) used.add(`${parent.name}.${node.name.value}`);
      },
      Argument(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (parent && field) used.add(`${parent.name}.${field.name}.${node.name.value}`);
      },
      ObjectField(node) {
        const parent = typeInfo.getParentInputType();
        const named = parent ? getNamedType(parent) : null;
        if (named && isInputObjectType(named)) used.add(`${named.name}.${node.name.value}`);
      },
    }),
  );
  return [...used].sort();
}

export function createUsageReporter<TContext extends BaseContext>(
  options: UsageReporterOptions,
): { plugin: ApolloServerPlugin<TContext>; flush(): Promise<void>; stop(): Promise<void> } {
  const { url, token, intervalMs, logger } = options;
  // Per document (kept by Apollo's document store) and schema: its id and coordinates, worked out once.
  const described = new WeakMap<DocumentNode, { schema: GraphQLSchema; id: string; coordinates: string[] }>();
  let pending = new Map<string, Pending>();
  let failing = false;

  const flush = async () => {
    if (pending.size === 0) return;
    const reports = [...pending.values()];
    pending = new Map();
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ reports }),
        signal: AbortSignal.timeout(10_000),
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`the registry answered ${response.status}`);
      if (failing) logger.info({ url }, "usage reports reach the registry again");
      failing = false;
    } catch (error) {
      if (!failing) logger.warn({ url, reason: (error as Error).message }, "usage reports cannot reach the registry");
      failing = true;
    }
  };
  const timer = setInterval(() => void flush(), intervalMs);
  timer.unref();

  const plugin: ApolloServerPlugin<TContext> = {
    async requestDidStart() {
      return {
        async willSendResponse({ document, operation, operationName, schema, source, request }) {
          if (!document || !operation || !source) return;
          let description = described.get(document);
          if (!description || description.schema !== schema) {
            description = {
              schema,
              id: createHash("sha256").update(source).digest("hex"),
              coordinates: coordinatesOf(schema, document),
            };
            described.set(document, description);
          }
          const headers = request.http?.headers;
          const clientName = clip(headers?.get("apollographql-client-name"), 128) ?? "unknown";
          const clientVersion = clip(headers?.get("apollographql-client-version"), 64) ?? "unknown";
          const key = `${description.id}\u0000${clientName}\u0000${clientVersion}`;
          const entry = pending.get(key);
          if (entry) entry.count += 1;
          else
            pending.set(key, {
              operationId: description.id,
              operationName: clip(operationName ?? operation.name?.value, 256),
              clientName,
              clientVersion,
              coordinates: description.coordinates,
              count: 1,
            });
        },
      };
    },
  };
  return {
    plugin,
    flush,
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}

/** A header value as a client sends it, trimmed to a length the registry keeps; null when absent or empty. */
function clip(value: string | null | undefined, max: number): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, max) : null;
}
