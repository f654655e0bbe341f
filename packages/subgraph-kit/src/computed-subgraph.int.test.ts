import "reflect-metadata";
import DataLoader from "dataloader";
import { Ctx, Directive, Field, ID, ObjectType, Query, Resolver } from "type-graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ComputedSubgraphContext } from "./context.js";
import { buildFederatedSchema } from "./federation.js";
import { createSubgraphServer, type ComputedSubgraphDefinition } from "./subgraph.js";
import { openTestSubgraph, type TestSubgraph } from "./testing/subgraph.js";

// What another team's API would answer; the loaders are the only way in, as they would be over HTTP.
const FORECASTS = new Map([
  ["aps", "sunny"],
  ["hats", "cloudy"],
]);

@ObjectType("Forecast")
@Directive('@key(fields: "id")')
class ComputedTestForecast {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  outlook!: string;
}

interface Loaders {
  forecast: DataLoader<string, ComputedTestForecast | null>;
}
/** Every batch the loaders asked the "API" for. */
const calls: string[][] = [];
type Context = ComputedSubgraphContext<Loaders>;

@Resolver(() => ComputedTestForecast)
class ComputedTestForecastResolver {
  @Query(() => ComputedTestForecast, { nullable: true })
  forecast(@Ctx() ctx: Context): Promise<ComputedTestForecast | null> {
    return ctx.loaders.forecast.load("aps");
  }
}

function definition(ready: () => boolean): ComputedSubgraphDefinition<Loaders> {
  return {
    name: "forecasts",
    database: false,
    buildSchema: () =>
      buildFederatedSchema({
        resolvers: [ComputedTestForecastResolver],
        references: {
          Forecast: (reference: { id: string }, ctx: Context) => ctx.loaders.forecast.load(reference.id),
        },
      }),
    createLoaders() {
      return {
        forecast: new DataLoader(async (ids) => {
          calls.push([...ids]);
          return ids.map((id) => (FORECASTS.has(id) ? { id, outlook: FORECASTS.get(id)! } : null));
        }),
      };
    },
    isReady: async () => ready(),
  };
}

describe("a subgraph without a database", () => {
  let forecasts: TestSubgraph<null>;
  beforeAll(async () => {
    forecasts = await openTestSubgraph(definition(() => true));
  });
  afterAll(async () => {
    await forecasts?.close();
  });

  it("answers from its loaders, with no data source and no SQL", async () => {
    expect(forecasts.dataSource).toBeNull();
    const { data, errors, sqlStatements } = await forecasts.execute<{ forecast: { outlook: string } }>(
      "{ forecast { outlook } }",
    );
    expect(errors).toBeUndefined();
    expect(data!.forecast.outlook).toBe("sunny");
    expect(sqlStatements).toBe(0);
  });

  it("resolves a batch of references in one loader call", async () => {
    calls.length = 0;
    const { data } = await forecasts.execute<{ _entities: ({ outlook: string } | null)[] }>(
      "query ($r: [_Any!]!) { _entities(representations: $r) { ... on Forecast { outlook } } }",
      { r: ["hats", "nowhere", "aps"].map((id) => ({ __typename: "Forecast", id })) },
    );
    expect(data!._entities).toEqual([{ outlook: "cloudy" }, null, { outlook: "sunny" }]);
    expect(calls).toEqual([["hats", "nowhere", "aps"]]);
  });

  it("is ready over HTTP when what it depends on is, and says 503 when not", async () => {
    let ready = true;
    const server = await createSubgraphServer(
      definition(() => ready),
      null,
    );
    const port = await server.start(0);
    try {
      const first = await fetch(`http://127.0.0.1:${port}/ready`);
      expect([first.status, await first.json()]).toEqual([200, { ready: true, subgraph: "forecasts" }]);
      ready = false;
      const second = await fetch(`http://127.0.0.1:${port}/ready`);
      expect([second.status, await second.json()]).toEqual([503, { ready: false, subgraph: "forecasts" }]);
    } finally {
      await server.stop();
    }
  });
});
