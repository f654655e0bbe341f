/** The names a new subgraph's files use, all derived from its kebab-case name and its entity's type name. */
export interface ScaffoldNames {
  /** The subgraph, as the registry and the gateway name it: `enrollment`. */
  subgraph: string;
  /** Its npm package: `@portal-graph/enrollment`. */
  packageName: string;
  /** The subgraph in PascalCase, for function and class names: `Enrollment`. */
  subgraphPascal: string;
  /** The entity's GraphQL type and class: `Enrollment`. */
  entity: string;
  /** The entity in kebab-case, for its folder and files: `enrollment`. */
  entityKebab: string;
  /** The entity in camelCase (one) and plural (many): `enrollment`, `enrollments`. */
  entityCamel: string;
  entityPlural: string;
  /** The entity's table: `enrollment`. */
  table: string;
  /** The entity type the new subgraph adds a field to (`Application`), or null. */
  extendsType: string | null;
  /** The class standing for the extended type in this subgraph (type-graphql's class names are process-wide). */
  stubClass: string;
  /** The field the new subgraph adds to the extended type: `enrollments`. */
  extensionField: string;
  port: number;
  /** The migration's timestamp, part of its class name. */
  migrationTime: number;
  /** False for a subgraph without a database (`--no-database`): its data is computed or comes from another API. */
  database: boolean;
  /** True for a project outside this repository (`--out`): its SDL is schema.graphql at its root. */
  standalone: boolean;
}

export const KEBAB_CASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
export const PASCAL_CASE = /^[A-Z][a-z0-9]*([A-Z][a-z0-9]*)*$/;

export function pascalFromKebab(name: string): string {
  return name
    .split("-")
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
}

export function kebabFromPascal(name: string): string {
  return name.replace(/[A-Z]/g, (letter, index: number) => `${index === 0 ? "" : "-"}${letter.toLowerCase()}`);
}

/**
 * An English plural good enough for field names: enrollment → enrollments, policy → policies, class → classes,
 * status → statuses; a word already ending in a plain s (records) is taken as plural already.
 */
export function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(ss|us|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (word.endsWith("s")) return word;
  return `${word}s`;
}

export function scaffoldNames(options: {
  subgraph: string;
  entity: string;
  extendsType: string | null;
  port: number;
  migrationTime: number;
  database?: boolean;
  standalone?: boolean;
}): ScaffoldNames {
  const entityKebab = kebabFromPascal(options.entity);
  const entityCamel = options.entity[0]!.toLowerCase() + options.entity.slice(1);
  const subgraphPascal = pascalFromKebab(options.subgraph);
  return {
    subgraph: options.subgraph,
    packageName: `@portal-graph/${options.subgraph}`,
    subgraphPascal,
    entity: options.entity,
    entityKebab,
    entityCamel,
    entityPlural: plural(entityCamel),
    table: entityKebab.replace(/-/g, "_"),
    extendsType: options.extendsType,
    stubClass: `${options.extendsType ?? "Application"}Of${subgraphPascal}`,
    extensionField: plural(entityCamel),
    port: options.port,
    migrationTime: options.migrationTime,
    database: options.database ?? true,
    standalone: options.standalone ?? false,
  };
}
