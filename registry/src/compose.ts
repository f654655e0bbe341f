/**
 * What the registry judges a subgraph change by: whether the whole graph still composes, and what the change does
 * to the API schema clients see (not the raw supergraph, whose join__ directives would be noise).
 */
import { createHash } from "node:crypto";
import { composeServices } from "@apollo/composition";
import { Supergraph } from "@apollo/federation-internals";
import { CriticalityLevel, diff } from "@graphql-inspector/core";
import { parse, type GraphQLSchema } from "graphql";

/** One subgraph as the registry holds it. */
export interface PublishedSubgraph {
  name: string;
  routingUrl: string;
  sdl: string;
  owner: string;
  contact: string;
}

export type Composition = { supergraphSdl: string; hash: string } | { errors: string[] };

/** Composes the subgraphs, in name order so the same set always gives the same supergraph. */
export function composeSubgraphs(subgraphs: readonly PublishedSubgraph[]): Composition {
  if (subgraphs.length === 0) return { errors: ["there is no subgraph left to compose"] };
  const sorted = [...subgraphs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let services;
  try {
    services = sorted.map((subgraph) => ({
      name: subgraph.name,
      url: subgraph.routingUrl,
      typeDefs: parse(subgraph.sdl),
    }));
  } catch (error) {
    return { errors: [`the SDL does not parse: ${(error as Error).message}`] };
  }
  const composed = composeServices(services);
  if (composed.errors) return { errors: composed.errors.map((error) => error.message) };
  const supergraphSdl = `${composed.supergraphSdl.trim()}\n`;
  return { supergraphSdl, hash: createHash("sha256").update(supergraphSdl).digest("hex") };
}

/** The schema clients see through the gateway served this supergraph. */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

export type ChangeLevel = "BREAKING" | "DANGEROUS" | "SAFE";

export interface SchemaChange {
  level: ChangeLevel;
  /** The schema coordinate changed, e.g. `Application.acronym`. */
  path: string | null;
  message: string;
  /** For a change that breaks: the operations seen in the usage window that used what it breaks. */
  usedBy?: { operation: string; operationId: string; client: string; count: number; lastSeenAt: string }[];
}

const LEVELS: Record<CriticalityLevel, ChangeLevel> = {
  [CriticalityLevel.Breaking]: "BREAKING",
  [CriticalityLevel.Dangerous]: "DANGEROUS",
  [CriticalityLevel.NonBreaking]: "SAFE",
};

/** The changes between two supergraphs' API schemas, breaking first. */
export async function apiChanges(before: string | null, after: string): Promise<SchemaChange[]> {
  if (before === null) return [];
  const changes = await diff(apiSchemaOf(before), apiSchemaOf(after));
  const order: ChangeLevel[] = ["BREAKING", "DANGEROUS", "SAFE"];
  return changes
    .map((change) => ({ level: LEVELS[change.criticality.level], path: change.path ?? null, message: change.message }))
    .sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level));
}
