import { graphql, type GraphQLEnumType, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import { buildSchema, Field, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { describe, expect, it } from "vitest";
import {
  createUserErrors,
  InputChecks,
  SHARED_USER_ERROR_CODES,
  type UserErrorOf,
  type UserErrorType,
} from "./user-errors.js";

const desks = createUserErrors("desks-test", { DESK_TAKEN: "A desk with this id exists already." });
const roles = createUserErrors("roles-test", { ROLE_GONE: "The role has been withdrawn." });

/** A one-mutation schema whose payload lists `UserError`s, answering with `answer`, as a subgraph builds its own. */
function schemaOf(UserError: UserErrorType<string>, answer: () => UserErrorOf[]): Promise<GraphQLSchema> {
  @ObjectType("ActPayload")
  class ActPayload {
    @Field(() => [UserError])
    userErrors!: UserErrorOf[];
  }
  @Resolver()
  class ActResolver {
    @Query(() => String)
    ok(): string {
      return "ok";
    }

    @Mutation(() => ActPayload)
    act(): ActPayload {
      return { userErrors: answer() };
    }
  }
  return buildSchema({ resolvers: [ActResolver], validate: false, skipCheck: true });
}

function codesOf(schema: GraphQLSchema): Record<string, string | null | undefined> {
  const type = schema.getType("UserErrorCode") as GraphQLEnumType;
  return Object.fromEntries(type.getValues().map((value) => [value.name, value.description]));
}

describe("user-error codes", () => {
  it("give each subgraph its own UserErrorCode in one process: the shared codes, then its own", async () => {
    const desksSchema = await schemaOf(desks.UserError, () => []);
    const rolesSchema = await schemaOf(roles.UserError, () => []);
    expect(codesOf(desksSchema)).toEqual({
      ...SHARED_USER_ERROR_CODES,
      DESK_TAKEN: "A desk with this id exists already.",
    });
    expect(codesOf(rolesSchema)).toEqual({ ...SHARED_USER_ERROR_CODES, ROLE_GONE: "The role has been withdrawn." });
    const userError = desksSchema.getType("UserError") as GraphQLObjectType;
    expect(String(userError.getFields().code?.type)).toBe("UserErrorCode!");
  });

  it("answer a declared code as the enum value, keeping field and message", async () => {
    const schema = await schemaOf(desks.UserError, () => [desks.userError("id", "DESK_TAKEN", "id: taken")]);
    const result = await graphql({ schema, source: "mutation { act { userErrors { field message code } } }" });
    expect(result).toEqual({
      data: { act: { userErrors: [{ field: ["input", "id"], message: "id: taken", code: "DESK_TAKEN" }] } },
    });
  });

  it("refuse to answer a code another subgraph declared, so one cannot leak into the wrong enum", async () => {
    const stray = roles.userError("id", "ROLE_GONE", "gone") as unknown as UserErrorOf;
    const schema = await schemaOf(desks.UserError, () => [stray]);
    const result = await graphql({ schema, source: "mutation { act { userErrors { code } } }" });
    expect(result.errors?.[0]?.message).toMatch(/Enum "UserErrorCode" cannot represent value: "ROLE_GONE"/);
  });

  it.each([
    ["a shared code declared again", { REQUIRED: "Mine." }, "declares user-error code REQUIRED"],
    ["a code that is not SCREAMING_SNAKE", { deskTaken: "Taken." }, "deskTaken is not SCREAMING_SNAKE"],
    ["a meaning over two lines", { DESK_GONE: "Gone.\nFor good." }, "DESK_GONE needs a one-line meaning"],
    ["no meaning", { DESK_GONE: "" }, "DESK_GONE needs a one-line meaning"],
  ])("fail at import on %s", (_case, own, message) => {
    expect(() => createUserErrors("desks-test", own)).toThrow(message);
  });

  it("type InputChecks and userError by the subgraph's codes", () => {
    const checks = new desks.InputChecks().text("name", " ", 10).add("id", "DESK_TAKEN", "taken");
    // @ts-expect-error: ROLE_GONE is not a desks code, so this line must not compile.
    checks.add("id", "ROLE_GONE", "gone");
    // @ts-expect-error: a typo must not compile either.
    desks.userError("id", "DESK_TAKN", "taken");
    // The kit's own checks, untyped by a subgraph, take the shared codes only.
    // @ts-expect-error: DESK_TAKEN is no shared code.
    new InputChecks().add("id", "DESK_TAKEN", "taken");
    expect(checks.errors.map((error) => error.code)).toEqual(["REQUIRED", "DESK_TAKEN", "ROLE_GONE"]);
  });
});
