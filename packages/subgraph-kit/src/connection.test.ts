import "reflect-metadata";
import { graphql, printType, type GraphQLObjectType } from "graphql";
import { Field, ID, ObjectType, Query, Resolver } from "type-graphql";
import { describe, expect, it } from "vitest";
import { connectionOf } from "./connection.js";
import { buildFederatedSchema } from "./federation.js";
import { toPage } from "./pagination.js";

@ObjectType("Gadget")
class ConnectionTestGadget {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: "A page of gadgets." })
class GadgetConnection extends connectionOf(ConnectionTestGadget, {
  edge: "GadgetEdge",
  totalCount: "How many gadgets there are.",
}) {}

@ObjectType({ description: "A page of gadgets, uncounted." })
class UncountedGadgetConnection extends connectionOf(ConnectionTestGadget, { edge: "UncountedGadgetEdge" }) {}

let counted = 0;
const rows = [{ id: "a" }, { id: "b" }, { id: "c" }];

@Resolver()
class ConnectionTestResolver {
  @Query(() => GadgetConnection)
  gadgets(): GadgetConnection {
    const page = toPage(rows, 2, null, (row) => `cursor-${row.id}`);
    return Object.assign(new GadgetConnection(), page, { countTotal: async () => ++counted && rows.length });
  }

  @Query(() => UncountedGadgetConnection)
  uncountedGadgets(): UncountedGadgetConnection {
    return Object.assign(
      new UncountedGadgetConnection(),
      toPage(rows, 5, null, (row) => row.id),
    );
  }
}

const schema = await buildFederatedSchema({ resolvers: [ConnectionTestResolver] });

describe("connectionOf", () => {
  it("declares the edge and the connection as every connection of the graph has them", () => {
    expect(printType(schema.getType("GadgetEdge") as GraphQLObjectType)).toBe(
      '"""One item of a page, with the cursor that marks its place."""\ntype GadgetEdge {\n' +
        '  """Opaque position of this item: pass it as `after` to page on from here."""\n  cursor: String!\n\n' +
        '  """The item itself."""\n  node: Gadget!\n}',
    );
    expect(printType(schema.getType("GadgetConnection") as GraphQLObjectType)).toBe(
      [
        '"""A page of gadgets."""',
        "type GadgetConnection {",
        `  """The page's items with their cursors, in order."""`,
        "  edges: [GadgetEdge!]!",
        "",
        `  """The page's items without cursors, in the same order as \`edges\`."""`,
        "  nodes: [Gadget!]!",
        "",
        '  """Whether more pages follow, and the cursors to ask for them."""',
        "  pageInfo: PageInfo!",
        "",
        '  """How many gadgets there are."""',
        "  totalCount: Int!",
        "}",
      ].join("\n"),
    );
    expect(Object.keys((schema.getType("UncountedGadgetConnection") as GraphQLObjectType).getFields())).toEqual([
      "edges",
      "nodes",
      "pageInfo",
    ]);
  });

  it("counts only when totalCount is selected", async () => {
    counted = 0;
    const page = await graphql({ schema, source: "{ gadgets { nodes { id } pageInfo { hasNextPage endCursor } } }" });
    expect(page.data).toEqual({
      gadgets: { nodes: [{ id: "a" }, { id: "b" }], pageInfo: { hasNextPage: true, endCursor: "cursor-b" } },
    });
    expect(counted).toBe(0);
    const total = await graphql({ schema, source: "{ gadgets { totalCount edges { cursor } } }" });
    expect(total.data).toEqual({ gadgets: { totalCount: 3, edges: [{ cursor: "cursor-a" }, { cursor: "cursor-b" }] } });
    expect(counted).toBe(1);
  });
});
