import { describe, expect, it } from "vitest";
import { readyUrl, subgraphsFromSupergraph } from "./readiness.js";

const SUPERGRAPH = `
enum join__Graph {
  CATALOG @join__graph(name: "catalog", url: "http://localhost:4001/graphql")
  HELP_DESKS @join__graph(name: "help-desks", url: "http://localhost:4002/graphql")
}`;

describe("subgraphsFromSupergraph", () => {
  it("lists every @join__graph with its routing URL", () => {
    expect(subgraphsFromSupergraph(SUPERGRAPH)).toEqual([
      { name: "catalog", url: "http://localhost:4001/graphql" },
      { name: "help-desks", url: "http://localhost:4002/graphql" },
    ]);
  });

  it("applies URL overrides by subgraph name", () => {
    expect(subgraphsFromSupergraph(SUPERGRAPH, { "help-desks": "http://10.0.0.7:9000/graphql" })).toEqual([
      { name: "catalog", url: "http://localhost:4001/graphql" },
      { name: "help-desks", url: "http://10.0.0.7:9000/graphql" },
    ]);
  });
});

describe("readyUrl", () => {
  it("keeps the origin and replaces the path", () => {
    expect(readyUrl("http://localhost:4001/graphql")).toBe("http://localhost:4001/ready");
    expect(readyUrl("https://catalog.internal/api/graphql?x=1")).toBe("https://catalog.internal/ready");
  });
});
