import { Directive, Field, ID, ObjectType } from "type-graphql";

// Other subgraphs' entities, as keys only (resolvable: false): a blocker names the policy version, role, request or
// grant it is about, and the gateway fetches whatever else the client asks for from the subgraph that owns it. The
// catalog never copies their fields. No descriptions: their owners give them.

@ObjectType("PolicyVersion")
@Directive('@key(fields: "id", resolvable: false)')
export class PolicyVersionKey {
  @Field(() => ID)
  id!: string;
}

@ObjectType("Role")
@Directive('@key(fields: "id", resolvable: false)')
export class RoleKey {
  @Field(() => ID)
  id!: string;
}

@ObjectType("AccessRequest")
@Directive('@key(fields: "id", resolvable: false)')
export class AccessRequestKey {
  @Field(() => ID)
  id!: string;
}

@ObjectType("RoleGrant")
@Directive('@key(fields: "id", resolvable: false)')
export class RoleGrantKey {
  @Field(() => ID)
  id!: string;
}
