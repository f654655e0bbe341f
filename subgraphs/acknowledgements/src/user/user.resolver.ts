import { Arg, Ctx, FieldResolver, ID, Resolver, Root, Args } from "type-graphql";
import { isSelf, pageSize, requireSelfOrRole, requireViewer, toPage, PageArgs } from "@portal-graph/subgraph-kit";
import {
  AcknowledgementConnection,
  acknowledgementCursor,
  decodeAcknowledgementCursor,
} from "../acknowledgement/acknowledgement.connection.js";
import { now } from "../clock.js";
import { complianceOf, missingPrivileged } from "../compliance/compliance.service.js";
import { Compliance } from "../compliance/compliance.types.js";
import type { AcknowledgementsContext } from "../context.js";
import { PolicyKind } from "../policy/policy.types.js";
import { UserAcknowledgements } from "./user.stub.js";

/**
 * What this subgraph adds to User, batched across users through the loaders. Acknowledgements and compliance are
 * readable by the user themself and by AUDITORs only (UNAUTHENTICATED when anonymous, FORBIDDEN otherwise).
 */
@Resolver(() => UserAcknowledgements)
export class UserAcknowledgementsResolver {
  @FieldResolver(() => AcknowledgementConnection, {
    nullable: true,
    description:
      "The user's acknowledgements, most recently recorded first. The user and auditors only. Null with an error when refused or when the acknowledgements subgraph cannot answer.",
  })
  async acknowledgements(
    @Root() user: UserAcknowledgements,
    @Ctx() ctx: AcknowledgementsContext,
    @Args(() => PageArgs) { first, after }: PageArgs = {},
  ): Promise<AcknowledgementConnection> {
    requireSelfOrRole(ctx, user.id, "AUDITOR");
    const limit = pageSize(first);
    const afterId = after ? decodeAcknowledgementCursor(after) : null;
    const rows = await ctx.loaders.acknowledgementPage.load({ userId: user.id, limit, afterId });
    return Object.assign(new AcknowledgementConnection(), toPage(rows, limit, after, acknowledgementCursor));
  }

  @FieldResolver(() => Compliance, {
    nullable: true,
    description:
      "What the user must acknowledge and where they stand. The warning banner (every sign-in) is judged against " +
      "the sign-in only when users ask about themselves; for others it stands while its version does. The user and auditors only. " +
      "Null with an error when refused or when the acknowledgements subgraph cannot answer.",
  })
  async compliance(
    @Root() user: UserAcknowledgements,
    @Ctx() ctx: AcknowledgementsContext,
    @Arg("applicationId", () => ID, { nullable: true, description: "Adds that application's own rules." })
    applicationId?: string | null,
    @Arg("privileged", () => Boolean, {
      nullable: true,
      description: "Adds the policies of privileged users (default false).",
    })
    privileged?: boolean | null,
  ): Promise<Compliance> {
    requireSelfOrRole(ctx, user.id, "AUDITOR");
    const [catalog, latest] = await Promise.all([ctx.loaders.catalog(), ctx.loaders.latestByUser.load(user.id)]);
    const signedInAt = isSelf(ctx.viewer, user.id) ? ctx.viewer!.authTime : null;
    const scope = { applicationId: applicationId ?? null, privileged: privileged ?? false };
    return complianceOf(catalog, latest, scope, signedInAt, now());
  }

  @FieldResolver(() => [PolicyKind], {
    nullable: true,
    description:
      "Which of RULES_OF_BEHAVIOR and PRIVILEGED_USER_ADDENDUM the user does not hold as CURRENT or DUE_SOON; " +
      "empty when the prerequisites of privileged access are met. Any signed-in viewer. Null with an error when the acknowledgements subgraph cannot answer.",
  })
  async missingPrivilegedAcknowledgements(
    @Root() user: UserAcknowledgements,
    @Ctx() ctx: AcknowledgementsContext,
  ): Promise<PolicyKind[]> {
    // Signed-in viewers, not only the user and auditors: access-roles @requires it for whoever reads a grant's
    // status or a request's blockers (approvers), and those already show the same fact. Two kinds, no dates.
    requireViewer(ctx);
    const [catalog, latest] = await Promise.all([ctx.loaders.catalog(), ctx.loaders.latestByUser.load(user.id)]);
    return missingPrivileged(catalog, latest, now());
  }
}
