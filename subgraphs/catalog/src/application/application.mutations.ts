import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { CatalogContext } from "../context.js";
import {
  DeprecateApplicationInput,
  DeprecateApplicationPayload,
  RegisterApplicationInput,
  RegisterApplicationPayload,
  RetireApplicationInput,
  RetireApplicationPayload,
  UpdateApplicationInput,
  UpdateApplicationPayload,
} from "./application.write-types.js";
import {
  deprecateApplication,
  registerApplication,
  retireApplication,
  updateApplication,
} from "./application.writes.js";

/**
 * The catalog's guarded writes. Anonymous callers get UNAUTHENTICATED and callers who are neither portal admins
 * nor members of the application's owner group get FORBIDDEN; refused input comes back as userErrors, and then
 * nothing was written.
 */
@Resolver()
export class ApplicationMutations {
  @Mutation(() => RegisterApplicationPayload, { description: "Adds an application to the catalog (portal admins)." })
  registerApplication(
    @Arg("input", () => RegisterApplicationInput, {
      description: "What to change; each field of the input says what it means.",
    })
    input: RegisterApplicationInput,
    @Ctx() ctx: CatalogContext,
  ): Promise<RegisterApplicationPayload> {
    return registerApplication(ctx, input);
  }

  @Mutation(() => UpdateApplicationPayload, {
    description: "Changes an application (portal admins, or members of its owner group).",
  })
  updateApplication(
    @Arg("input", () => UpdateApplicationInput, {
      description: "What to change; each field of the input says what it means.",
    })
    input: UpdateApplicationInput,
    @Ctx() ctx: CatalogContext,
  ): Promise<UpdateApplicationPayload> {
    return updateApplication(ctx, input);
  }

  @Mutation(() => DeprecateApplicationPayload, {
    description: "Marks an application DEPRECATED (portal admins, or members of its owner group).",
  })
  deprecateApplication(
    @Arg("input", () => DeprecateApplicationInput, {
      description: "What to change; each field of the input says what it means.",
    })
    input: DeprecateApplicationInput,
    @Ctx() ctx: CatalogContext,
  ): Promise<DeprecateApplicationPayload> {
    return deprecateApplication(ctx, input);
  }

  @Mutation(() => RetireApplicationPayload, {
    description: "Marks an application RETIRED (portal admins, or members of its owner group).",
  })
  retireApplication(
    @Arg("input", () => RetireApplicationInput, {
      description: "What to change; each field of the input says what it means.",
    })
    input: RetireApplicationInput,
    @Ctx() ctx: CatalogContext,
  ): Promise<RetireApplicationPayload> {
    return retireApplication(ctx, input);
  }
}
