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

/**
 * One page of rows ordered by (sort_name, id), keyset-paged with opaque cursors, in one statement; the total is
 * counted only when `countTotal` is called (the connection's totalCount resolver).
 */
export async function pageBySortName<T extends { sortName: string; id: string } & ObjectLiteral>(
  cursors: CursorFormat<readonly ["string", "string"]>,
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
    const [sortName, id] = cursors.decode(after);
    page.andWhere(`(${alias}.sort_name > :sortName OR (${alias}.sort_name = :sortName AND ${alias}.id > :id))`, {
      sortName,
      id,
    });
  }
  const rows = limit === 0 && !after ? [] : await page.getMany();
  return {
    ...toPage(rows, limit, after, (row) => cursors.encode([row.sortName, row.id])),
    countTotal: () => matching().getCount(),
  };
}
