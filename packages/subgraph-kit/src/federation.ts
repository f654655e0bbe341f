import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { parse, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
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

/** `__resolveReference` per entity type name; each must go through a DataLoader, since references arrive in batches. */
export type ReferenceResolvers = Record<string, GraphQLFieldResolver<{ __typename: string }, unknown>>;

export interface FederatedSchemaOptions {
  // type-graphql takes resolver and type classes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: [Function, ...Function[]];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  references?: ReferenceResolvers;
  authChecker?: AuthChecker<never>;
}

/** The subgraph's SDL with the federation `@link` line, importing exactly the directives it uses. */
export function linkFederation(sdl: string): string {
  const used = FEDERATION_DIRECTIVES.filter((name) => new RegExp(`${name}\\b`).test(sdl));
  const imports = used.map((name) => `"${name}"`).join(", ");
  return `extend schema @link(url: "${FEDERATION_SPEC}", import: [${imports}])\n\n${sdl}`;
}

/**
 * Builds a Federation 2 subgraph schema from type-graphql resolvers: prints the type-graphql schema with its
 * directives, links federation, and hands SDL plus the type-graphql resolvers (with reference resolvers merged in)
 * to `buildSubgraphSchema`.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<GraphQLSchema> {
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
