import { ArgsType, Directive, Field, Int, ObjectType } from "type-graphql";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { BadUserInputError } from "./errors.js";
import { CACHE_INHERIT } from "./cache-hints.js";

/** Relay page info; shareable, since every subgraph with a connection defines the same type. */
@ObjectType({ description: "Where a page sits in its connection." })
@Directive("@shareable")
@Directive(CACHE_INHERIT)
export class PageInfo {
  @Field(() => Boolean, { description: "True when another page follows this one: ask again with `after: endCursor`." })
  hasNextPage!: boolean;

  @Field(() => Boolean, {
    description: "True when pages come before this one (paging forward: when `after` was given).",
  })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The cursor of the page's first item; null on an empty page." })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The cursor of the page's last item, to pass as `after` for the next page; null on an empty page.",
  })
  endCursor!: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;

/**
 * The arguments of every connection field, declared once: `@Args(() => PageArgs) { first, after }: PageArgs` gives
 * a field `first: Int` and `after: String` with the graph's wording.
 */
// `after` first: type-graphql prints a field's arguments last parameter first, and this keeps the SDL as it was.
@ArgsType()
export class PageArgs {
  @Field(() => String, {
    nullable: true,
    description: "Where to continue: the `endCursor` of the page before; omit for the first page.",
  })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: "Page size, 0 to 100 (default 20)." })
  first?: number | null;
}
export const MAX_PAGE_SIZE = 100;

/** The page size asked for; out of range is an error naming the argument, never a silent clamp. */
export function pageSize(first: number | null | undefined, max = MAX_PAGE_SIZE, fallback = DEFAULT_PAGE_SIZE): number {
  if (first === null || first === undefined) return fallback;
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw new BadUserInputError("first", `must be an integer from 0 to ${max}, got ${first}`);
  }
  return first;
}

/** What one part of a keyset position holds: text, a safe integer, an ISO instant, or a "YYYY-MM-DD" day. */
export type CursorPart = "string" | "int" | "instant" | "day";

type PartValue<P extends CursorPart> = P extends "int" ? number : string;

/** Encodes and decodes one connection's cursors. */
export interface CursorFormat<P extends readonly CursorPart[]> {
  encode(position: { [K in keyof P]: PartValue<P[K]> }): string;
  /** The position in a cursor this connection issued; any other cursor is BAD_USER_INPUT naming the argument. */
  decode(cursor: string, argument?: string): { [K in keyof P]: PartValue<P[K]> };
}

const PART_CHECKS: Record<CursorPart, (value: unknown) => boolean> = {
  string: (value) => typeof value === "string",
  int: (value) => typeof value === "number" && Number.isSafeInteger(value),
  instant: (value) =>
    typeof value === "string" &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(value) &&
    !Number.isNaN(Date.parse(value)),
  day: (value) => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)),
};

/**
 * The cursor format of one connection: an opaque base64url of [connection, ...position]. Naming the connection in the
 * cursor makes each connection refuse another's cursors, and the typed parts keep a forged one from reaching SQL as
 * anything but a well-formed position (a NaN id, a date that is not a date).
 */
export function cursorFormat<const P extends readonly CursorPart[]>(connection: string, parts: P): CursorFormat<P> {
  return {
    encode: (position) => Buffer.from(JSON.stringify([connection, ...position]), "utf8").toString("base64url"),
    decode(cursor, argument = "after") {
      let decoded: unknown;
      try {
        decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
      } catch {
        decoded = null;
      }
      if (
        Array.isArray(decoded) &&
        decoded.length === parts.length + 1 &&
        decoded[0] === connection &&
        parts.every((part, index) => PART_CHECKS[part](decoded[index + 1]))
      ) {
        return decoded.slice(1) as never;
      }
      throw new BadUserInputError(argument, `is not a cursor from ${connection}`);
    },
  };
}

