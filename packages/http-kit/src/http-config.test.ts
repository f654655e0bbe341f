import { describe, expect, it } from "vitest";
import { prefersGraphQLResponseJson, readCorsOrigins, readHstsMaxAgeSeconds } from "@portal-graph/http-kit";

describe("CORS_ORIGINS", () => {
  it("defaults to the example UI's origin outside production and to none in production", () => {
    expect(readCorsOrigins({})).toEqual(["http://localhost:3000"]);
    expect(readCorsOrigins({ NODE_ENV: "production" })).toEqual([]);
  });

  it("reads comma-separated origins, replacing the default", () => {
    expect(readCorsOrigins({ CORS_ORIGINS: "https://portal.example.gov , http://localhost:8080" })).toEqual([
      "https://portal.example.gov",
      "http://localhost:8080",
    ]);
  });

  it.each(["*", "https://portal.example.gov/", "https://portal.example.gov/app", "portal.example.gov"])(
    "refuses %s, naming the variable and the rule",
    (entry) => {
      expect(() => readCorsOrigins({ CORS_ORIGINS: entry })).toThrow(
        `CORS_ORIGINS entries must be origins such as https://portal.example.gov, with no path or trailing slash (got "${entry}")`,
      );
    },
  );
});

describe("HSTS_MAX_AGE_SECONDS", () => {
  it("is off unless set, and reads 0 to two years", () => {
    expect(readHstsMaxAgeSeconds({})).toBeNull();
    expect(readHstsMaxAgeSeconds({ HSTS_MAX_AGE_SECONDS: "31536000" })).toBe(31_536_000);
    expect(readHstsMaxAgeSeconds({ HSTS_MAX_AGE_SECONDS: "0" })).toBe(0);
    expect(() => readHstsMaxAgeSeconds({ HSTS_MAX_AGE_SECONDS: "1y" })).toThrow(
      'HSTS_MAX_AGE_SECONDS must be a whole number from 0 to 63072000 (got "1y")',
    );
  });
});

describe("prefersGraphQLResponseJson", () => {
  it.each([
    [undefined, false],
    ["application/json", false],
    ["*/*", false],
    ["application/graphql-response+json", true],
    ["application/graphql-response+json, application/json", true],
    ["application/json, application/graphql-response+json", false],
    ["application/json;q=0.9, application/graphql-response+json", true],
    ["application/graphql-response+json;q=0", false],
  ])("Accept: %s → %s", (accept, expected) => {
    expect(prefersGraphQLResponseJson(accept)).toBe(expected);
  });
});
