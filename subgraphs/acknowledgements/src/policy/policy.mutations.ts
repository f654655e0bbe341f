import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { AcknowledgementsContext } from "../context.js";
import { publishPolicyVersion } from "./policy.publish.js";
import { PublishPolicyVersionInput, PublishPolicyVersionPayload } from "./policy.write-types.js";

/** Policy administration: publishing new versions (POLICY_ADMIN). */
@Resolver()
export class PolicyMutations {
  @Mutation(() => PublishPolicyVersionPayload, {
    description: "Publishes the next version of a policy (POLICY_ADMIN). Versions are never edited.",
  })
  publishPolicyVersion(
    @Arg("input", () => PublishPolicyVersionInput, {
      description: "What to change; each field of the input says what it means.",
    })
    input: PublishPolicyVersionInput,
    @Ctx() ctx: AcknowledgementsContext,
  ): Promise<PublishPolicyVersionPayload> {
    return publishPolicyVersion(ctx, input);
  }
}