/** Splits rows fetched with one extra (limit + 1) into the page and its page info. */
export function toPage<T>(
  rows: T[],
  limit: number,
  after: string | null | undefined,
  cursorOf: (row: T) => string,
): { nodes: T[]; edges: { cursor: string; node: T }[]; pageInfo: PageInfo } {
  const nodes = rows.slice(0, limit);
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    nodes,
    edges,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Escapes LIKE wildcards so user text matches literally (used with ESCAPE '\\'). */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** How a keyset page is ordered: one column, then the id; and what a row puts in its cursor. */
export interface PageKey<T, P extends CursorPart> {
  /** The column, e.g. `created_at` (the query's alias is put in front). */
  column: string;
  /** The row's value of it, as the cursor holds it (an instant as ISO text, a day as YYYY-MM-DD). */
  of(row: T): PartValue<P>;
  /** The cursor's value as the comparison takes it (an instant as a Date); the value itself by default. */
  parameter?(value: PartValue<P>): unknown;
}

/** Which way a keyset page runs: smallest first (the default) or largest first (newest first, by id or time). */
export type PageOrder = "ASC" | "DESC";

/** What every keyset page is given: the matches, the alias, the page asked for, and how it is ordered. */
interface KeysetOptions<T extends ObjectLiteral> {
  /** The query of every match, or null when nothing can match. */
  matching: () => SelectQueryBuilder<T> | null;
  alias: string;
  first: number | null | undefined;
  after: string | null | undefined;
  order?: PageOrder;
  /** Adds what only the page needs (one row per match, so the limit holds). */
  join?: (page: SelectQueryBuilder<T>) => void;
}

/** One ordering column of a keyset: the qualified column, the row's cursor value, the value as SQL compares it. */
interface KeyColumn<T> {
  column: string;
  of(row: T): unknown;
  parameter(value: unknown): unknown;
}

/**
 * The one keyset reader: rows ordered by `columns` (all one way), after the position in `after`, limit + 1 of them
 * in one statement; the total is counted only when `countTotal` is called (the connection's totalCount).
 */
async function keysetPage<T extends ObjectLiteral>(
  options: KeysetOptions<T>,
  cursors: CursorFormat<readonly CursorPart[]>,
  columns: readonly KeyColumn<T>[],
) {
  const { alias, first, after } = options;
  const order = options.order ?? "ASC";
  const limit = pageSize(first);
  const position = after ? (cursors.decode(after) as unknown[]) : null;
  const page = options.matching();
  let rows: T[] = [];
  if (page && (limit > 0 || after)) {
    columns.forEach(({ column }, index) =>
      index === 0 ? page.orderBy(`${alias}.${column}`, order) : page.addOrderBy(`${alias}.${column}`, order),
    );
    if (options.join) {
      options.join(page);
      // limit, not take: one row per match, so no second query for the ids is needed.
      page.limit(limit + 1);
    } else {
      page.take(limit + 1);
    }
    if (position) {
      const { predicate, parameters } = keysetAfter(alias, columns, position, order);
      page.andWhere(predicate, parameters);
    }
    rows = await page.getMany();
  }
  return {
    ...toPage(rows, limit, after, (row) => cursors.encode(columns.map((key) => key.of(row)) as never)),
    countTotal: async () => (await options.matching()?.getCount()) ?? 0,
  };
}

/** "Comes after this position" for (a, b, ...) in one direction: a > :k0 OR (a = :k0 AND (b > :k1 OR ...)). */
function keysetAfter<T>(alias: string, columns: readonly KeyColumn<T>[], position: unknown[], order: PageOrder) {
  const beyond = order === "ASC" ? ">" : "<";
  const parameters: Record<string, unknown> = {};
  const predicate = columns.reduceRight<string>((inner, key, index) => {
    parameters[`keyset${index}`] = key.parameter(position[index]);
    const column = `${alias}.${key.column}`;
    const here = `${column} ${beyond} :keyset${index}`;
    return inner ? `(${here} OR (${column} = :keyset${index} AND ${inner}))` : here;
  }, "");
  return { predicate, parameters };
}

/**
 * One page of rows ordered by (key column, id), ascending unless `order: "DESC"`, keyset-paged with opaque cursors,
 * in one statement; `countTotal` counts every match.
 */
export async function pageByKey<T extends { id: string } & ObjectLiteral, P extends CursorPart>(
  options: KeysetOptions<T> & { cursors: CursorFormat<readonly [P, "string"]>; key: PageKey<T, P> },
) {
  const { key } = options;
  return keysetPage(options, options.cursors, [
    { column: key.column, of: key.of, parameter: (value) => (key.parameter ? key.parameter(value as never) : value) },
    { column: "id", of: (row) => row.id, parameter: (value) => value },
  ]);
}

/** One page of rows ordered by their integer id alone: newest first with `order: "DESC"` (logs, histories). */
export async function pageById<T extends { id: number } & ObjectLiteral>(
  options: KeysetOptions<T> & { cursors: CursorFormat<readonly ["int"]> },
) {
  return keysetPage(options, options.cursors, [{ column: "id", of: (row) => row.id, parameter: (value) => value }]);
}

/** One page ordered by (sort_name, id): `pageByKey` on the lower-cased name most lists sort by. */
export function pageBySortName<T extends { sortName: string; id: string } & ObjectLiteral>(
  cursors: CursorFormat<readonly ["string", "string"]>,
  matching: () => SelectQueryBuilder<T>,
  alias: string,
  first: number | null | undefined,
  after: string | null | undefined,
) {
  return pageByKey({ cursors, matching, alias, first, after, key: { column: "sort_name", of: (row) => row.sortName } });
}

/**
 * One page of a list held in memory (computed, or read from another team's API), ordered by (key, id) ascending,
 * with the same cursors and page info as `pageByKey`; `countTotal` is the list's length.
 */
export function pageOfList<T extends { id: string }>(options: {
  items: readonly T[];
  cursors: CursorFormat<readonly ["string", "string"]>;
  key(item: T): string;
  first: number | null | undefined;
  after: string | null | undefined;
}) {
  const { items, cursors, key, after } = options;
  const limit = pageSize(options.first);
  const position = after ? cursors.decode(after) : null;
  const compare = (a: readonly [string, string], b: readonly [string, string]) =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
  const sorted = items
    .map((item) => ({ item, position: [key(item), item.id] as [string, string] }))
    .sort((a, b) => compare(a.position, b.position));
  const rows = sorted
    .filter((entry) => !position || compare(entry.position, position) > 0)
    .slice(0, limit + 1)
    .map((entry) => entry.item);
  return {
    ...toPage(rows, limit, after, (item) => cursors.encode([key(item), item.id])),
    countTotal: async () => items.length,
  };
}
