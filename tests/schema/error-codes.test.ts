/**
 * The error registries as the committed artifacts show them: every user-error code of the supergraph is an enum
 * value with its meaning, each subgraph's enum holds the kit's shared codes as the kit declares them, and
 * docs/errors.md is what the registries render (the same check as `npm run schema:check`, in the test run).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { REQUEST_ERROR_CODES } from "@portal-graph/http-kit/error-codes";
import { SHARED_USER_ERROR_CODES } from "@portal-graph/subgraph-kit";
import { findRepoRoot, readRegistry } from "@portal-graph/subgraph-kit/workspace";
import { buildASTSchema, GraphQLNonNull, parse, type GraphQLEnumType, type GraphQLObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { renderErrorDocs, userErrorCodesOf } from "../../scripts/lib/error-docs.js";

const root = findRepoRoot();
const read = (...parts: string[]) => readFileSync(path.join(root, ...parts), "utf8");
const subgraphs = readRegistry(root).map(({ name }) => ({ name, sdl: read("schema", "subgraphs", `${name}.graphql`) }));
const supergraphSdl = read("schema", "supergraph.graphql");

/** The client's view of the supergraph: its join__ directives dropped. */
function apiType(name: string) {
  return buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true }).getType(name);
}

describe("user-error codes in the supergraph", () => {
  it("are the enum UserErrorCode, on every payload's userErrors", () => {
    const userError = apiType("UserError") as GraphQLObjectType;
    const code = userError.getFields().code!.type;
    expect(code).toBeInstanceOf(GraphQLNonNull);
    expect((code as GraphQLNonNull<GraphQLEnumType>).ofType.name).toBe("UserErrorCode");
  });

  it("each have a description saying what they mean", () => {
    const values = (apiType("UserErrorCode") as GraphQLEnumType).getValues();
    expect(values.length).toBeGreaterThan(Object.keys(SHARED_USER_ERROR_CODES).length);
    const undescribed = values.filter((value) => !value.description?.trim()).map((value) => value.name);
    expect(undescribed).toEqual([]);
  });

  it("are the union of the subgraphs' codes", () => {
    const union = new Set(subgraphs.flatMap(({ sdl }) => userErrorCodesOf(sdl).map((entry) => entry.code)));
    const values = (apiType("UserErrorCode") as GraphQLEnumType).getValues().map((value) => value.name);
    expect(new Set(values)).toEqual(union);
  });
});

describe("each subgraph's UserErrorCode", () => {
  const declaring = subgraphs.filter(({ sdl }) => userErrorCodesOf(sdl).length > 0);

  it("is declared by every subgraph with mutations", () => {
    const withMutations = subgraphs.filter(({ sdl }) => /^type Mutation\b/m.test(sdl));
    expect(withMutations.length).toBeGreaterThan(0);
    expect(declaring.map(({ name }) => name)).toEqual(withMutations.map(({ name }) => name));
  });

  it.each(declaring.map(({ name, sdl }) => [name, sdl]))(
    "%s: holds the kit's shared codes with the kit's meanings",
    (_name, sdl) => {
      const meanings = Object.fromEntries(userErrorCodesOf(sdl).map(({ code, meaning }) => [code, meaning]));
      for (const [code, meaning] of Object.entries(SHARED_USER_ERROR_CODES)) expect(meanings[code], code).toBe(meaning);
    },
  );

  it("gives a code one meaning across subgraphs", () => {
    const meanings = new Map<string, Set<string | undefined>>();
    for (const { sdl } of declaring) {
      for (const { code, meaning } of userErrorCodesOf(sdl)) {
        meanings.set(code, (meanings.get(code) ?? new Set()).add(meaning));
      }
    }
    expect([...meanings].filter(([, set]) => set.size > 1).map(([code]) => code)).toEqual([]);
  });
});

describe("docs/errors.md", () => {
  it("is what the registries render (run `npm run schema:compose` after changing a code)", () => {
    expect(read("docs", "errors.md")).toBe(renderErrorDocs(REQUEST_ERROR_CODES, subgraphs));
  });

  it("lists every request error code and every user-error code", () => {
    const docs = read("docs", "errors.md");
    for (const code of Object.keys(REQUEST_ERROR_CODES)) expect(docs).toContain(`| \`${code}\` |`);
    for (const value of (apiType("UserErrorCode") as GraphQLEnumType).getValues()) {
      expect(docs).toContain(`| \`${value.name}\` |`);
    }
  });
});
