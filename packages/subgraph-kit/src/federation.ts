import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { parse, type GraphQLResolveInfo, type GraphQLSchema } from "graphql";
import { buildSchema, createResolversMap, type AuthChecker } from "type-graphql";
import { PortalAuthChecker } from "./auth.js";

/** The Federation spec version every subgraph links: 2.9 brings `@cost` and `@listSize` (demand control). */
export const FEDERATION_SPEC = "https://specs.apollo.dev/federation/v2.9";

const FEDERATION_DIRECTIVES = [
  "@key",
  "@shareable",
  "@external",
  "@requires",
  "@provides",
  "@override",
  "@inaccessible",
  "@tag",
  "@interfaceObject",
  "@cost",
  "@listSize",
] as const;

/**
 * An entity's `__resolveReference` as @apollo/subgraph calls it: with the representation the gateway sent (the
 * entity's `@key` fields, declared by the resolver as it needs them, e.g. `{ id: string }`) and the request's
 * context. References arrive in batches, so each goes through a DataLoader.
 */
export type ReferenceResolver<TContext> = (reference: never, context: TContext, info: GraphQLResolveInfo) => unknown;

/** `__resolveReference` per entity type name, all taking the subgraph's context. */
export type ReferenceResolvers<TContext = unknown> = Record<string, ReferenceResolver<TContext>>;

export interface FederatedSchemaOptions<TContext = unknown> {
  // type-graphql takes resolver and type classes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: [Function, ...Function[]];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  references?: ReferenceResolvers<TContext>;
  authChecker?: AuthChecker<never>;
}

/**
 * Apollo Server's cache hints, as its cache-control plugin reads them from the schema: a subgraph that declares
 * `@cacheControl` on its types and fields (with type-graphql's `@Directive`) must define it, and then answers each
 * operation with a `Cache-Control` header the gateway honours. The enum is `@inaccessible`: a subgraph's own
 * machinery, never part of the API schema.
 */
const CACHE_CONTROL_DEFINITIONS = `enum CacheControlScope @inaccessible {
  PUBLIC
  PRIVATE
}

directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION`;

/**
 * The subgraph's SDL with the federation `@link` line, importing exactly the directives it uses, and the definition
 * of `@cacheControl` when it uses it.
 */
export function linkFederation(sdl: string): string {
  const cacheControl = /@cacheControl\b/.test(sdl) ? `${CACHE_CONTROL_DEFINITIONS}\n\n` : "";
  const used = FEDERATION_DIRECTIVES.filter((name) => new RegExp(`${name}\\b`).test(sdl + cacheControl));
  const imports = used.map((name) => `"${name}"`).join(", ");
  return `extend schema @link(url: "${FEDERATION_SPEC}", import: [${imports}])\n\n${cacheControl}${sdl}`;
}

/**
 * Builds a Federation 2 subgraph schema from type-graphql resolvers: prints the type-graphql schema with its
 * directives, links federation, and hands SDL plus the type-graphql resolvers (with reference resolvers merged in)
 * to `buildSubgraphSchema`.
 */
export async function buildFederatedSchema<TContext>(
  options: FederatedSchemaOptions<TContext>,
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes ?? [],
    authChecker: (options.authChecker as AuthChecker | undefined) ?? PortalAuthChecker,
    validate: false,
    skipCheck: true,
  });
  const typeDefs = parse(linkFederation(printSchemaWithDirectives(schema)));
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, resolveReference] of Object.entries(options.references ?? {})) {
    resolvers[typeName] = { ...resolvers[typeName], __resolveReference: resolveReference };
  }
  // The array form keeps the later move to @apollo/subgraph 2.15 a one-line change.
  return buildSubgraphSchema([{ typeDefs, resolvers: resolvers as never }]);
}
