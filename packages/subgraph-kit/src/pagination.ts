import { Directive, Field, ObjectType } from "type-graphql";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { BadUserInputError } from "./errors.js";

/** Relay page info; shareable, since every subgraph with a connection defines the same type. */
@ObjectType({ description: "Where a page sits in its connection." })
@Directive("@shareable")
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
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

/** An opaque cursor over a keyset position (for example [name, id]). */
export function encodeCursor(position: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(position), "utf8").toString("base64url");
}

/** The keyset position inside a cursor; a cursor this server did not make is an error naming the argument. */
export function decodeCursor(cursor: string, length: number, argument = "after"): (string | number)[] {
  try {
    const position: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(position) &&
      position.length === length &&
      position.every((part) => typeof part === "string" || typeof part === "number")
    ) {
      return position as (string | number)[];
    }
  } catch {
    // fall through to the error below
  }
  throw new BadUserInputError(argument, "is not a cursor from this connection");
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

/**
 * One page of rows ordered by (sort_name, id), keyset-paged with opaque cursors, in one statement; the total is
 * counted only when `countTotal` is called (the connection's totalCount resolver).
 */
export async function pageBySortName<T extends { sortName: string; id: string } & ObjectLiteral>(
  matching: () => SelectQueryBuilder<T>,
  alias: string,
  first: number | null | undefined,
  after: string | null | undefined,
) {
  const limit = pageSize(first);
  const page = matching()
    .orderBy(`${alias}.sort_name`, "ASC")
    .addOrderBy(`${alias}.id`, "ASC")
    .take(limit + 1);
  if (after) {
    const [sortName, id] = decodeCursor(after, 2);
    page.andWhere(`(${alias}.sort_name > :sortName OR (${alias}.sort_name = :sortName AND ${alias}.id > :id))`, {
      sortName,
      id,
    });
  }
  const rows = limit === 0 && !after ? [] : await page.getMany();
  return {
    ...toPage(rows, limit, after, (row) => encodeCursor([row.sortName, row.id])),
    countTotal: () => matching().getCount(),
  };
}
