import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseUrlVariable, resolveDatabase } from "./database.js";

describe("resolveDatabase", () => {
  it("defaults to data/<subgraph>.sqlite under DATA_DIR", () => {
    expect(resolveDatabase("help-desks", {})).toEqual({
      kind: "sqlite",
      path: path.resolve("data", "help-desks.sqlite"),
    });
    expect(resolveDatabase("catalog", { DATA_DIR: "/tmp/x" })).toEqual({
      kind: "sqlite",
      path: "/tmp/x/catalog.sqlite",
    });
  });

  it("puts each subgraph in a PostgreSQL schema of its own", () => {
    const url = "postgres://u@db:5432/portal";
    expect(resolveDatabase("help-desks", { DATABASE_URL: url })).toEqual({
      kind: "postgres",
      url,
      schema: "help_desks",
    });
    expect(resolveDatabase("catalog", { DATABASE_URL: "postgresql://db/x" }).kind).toBe("postgres");
  });

  it("prefers the subgraph's own variable over DATABASE_URL", () => {
    const env = { DATABASE_URL: "postgres://db/shared", CATALOG_DATABASE_URL: "./own.sqlite" };
    expect(resolveDatabase("catalog", env)).toEqual({ kind: "sqlite", path: path.resolve("own.sqlite") });
    expect(databaseUrlVariable("access-roles")).toBe("ACCESS_ROLES_DATABASE_URL");
  });

  it("takes :memory:, file: URLs and file paths", () => {
    expect(resolveDatabase("catalog", { DATABASE_URL: ":memory:" })).toEqual({ kind: "sqlite", path: ":memory:" });
    expect(resolveDatabase("catalog", { DATABASE_URL: "file:/tmp/c.sqlite" })).toEqual({
      kind: "sqlite",
      path: "/tmp/c.sqlite",
    });
    expect(resolveDatabase("catalog", { DATABASE_URL: "/var/lib/c.db" })).toEqual({
      kind: "sqlite",
      path: "/var/lib/c.db",
    });
  });

  it("names the variable and the subgraph when the value is neither", () => {
    expect(() => resolveDatabase("catalog", { DATABASE_URL: "mysql://db/x" })).toThrow(
      "DATABASE_URL is not a postgres:// URL or an SQLite file path (catalog)",
    );
    expect(() => resolveDatabase("catalog", { CATALOG_DATABASE_URL: "nonsense" })).toThrow(/^CATALOG_DATABASE_URL/);
  });
});
