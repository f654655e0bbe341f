import { describe, expect, it } from "vitest";
import { loadCredentials, mayChange } from "./credentials.js";

const env = {
  REGISTRY_ADMIN_TOKEN: "admin-token-0123456789",
  REGISTRY_PUBLISH_TOKENS: "catalog=catalog-token-0123456789",
  REGISTRY_READ_TOKENS: "gateway=gateway-token-0123456789",
};

describe("registry credentials", () => {
  it("knows each token's name and role, and nobody without one", () => {
    const credentials = loadCredentials(env);
    expect(credentials.open).toBe(false);
    expect(credentials.find("admin-token-0123456789")).toEqual({ name: "admin", role: "admin" });
    expect(credentials.find("catalog-token-0123456789")).toEqual({
      name: "catalog",
      role: "publish",
      subgraph: "catalog",
    });
    expect(credentials.find("gateway-token-0123456789")).toEqual({ name: "gateway", role: "read" });
    expect(credentials.find("catalog-token-012345678")).toBeNull();
    expect(credentials.find(null)).toBeNull();
  });

  it("lets a publish token change its own subgraph only, and a read token none", () => {
    const credentials = loadCredentials(env);
    expect(mayChange(credentials.find("catalog-token-0123456789")!, "catalog")).toBe(true);
    expect(mayChange(credentials.find("catalog-token-0123456789")!, "help-desks")).toBe(false);
    expect(mayChange(credentials.find("gateway-token-0123456789")!, "catalog")).toBe(false);
    expect(mayChange(credentials.find("admin-token-0123456789")!, "anything")).toBe(true);
  });

  it("is open in development with no token set, and refuses to start so in production", () => {
    expect(loadCredentials({}).open).toBe(true);
    expect(() => loadCredentials({ NODE_ENV: "production" })).toThrow("REGISTRY_ADMIN_TOKEN is required");
  });

  it.each([
    ["a short token", { REGISTRY_ADMIN_TOKEN: "short" }, "at least 16 characters"],
    ["an entry without a name", { REGISTRY_READ_TOKENS: "gateway-token-0123456789" }, "must be name=token"],
  ])("refuses %s, naming the variable or rule", (_case, bad, message) => {
    expect(() => loadCredentials(bad)).toThrow(message);
  });
});
