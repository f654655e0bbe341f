import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { AcknowledgementsContext } from "../context.js";
import { AcknowledgePolicyInput, AcknowledgePolicyPayload } from "./acknowledgement.write-types.js";
import { acknowledgePolicy } from "./acknowledgement.writes.js";

/** The viewer's one write: acknowledging a policy for themself (anonymous callers get UNAUTHENTICATED). */
@Resolver()
export class AcknowledgementMutations {
  @Mutation(() => AcknowledgePolicyPayload, {
    description:
      "The viewer acknowledges the current version of a policy. Again while that acknowledgement is CURRENT returns " +
      "it and writes nothing.",
  })
  acknowledgePolicy(
    @Arg("input", () => AcknowledgePolicyInput, {
      description: "What to change; each field of the input says what it means.",
    })
    input: AcknowledgePolicyInput,
    @Ctx() ctx: AcknowledgementsContext,
  ): Promise<AcknowledgePolicyPayload> {
    return acknowledgePolicy(ctx, input);
  }
}
