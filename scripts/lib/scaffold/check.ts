/** Whether a new subgraph can be added as asked: every refusal is found before anything is written. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildASTSchema, isObjectType, parse } from "graphql";
import { readRegistry } from "@portal-graph/subgraph-kit/workspace";
import { KEBAB_CASE, PASCAL_CASE, pascalFromKebab, scaffoldNames, type ScaffoldNames } from "./names.js";

export interface ScaffoldRequest {
  subgraph: string;
  /** Default: the subgraph's name in PascalCase. */
  entity?: string;
  extendsType?: string | null;
  /** False for `--no-database`. */
  database?: boolean;
  /** True for `--out`: a project outside this repository. */
  standalone?: boolean;
}

/** Ports the graph uses beside the subgraphs': the gateway and the development issuer. */
const RESERVED_PORTS = new Set([4000, 4100]);
/** Names that are not subgraphs' to take: the other workspaces. */
const RESERVED_NAMES = new Set(["gateway", "subgraph-kit", "auth", "http-kit", "operation-limits", "telemetry"]);

/** The names of the new subgraph, or every reason it cannot be added. */
export function checkScaffold(
  root: string,
  request: ScaffoldRequest,
  migrationTime = Date.now(),
): { names: ScaffoldNames } | { problems: string[] } {
  const problems: string[] = [];
  const { subgraph } = request;
  const registry = readRegistry(root);
  if (!KEBAB_CASE.test(subgraph)) {
    problems.push(
      `the name "${subgraph}" is not kebab-case (lowercase words and digits joined by "-", e.g. enrollment)`,
    );
  } else if (registry.some((entry) => entry.name === subgraph)) {
    problems.push(`a subgraph named "${subgraph}" exists already (schema/subgraphs.json)`);
  } else if (RESERVED_NAMES.has(subgraph)) {
    problems.push(`"${subgraph}" is the name of one of the graph's own packages`);
  } else if (existsSync(path.join(root, "subgraphs", subgraph))) {
    problems.push(`subgraphs/${subgraph} exists already`);
  }
  const entity = request.entity ?? (KEBAB_CASE.test(subgraph) ? pascalFromKebab(subgraph) : "");
  if (!PASCAL_CASE.test(entity)) {
    problems.push(`the entity "${entity}" is not a PascalCase type name (e.g. Enrollment)`);
  }
  const extendsType = request.extendsType ?? null;
  if (extendsType !== null && extendsType !== "Application") {
    problems.push(`--extends ${extendsType}: the scaffold adds a field to Application only`);
  }
  if (problems.length > 0) return { problems };

  const ports = new Set([...registry.map((entry) => entry.port), ...RESERVED_PORTS]);
  let port = Math.max(...registry.map((entry) => entry.port)) + 1;
  while (ports.has(port)) port += 1;
  const names = scaffoldNames({
    subgraph,
    entity,
    extendsType,
    port,
    migrationTime,
    database: request.database,
    standalone: request.standalone,
  });

  if (names.entityPlural === names.entityCamel) {
    problems.push(`the entity "${entity}" reads as a plural: name it in the singular with --entity (e.g. Enrollment)`);
  }
  // Clashes with the composed graph: the new types and root fields must be new, the extension field too.
  const supergraph = buildASTSchema(parse(readFileSync(path.join(root, "schema", "supergraph.graphql"), "utf8")), {
    assumeValidSDL: true,
  });
  for (const type of [names.entity, `${names.entity}Connection`, `${names.entity}Edge`]) {
    if (supergraph.getType(type)) problems.push(`the type ${type} exists already in the graph`);
  }
  const query = supergraph.getQueryType()?.getFields() ?? {};
  for (const field of [names.entityPlural, names.entityCamel]) {
    if (query[field]) problems.push(`the field Query.${field} exists already in the graph`);
  }
  if (extendsType) {
    const extended = supergraph.getType(extendsType);
    if (!isObjectType(extended)) problems.push(`the graph has no type ${extendsType}`);
    else if (extended.getFields()[names.extensionField]) {
      problems.push(`the field ${extendsType}.${names.extensionField} exists already in the graph`);
    }
  }
  return problems.length > 0 ? { problems } : { names };
}
