import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { AccessRolesContext } from "../context.js";
import { CertifyRoleGrantInput, RevokeRoleGrantInput } from "../role-grant/role-grant.inputs.js";
import { CertifyRoleGrantPayload, RevokeRoleGrantPayload } from "../role-grant/role-grant.payloads.js";
import { certifyRoleGrant, revokeRoleGrant } from "../role-grant/role-grant.writes.js";
import { CancelAccessRequestInput, DecideAccessRequestInput, RequestAccessInput } from "./access-request.inputs.js";
import {
  CancelAccessRequestPayload,
  DecideAccessRequestPayload,
  RequestAccessPayload,
} from "./access-request.payloads.js";
import { cancelAccessRequest, requestAccess } from "./access-request.writes.js";
import { decideAccessRequest } from "./decide.writes.js";

const REFUSALS =
  "Anonymous callers get UNAUTHENTICATED; every expected refusal is a userError with a code, with nothing written.";

/** The access writes: each one transaction with its audit events, or userErrors and nothing written. */
@Resolver()
export class AccessMutationResolver {
  @Mutation(() => RequestAccessPayload, {
    description: `Asks for a requestable role the viewer neither holds nor has asked for, and that no role they hold conflicts with. ${REFUSALS}`,
  })
  requestAccess(
    @Ctx() ctx: AccessRolesContext,
    @Arg("input", () => RequestAccessInput, {
      description: "What to change; each field of the input says what it means.",
    })
    input: RequestAccessInput,
  ): Promise<RequestAccessPayload> {
    return requestAccess(ctx, input);
  }

  @Mutation(() => CancelAccessRequestPayload, {
    description: `Withdraws the viewer's own pending request. ${REFUSALS}`,
  })
  cancelAccessRequest(
    @Ctx() ctx: AccessRolesContext,
    @Arg("input", () => CancelAccessRequestInput, {
      description: "What to change; each field of the input says what it means.",
    })
    input: CancelAccessRequestInput,
  ): Promise<CancelAccessRequestPayload> {
    return cancelAccessRequest(ctx, input);
  }

  @Mutation(() => DecideAccessRequestPayload, {
    description: `Approves (granting the role) or rejects (with a comment) a pending request, exactly once; by an approver of the role's application or a portal admin, never the requester. ${REFUSALS}`,
  })
  decideAccessRequest(
    @Ctx() ctx: AccessRolesContext,
    @Arg("input", () => DecideAccessRequestInput, {
      description: "What to change; each field of the input says what it means.",
    })
    input: DecideAccessRequestInput,
  ): Promise<DecideAccessRequestPayload> {
    return decideAccessRequest(ctx, input);
  }

  @Mutation(() => RevokeRoleGrantPayload, {
    description: `Ends a held grant now, with a reason; by its holder, an approver of the application or a portal admin. ${REFUSALS}`,
  })
  revokeRoleGrant(
    @Ctx() ctx: AccessRolesContext,
    @Arg("input", () => RevokeRoleGrantInput, {
      description: "What to change; each field of the input says what it means.",
    })
    input: RevokeRoleGrantInput,
  ): Promise<RevokeRoleGrantPayload> {
    return revokeRoleGrant(ctx, input);
  }

  @Mutation(() => CertifyRoleGrantPayload, {
    description: `Confirms a held grant is still needed (once a year: it opens 60 days before the due day); by an approver of the application or a portal admin, never the holder. ${REFUSALS}`,
  })
  certifyRoleGrant(
    @Ctx() ctx: AccessRolesContext,
    @Arg("input", () => CertifyRoleGrantInput, {
      description: "What to change; each field of the input says what it means.",
    })
    input: CertifyRoleGrantInput,
  ): Promise<CertifyRoleGrantPayload> {
    return certifyRoleGrant(ctx, input);
  }
}
