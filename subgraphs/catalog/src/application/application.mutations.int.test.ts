import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@portal-graph/subgraph-kit";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { subgraph } from "../server.js";
import {
  ADMIN,
  changesOf,
  OTHER_TEAM,
  PECOS_MEMBER,
  PLAIN,
  refusals,
  registerFixture,
  stored,
  write,
  written,
  type WriteName,
} from "./application.test-support.js";

const kinds = await testDatabaseKinds();

/** A valid input for each write against the application id (register makes a new one from it). */
function validInput(name: WriteName, id: string): Record<string, unknown> {
  switch (name) {
    case "registerApplication":
      return { id: `${id}-new`, name: "A New Application", tags: ["new"] };
    case "updateApplication":
      return { id, description: "Changed by a test." };
    case "deprecateApplication":
      return { id, replacedBy: "aps", sunsetOn: "2999-12-31" };
    case "retireApplication":
      return { id };
  }
}

const WRITES: WriteName[] = ["registerApplication", "updateApplication", "deprecateApplication", "retireApplication"];
const GUARDED: WriteName[] = ["updateApplication", "deprecateApplication", "retireApplication"];

describe.each(kinds)("who may write to the catalog, on %s", (kind) => {
  let catalog: TestSubgraph;
  let fixtures = 0;
  /** A fresh application owned by pecos-team, so each case starts from the same state. */
  const fixture = async () => (await registerFixture(catalog, `auth-${++fixtures}`)).id;

  beforeAll(async () => {
    catalog = await openTestSubgraph(subgraph, kind);
  });
  afterAll(async () => {
    await catalog?.close();
  });

  it.each(WRITES)("lets a portal admin %s, and logs it", async (name) => {
    const id = await fixture();
    const input = validInput(name, id);
    const app = await written(catalog, name, input, ADMIN);
    const target = String(input.id);
    expect(app.id).toBe(target);
    const log = await changesOf(catalog, target);
    expect(log.at(-1)).toMatchObject({ actor: "carol", applicationId: target });
  });

  it.each(GUARDED)("lets a member of the owner group %s, and logs them as the actor", async (name) => {
    const id = await fixture();
    const app = await written(catalog, name, validInput(name, id), PECOS_MEMBER);
    expect(app.id).toBe(id);
    const log = await changesOf(catalog, id);
    expect(log).toHaveLength(2);
    expect(log[1]!.actor).toBe("pat");
  });

  it("lets members of pecos-team change the seeded PECOS applications, and nobody else's", async () => {
    const pecos = await written(catalog, "updateApplication", { id: "pecos-dm", category: "Enrollment" }, PECOS_MEMBER);
    expect(pecos).toMatchObject({ id: "pecos-dm", ownerGroup: "pecos-team", category: "Enrollment" });
    const before = await stored(catalog, "aps");
    const { errors } = await write(catalog, "updateApplication", { id: "aps", category: "Mine" }, PECOS_MEMBER);
    expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await stored(catalog, "aps")).toEqual(before);
  });

  it("refuses registration to owner-group members: nobody owns an application that does not exist", async () => {
    const before = await stored(catalog, "pecos-new");
    const { payload, errors } = await write(
      catalog,
      "registerApplication",
      { id: "pecos-new", name: "PECOS New", ownerGroup: "pecos-team" },
      PECOS_MEMBER,
    );
    expect(payload).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await stored(catalog, "pecos-new")).toEqual(before);
  });

  describe.each<[string, Viewer | null, string]>([
    ["anonymous callers", null, "UNAUTHENTICATED"],
    ["plain users", PLAIN, "FORBIDDEN"],
    ["members of another group", OTHER_TEAM, "FORBIDDEN"],
  ])("for %s", (_who, viewer, code) => {
    it.each(WRITES)(`%s is ${code} and writes nothing`, async (name) => {
      const id = await fixture();
      const input = validInput(name, id);
      const before = await stored(catalog, String(input.id));
      const { payload, errors } = await write(catalog, name, input, viewer);
      expect(payload).toBeNull();
      expect(errors).toHaveLength(1);
      expect(errors![0]!.extensions?.code).toBe(code);
      expect(await stored(catalog, String(input.id))).toEqual(before);
    });
  });

  it.each(GUARDED)(
    "%s: an unknown id looks to a non-admin exactly like an application they may not touch",
    async (name) => {
      for (const viewer of [PLAIN, PECOS_MEMBER]) {
        const before = await stored(catalog, "aps");
        const unknown = await write(catalog, name, validInput(name, "no-such-app"), viewer);
        const untouchable = await write(catalog, name, validInput(name, "aps"), viewer);
        expect(unknown.payload).toBeNull();
        expect(unknown.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
        expect(unknown.errors).toEqual(untouchable.errors);
        expect(await stored(catalog, "aps")).toEqual(before);
      }
    },
  );

  it.each(GUARDED)("%s: an unknown id is NOT_FOUND for a portal admin, and nothing is written", async (name) => {
    const before = await stored(catalog, "no-such-app");
    const { payload, errors } = await write(catalog, name, validInput(name, "no-such-app"), ADMIN);
    expect(errors).toBeUndefined();
    expect(payload!.application).toBeNull();
    expect(refusals(payload)).toEqual(["input.id:NOT_FOUND"]);
    expect(await stored(catalog, "no-such-app")).toEqual(before);
  });

  it("checks membership against the owner group, not against any group of the viewer", async () => {
    const id = await fixture();
    await written(catalog, "updateApplication", { id, ownerGroup: "other-team" }, ADMIN);
    const former = await write(catalog, "updateApplication", { id, name: "Taken Back" }, PECOS_MEMBER);
    expect(former.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const current = await written(catalog, "updateApplication", { id, name: "Now Theirs" }, OTHER_TEAM);
    expect(current.name).toBe("Now Theirs");
  });
});
