import { Directive, Field, Int, ObjectType } from "type-graphql";
import { CACHE_INHERIT } from "./cache-hints.js";
import { PageInfo } from "./pagination.js";
import { markKitMade } from "./type-classes.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ClassOf<T> = abstract new (...args: any[]) => T;

/** One node of a page with its opaque cursor. */
export interface Edge<T> {
  cursor: string;
  node: T;
}

/** A Relay connection's page: edges, the same nodes without cursors, page info. */
export interface Page<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
}

/** A page that can count every match; `totalCount` runs `countTotal` only when the field is selected. */
export interface CountedPage<T> extends Page<T> {
  countTotal: () => Promise<number>;
  readonly totalCount: Promise<number>;
}

export interface ConnectionOptions {
  /** The edge type's GraphQL name, e.g. `ApplicationEdge`. */
  edge: string;
  /** With a description here, the connection has `totalCount: Int!`, counted only when selected. */
  totalCount?: string;
}

/**
 * The base class of every connection in the graph, so a subgraph declares one in two lines:
 *
 *     @ObjectType({ description: "A page of applications." })
 *     export class ApplicationConnection extends connectionOf(Application, { edge: "ApplicationEdge", totalCount: "…" }) {}
 *
 * It declares the edge type (`cursor: String!`, `node`) and the connection's `edges`, `nodes` and `pageInfo`, and,
 * with `totalCount`, the count. Fill an instance from `toPage` or `pageBySortName` with `Object.assign`.
 */
export function connectionOf<T extends object>(
  node: ClassOf<T>,
  options: ConnectionOptions & { totalCount: string },
): ClassOf<CountedPage<T>>;
export function connectionOf<T extends object>(node: ClassOf<T>, options: ConnectionOptions): ClassOf<Page<T>>;
export function connectionOf<T extends object>(
  node: ClassOf<T>,
  options: ConnectionOptions,
): ClassOf<Page<T>> | ClassOf<CountedPage<T>> {
  @ObjectType(options.edge, { description: "One item of a page, with the cursor that marks its place." })
  @Directive(CACHE_INHERIT)
  class EdgeType implements Edge<T> {
    @Field(() => String, { description: "Opaque position of this item: pass it as `after` to page on from here." })
    cursor!: string;

    @Field(() => node, { description: "The item itself." })
    node!: T;
  }
  // Its own class name too: type-graphql's metadata is one per process, and compose refuses a name used twice.
  Object.defineProperty(EdgeType, "name", { value: options.edge });

  @ObjectType()
  abstract class PageType implements Page<T> {
    @Field(() => [EdgeType], { description: "The page's items with their cursors, in order." })
    edges!: EdgeType[];

    @Field(() => [node], { description: "The page's items without cursors, in the same order as `edges`." })
    nodes!: T[];

    @Field(() => PageInfo, { description: "Whether more pages follow, and the cursors to ask for them." })
    pageInfo!: PageInfo;
  }
  // The abstract bases are made per connection under one name on purpose, and are not types of the graph.
  markKitMade(PageType);
  if (options.totalCount === undefined) return PageType;

  @ObjectType()
  abstract class CountedPageType extends PageType implements CountedPage<T> {
    /** Counts the matches across all pages; set by the query that made the page. */
    countTotal!: () => Promise<number>;

    // A getter, so the count runs only when the field is selected.
    @Field(() => Int, { description: options.totalCount })
    get totalCount(): Promise<number> {
      return this.countTotal();
    }
  }
  markKitMade(CountedPageType);
  return CountedPageType;
}
