import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { ApplicationAccess } from "../application/application-access.entity.js";
import type { AccessRolesContext } from "../context.js";
import { Role } from "./role.entity.js";

/** The role catalog: public, like the application catalog it extends. */
@Resolver(() => Role)
export class RoleResolver {
  @Query(() => Role, { nullable: true, description: "One role by id; null when there is none." })
  role(
    @Ctx() ctx: AccessRolesContext,
    @Arg("id", () => ID, { description: "The role's id." }) id: string,
  ): Promise<Role | null> {
    return ctx.loaders.roleById.load(id);
  }

  @FieldResolver(() => ApplicationAccess, {
    nullable: true,
    description: "The application the role belongs to. Null with an error when the catalog cannot answer.",
  })
  application(@Root() role: Role): ApplicationAccess {
    return { id: role.applicationId };
  }

  @FieldResolver(() => [Role], {
    description: "Roles no one may hold together with this one (separation of duties).",
  })
  async conflictsWith(@Root() role: Role, @Ctx() ctx: AccessRolesContext): Promise<Role[]> {
    const roles = await ctx.loaders.roleById.loadMany(role.conflictsWithIds);
    return roles.filter((found): found is Role => found instanceof Role);
  }
}
