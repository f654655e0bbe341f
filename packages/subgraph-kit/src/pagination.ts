import { Directive, Field, ObjectType } from "type-graphql";
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

/** How a keyset page is ordered: one column ascending, then the id; and what a row puts in its cursor. */
export interface PageKey<T, P extends CursorPart> {
  /** The column, e.g. `created_at` (the query's alias is put in front). */
  column: string;
  /** The row's value of it, as the cursor holds it (an instant as ISO text, a day as YYYY-MM-DD). */
  of(row: T): PartValue<P>;
  /** The cursor's value as the comparison takes it (an instant as a Date); the value itself by default. */
  parameter?(value: PartValue<P>): unknown;
}

/**
 * One page of rows ordered by (key column, id), keyset-paged with opaque cursors, in one statement; the total is
 * counted only when `countTotal` is called (the connection's totalCount). `matching` gives the query of every match,
 * or null when nothing can match; `join` adds what only the page needs (one row per match, so the limit holds).
 */
export async function pageByKey<T extends { id: string } & ObjectLiteral, P extends CursorPart>(options: {
  cursors: CursorFormat<readonly [P, "string"]>;
  matching: () => SelectQueryBuilder<T> | null;
  alias: string;
  key: PageKey<T, P>;
  first: number | null | undefined;
  after: string | null | undefined;
  join?: (page: SelectQueryBuilder<T>) => void;
}) {
  const { cursors, alias, key, first, after } = options;
  const limit = pageSize(first);
  const position = after ? cursors.decode(after) : null;
  const page = options.matching();
  let rows: T[] = [];
  if (page && (limit > 0 || after)) {
    const column = `${alias}.${key.column}`;
    page.orderBy(column, "ASC").addOrderBy(`${alias}.id`, "ASC");
    if (options.join) {
      options.join(page);
      // limit, not take: one row per match, so no second query for the ids is needed.
      page.limit(limit + 1);
    } else {
      page.take(limit + 1);
    }
    if (position) {
      const [value, id] = position;
      page.andWhere(`(${column} > :keyValue OR (${column} = :keyValue AND ${alias}.id > :keyId))`, {
        keyValue: key.parameter ? key.parameter(value as PartValue<P>) : value,
        keyId: id,
      });
    }
    rows = await page.getMany();
  }
  return {
    ...toPage(rows, limit, after, (row) => cursors.encode([key.of(row), row.id] as never)),
    countTotal: async () => (await options.matching()?.getCount()) ?? 0,
  };
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
