import type { ApolloServerPlugin } from "@apollo/server";
import type { CallerRole } from "@portal-graph/auth";
import { httpStatusOf, type RequestErrorCode } from "@portal-graph/http-kit/error-codes";
import { GraphQLError, Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import type { SubgraphContext } from "./context.js";

/** Root fields that hand out the schema: the federation SDL and introspection. */
const SCHEMA_FIELDS = new Set(["_service", "__schema", "__type"]);

/**
 * What each verified caller may do at a subgraph (see docs/adr/0003):
 * - `gateway`: everything;
 * - `registry`: only read the schema (`_service`, introspection);
 * - `test`: everything in development; in production only plain operations: no `_entities` (whose representations,
 *   `@requires` data included, are trusted only from the gateway), no schema, no "Did you mean" suggestions.
 */
export function mayReadSchema(role: CallerRole, production: boolean): boolean {
  return role === "gateway" || role === "registry" || !production;
}

/** Enforces the callers' roles on each operation, before it executes. */
export function callerRolesPlugin(production: boolean): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart({ contextValue }) {
      const role = contextValue.caller;
      return {
        async didResolveOperation({ operation, document }) {
          if (!operation) return;
          const roots = rootFields(operation, document);
          if (roots.some((name) => SCHEMA_FIELDS.has(name)) && !mayReadSchema(role, production)) {
            throw forbidden(`The ${role} credential may not read this subgraph's schema in production`);
          }
          if (role === "registry" && roots.some((name) => !SCHEMA_FIELDS.has(name) && name !== "__typename")) {
            throw forbidden("The registry credential may only read the schema (_service, introspection)");
          }
          if (roots.includes("_entities") && role !== "gateway" && !(role === "test" && !production)) {
            throw forbidden(
              `The ${role} credential may not resolve entities: only the gateway's representations are trusted`,
            );
          }
        },
        async willSendResponse({ response }) {
          // "Did you mean ...?" would hand out field names that the refused introspection hides.
          if (mayReadSchema(role, production) || response.body.kind !== "single") return;
          for (const error of response.body.singleResult.errors ?? []) {
            (error as { message: string }).message = error.message.replace(/ ?Did you mean(.+?)\?$/, "");
          }
        },
      };
    },
  };
}

function forbidden(message: string): GraphQLError {
  const code: RequestErrorCode = "FORBIDDEN";
  return new GraphQLError(message, { extensions: { code, http: { status: httpStatusOf(code) } } });
}

/** The operation's root field names, through fragments on the root type. */
function rootFields(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
    ),
  );
  const names: string[] = [];
  const visit = (selectionSet: SelectionSetNode, seen: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet, new Set([...seen, selection.name.value]));
      }
    }
  };
  visit(operation.selectionSet, new Set());
  return names;
}
