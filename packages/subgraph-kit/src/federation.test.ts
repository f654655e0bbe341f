import "reflect-metadata";
import { graphql } from "graphql";
import { Directive, Field, ID, ObjectType, Query, Resolver } from "type-graphql";
import { describe, expect, it } from "vitest";
import { buildFederatedSchema, type ReferenceResolvers } from "./federation.js";

@ObjectType("Widget")
@Directive('@key(fields: "id")')
class FederationTestWidget {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  label!: string;
}

@Resolver(() => FederationTestWidget)
class FederationTestWidgetResolver {
  @Query(() => FederationTestWidget, { nullable: true })
  widget(): FederationTestWidget | null {
    return null;
  }
}

interface WidgetContext {
  labels: Map<string, string>;
}

describe("reference resolvers", () => {
  it("receive the representation's key and the request's context, typed without a cast", async () => {
    const seen: unknown[] = [];
    const resolveWidget = (reference: { id: string }, context: WidgetContext): FederationTestWidget | null => {
      seen.push(reference.id);
      const label = context.labels.get(reference.id);
      return label === undefined ? null : { id: reference.id, label };
    };
    const schema = await buildFederatedSchema({
      resolvers: [FederationTestWidgetResolver],
      references: { Widget: resolveWidget },
    });
    const result = await graphql({
      schema,
      source:
        'query { _entities(representations: [{ __typename: "Widget", id: "w1" }, { __typename: "Widget", id: "w2" }]) { ... on Widget { id label } } }',
      contextValue: { labels: new Map([["w1", "first"]]) } satisfies WidgetContext,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ _entities: [{ id: "w1", label: "first" }, null] });
    expect(seen).toEqual(["w1", "w2"]);
  });

  it("must all take the subgraph's one context type", () => {
    const takesWidgetContext = (_reference: { id: string }, context: WidgetContext) => context.labels.size;
    const takesOther = (_reference: { id: string }, context: { other: number }) => context.other;
    const fine: ReferenceResolvers<WidgetContext> = { Widget: takesWidgetContext };
    // @ts-expect-error a resolver wanting another context does not compile
    const refused: ReferenceResolvers<WidgetContext> = { Widget: takesOther };
    expect(Object.keys({ ...fine, ...refused })).toEqual(["Widget"]);
  });
});
