import "reflect-metadata";
import { Field, ObjectType } from "type-graphql";
import { describe, expect, it } from "vitest";
import { duplicateClassNames, typeGraphqlClasses } from "./type-classes.js";
import { createUserErrorType } from "./user-errors.js";

/** What a subgraph module does when it loads: declares a type-graphql class named `Shared`. */
function declareShared(label: string): object {
  @ObjectType(`Shared${label}`)
  class Shared {
    @Field(() => String)
    value!: string;
  }
  return Shared;
}

/** The classes a step brings into the process, as compose attributes them to the subgraph it loaded. */
function classesOf(step: () => unknown): Set<object> {
  const before = typeGraphqlClasses();
  step();
  return new Set([...typeGraphqlClasses()].filter((target) => !before.has(target)));
}

describe("type-graphql classes across subgraphs", () => {
  it("reports a class name two subgraphs both declare, with both", () => {
    const owners = new Map([
      ["first", classesOf(() => declareShared("A"))],
      ["second", classesOf(() => declareShared("B"))],
    ]);
    expect(duplicateClassNames(owners)).toEqual([{ className: "Shared", owners: ["first", "second"] }]);
  });

  it("leaves out the class the kit makes once per subgraph (UserError)", () => {
    const owners = new Map([
      ["first", classesOf(() => createUserErrorType({ ONE: "one" }))],
      ["second", classesOf(() => createUserErrorType({ TWO: "two" }))],
    ]);
    expect(duplicateClassNames(owners)).toEqual([]);
  });

  it("finds nothing when every name is declared once", () => {
    const owners = new Map([["only", classesOf(() => declareShared("C"))]]);
    expect(duplicateClassNames(owners)).toEqual([]);
  });
});
