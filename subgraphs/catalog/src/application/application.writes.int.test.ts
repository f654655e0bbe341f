import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { subgraph } from "../server.js";
import { ADMIN, PECOS_MEMBER, refusals, registerFixture, stored, write, written } from "./application.test-support.js";

const kinds = await testDatabaseKinds();

const SEARCH = `query ($search: String) { applications(search: $search, first: 100) { nodes { id } } }`;
const LONG = (length: number) => "x".repeat(length);

describe.each(kinds)("catalog writes on %s", (kind) => {
  let catalog: TestSubgraph;
  let fixtures = 0;
  const fixture = (extra: Record<string, unknown> = {}) => registerFixture(catalog, `write-${++fixtures}`, extra);
  const searchIds = async (search: string) =>
    (
      await catalog.execute<{ applications: { nodes: { id: string }[] } }>(SEARCH, { search })
    ).data!.applications.nodes.map((node) => node.id);

  beforeAll(async () => {
    catalog = await openTestSubgraph(subgraph, kind);
  });
  afterAll(async () => {
    await catalog?.close();
  });

  describe("registerApplication", () => {
    it("stores every field given, and the application is found by search at once", async () => {
      const input = {
        id: "quantum-ledger",
        name: "Quantum Ledger",
        acronym: "QL",
        formerNames: ["Old Ledger"],
        description: "Keeps the ledger.",
        category: "Payments",
        launchUrl: "https://ledger.example.org/",
        ownerGroup: "ledger-team",
        tags: ["payments", "ledger", "payments"],
        links: [
          { kind: "USER_GUIDE", title: "Guide", url: "https://ledger.example.org/guide" },
          { kind: "FAQ", title: "FAQ", url: "https://ledger.example.org/faq" },
        ],
      };
      const app = await written(catalog, "registerApplication", input);
      expect(app).toMatchObject({
        ...input,
        tags: ["ledger", "payments"],
        lifecycle: "ACTIVE",
        replacedBy: null,
        sunsetOn: null,
      });
      expect(await searchIds("old ledger")).toEqual(["quantum-ledger"]);
      const row = (await stored(catalog, "quantum-ledger")).application!;
      expect(row).toMatchObject({ sortName: "quantum ledger", retiredAt: null });
    });

    it.each<[string, Record<string, unknown>, string[]]>([
      ["an id that is not a slug", { id: "Not A Slug" }, ["input.id:INVALID_SLUG"]],
      ["a taken id", { id: "aps" }, ["input.id:ID_TAKEN"]],
      ["an acronym taken in another case", { acronym: "pecos ai" }, ["input.acronym:ACRONYM_TAKEN"]],
      ["an empty name", { name: "   " }, ["input.name:REQUIRED"]],
      ["a name over 200 characters", { name: LONG(201) }, ["input.name:TOO_LONG"]],
      ["a description over 4000 characters", { description: LONG(4001) }, ["input.description:TOO_LONG"]],
      ["an http launch URL", { launchUrl: "http://example.org" }, ["input.launchUrl:INVALID_URL"]],
      ["a relative launch URL", { launchUrl: "/launch" }, ["input.launchUrl:INVALID_URL"]],
      [
        "a link that is not https, and one without a title",
        {
          links: [
            { kind: "FAQ", title: "FAQ", url: "ftp://example.org/faq" },
            { kind: "HOME", title: "", url: "https://example.org" },
          ],
        },
        ["input.links.0.url:INVALID_URL", "input.links.1.title:REQUIRED"],
      ],
      ["a tag that is not a slug", { tags: ["ok", "Not OK"] }, ["input.tags.1:INVALID_SLUG"]],
      ["too many tags", { tags: Array.from({ length: 21 }, (_, i) => `tag-${i}`) }, ["input.tags:TOO_MANY"]],
    ])("refuses %s and writes nothing", async (_case, change, expected) => {
      const input = { id: "refused-app", name: "Refused Application", ...change };
      const before = await stored(catalog, String(input.id));
      const { payload, errors } = await write(catalog, "registerApplication", input, ADMIN);
      expect(errors).toBeUndefined();
      expect(payload!.application).toBeNull();
      expect(refusals(payload)).toEqual(expected);
      expect(await stored(catalog, String(input.id))).toEqual(before);
    });
  });

  describe("updateApplication", () => {
    it("changes only the fields given, replaces lists, and keeps sort name and search text in step", async () => {
      const app = await fixture({ formerNames: ["Before Times"], category: "Old" });
      const before = await stored(catalog, app.id);
      const updated = await written(catalog, "updateApplication", {
        id: app.id,
        name: "Zebra Renamed",
        description: null,
        tags: ["striped"],
        links: [{ kind: "TRAINING", title: "Course", url: "https://example.org/course" }],
      });
      expect(updated).toMatchObject({
        name: "Zebra Renamed",
        description: null,
        tags: ["striped"],
        links: [{ kind: "TRAINING", title: "Course", url: "https://example.org/course" }],
        // left out, so left alone
        acronym: app.acronym,
        formerNames: ["Before Times"],
        category: "Old",
        ownerGroup: "pecos-team",
        launchUrl: null,
      });
      const after = await stored(catalog, app.id);
      expect(after.application!.updatedAt.getTime()).toBeGreaterThan(before.application!.updatedAt.getTime());
      expect(after.application!.sortName).toBe("zebra renamed");
      expect(await searchIds("zebra renamed")).toEqual([app.id]);
      expect(await searchIds("a test application")).not.toContain(app.id);
      expect(await searchIds("before times")).toEqual([app.id]);
    });

    it("lets an application keep its own acronym in another case, and refuses another's", async () => {
      const app = await fixture();
      const recased = await written(catalog, "updateApplication", { id: app.id, acronym: app.acronym!.toLowerCase() });
      expect(recased.acronym).toBe(app.acronym!.toLowerCase());
      const before = await stored(catalog, app.id);
      const { payload } = await write(catalog, "updateApplication", { id: app.id, acronym: "Aps" }, ADMIN);
      expect(refusals(payload)).toEqual(["input.acronym:ACRONYM_TAKEN"]);
      expect(await stored(catalog, app.id)).toEqual(before);
    });

    it("leaves the owner group to portal admins", async () => {
      const app = await fixture();
      const before = await stored(catalog, app.id);
      const { payload } = await write(
        catalog,
        "updateApplication",
        { id: app.id, ownerGroup: "my-friends", name: "Still Mine" },
        PECOS_MEMBER,
      );
      expect(payload!.application).toBeNull();
      expect(refusals(payload)).toEqual(["input.ownerGroup:OWNER_GROUP_ADMIN_ONLY"]);
      expect(await stored(catalog, app.id)).toEqual(before);
      // Sending the group it already has changes nothing, so a member may send the whole form back.
      await written(catalog, "updateApplication", { id: app.id, ownerGroup: "pecos-team" }, PECOS_MEMBER);
      const moved = await written(catalog, "updateApplication", { id: app.id, ownerGroup: "my-friends" }, ADMIN);
      expect(moved.ownerGroup).toBe("my-friends");
    });

    it.each<[string, Record<string, unknown>, string[]]>([
      ["a null name", { name: null }, ["input.name:REQUIRED"]],
      ["an empty acronym", { acronym: " " }, ["input.acronym:REQUIRED"]],
      ["an http URL", { launchUrl: "http://example.org" }, ["input.launchUrl:INVALID_URL"]],
      [
        "a bad link among good ones",
        { links: [{ kind: "FAQ", title: "FAQ", url: "nope" }] },
        ["input.links.0.url:INVALID_URL"],
      ],
      ["a category over 100 characters", { category: LONG(101) }, ["input.category:TOO_LONG"]],
    ])("refuses %s and writes nothing", async (_case, change, expected) => {
      const app = await fixture();
      const before = await stored(catalog, app.id);
      const { payload, errors } = await write(catalog, "updateApplication", { id: app.id, ...change }, ADMIN);
      expect(errors).toBeUndefined();
      expect(refusals(payload)).toEqual(expected);
      expect(await stored(catalog, app.id)).toEqual(before);
    });

    it("answers a second write in the same operation with what the first wrote, not a stale loader entry", async () => {
      const app = await fixture();
      const { data, errors } = await catalog.execute<Record<"first" | "second", { application: { tags: string[] } }>>(
        `mutation ($id: ID!) {
          first: updateApplication(input: { id: $id, tags: ["one"] }) { application { tags } }
          second: updateApplication(input: { id: $id, tags: ["two"] }) { application { tags } }
        }`,
        { id: app.id },
        { viewer: ADMIN },
      );
      expect(errors).toBeUndefined();
      expect([data!.first.application.tags, data!.second.application.tags]).toEqual([["one"], ["two"]]);
    });

    it("writes nothing, not even a log row, when the input asks for what is already there", async () => {
      const app = await fixture();
      const before = await stored(catalog, app.id);
      const same = await written(catalog, "updateApplication", { id: app.id, name: app.name, tags: ["fixture"] });
      expect(same.updatedAt).toEqual(app.updatedAt);
      expect(await stored(catalog, app.id)).toEqual(before);
    });
  });

  describe("deprecateApplication", () => {
    it("marks the application DEPRECATED with its replacement and sunset day", async () => {
      const app = await fixture();
      const deprecated = await written(
        catalog,
        "deprecateApplication",
        { id: app.id, replacedBy: "pecos-ai", sunsetOn: "2999-12-31" },
        PECOS_MEMBER,
      );
      expect(deprecated).toMatchObject({
        lifecycle: "DEPRECATED",
        replacedBy: { id: "pecos-ai", lifecycle: "ACTIVE" },
        sunsetOn: "2999-12-31",
      });
      const cleared = await written(catalog, "deprecateApplication", { id: app.id, replacedBy: null });
      expect(cleared).toMatchObject({ lifecycle: "DEPRECATED", replacedBy: null, sunsetOn: "2999-12-31" });
    });

    const today = new Date().toISOString().slice(0, 10);
    it.each<[string, (id: string) => Promise<Record<string, unknown>>, string[]]>([
      [
        "an unknown replacement",
        async () => ({ replacedBy: "no-such-app" }),
        ["input.replacedBy:REPLACEMENT_NOT_FOUND"],
      ],
      ["itself as replacement", async (id) => ({ replacedBy: id }), ["input.replacedBy:REPLACEMENT_IS_SELF"]],
      ["a sunset day in the past", async () => ({ sunsetOn: "2000-01-01" }), ["input.sunsetOn:INVALID_DATE"]],
      ["a day that does not exist", async () => ({ sunsetOn: "2999-02-30" }), ["input.sunsetOn:INVALID_DATE"]],
      ["a day in another format", async () => ({ sunsetOn: "31/12/2999" }), ["input.sunsetOn:INVALID_DATE"]],
      [
        "a retired replacement",
        async () => ({ replacedBy: (await retiredFixture()).id }),
        ["input.replacedBy:REPLACEMENT_RETIRED"],
      ],
      [
        "a replacement that is (eventually) replaced by it",
        async (id) => {
          const middle = await fixture();
          const last = await fixture();
          await written(catalog, "deprecateApplication", { id: middle.id, replacedBy: last.id });
          await written(catalog, "deprecateApplication", { id: last.id, replacedBy: id });
          return { replacedBy: middle.id };
        },
        ["input.replacedBy:REPLACEMENT_CYCLE"],
      ],
    ])("refuses %s and writes nothing", async (_case, change, expected) => {
      const app = await fixture();
      const input = { id: app.id, ...(await change(app.id)) };
      const before = await stored(catalog, app.id);
      const { payload, errors } = await write(catalog, "deprecateApplication", input, ADMIN);
      expect(errors).toBeUndefined();
      expect(refusals(payload)).toEqual(expected);
      expect(await stored(catalog, app.id)).toEqual(before);
    });

    it("takes today (UTC) as a sunset day", async () => {
      const app = await fixture();
      expect((await written(catalog, "deprecateApplication", { id: app.id, sunsetOn: today })).sunsetOn).toBe(today);
    });

    it("refuses to deprecate a retired application", async () => {
      const app = await retiredFixture();
      const before = await stored(catalog, app.id);
      const { payload } = await write(catalog, "deprecateApplication", { id: app.id, replacedBy: "aps" }, ADMIN);
      expect(refusals(payload)).toEqual(["input.id:ALREADY_RETIRED"]);
      expect(await stored(catalog, app.id)).toEqual(before);
    });
  });

  describe("retireApplication", () => {
    it("marks the application RETIRED and stamps retired_at; a second time is refused and writes nothing", async () => {
      const app = await fixture();
      const retired = await written(catalog, "retireApplication", { id: app.id }, PECOS_MEMBER);
      expect(retired.lifecycle).toBe("RETIRED");
      const after = await stored(catalog, app.id);
      expect(after.application!.retiredAt).toEqual(after.application!.updatedAt);
      const again = await write(catalog, "retireApplication", { id: app.id }, ADMIN);
      expect(refusals(again.payload)).toEqual(["input.id:ALREADY_RETIRED"]);
      expect(await stored(catalog, app.id)).toEqual(after);
      const listed = await catalog.execute<{ applications: { nodes: { id: string }[] } }>(
        `{ applications(lifecycle: [RETIRED], first: 100) { nodes { id } } }`,
      );
      expect(listed.data!.applications.nodes.map((node) => node.id)).toContain(app.id);
    });
  });

  async function retiredFixture() {
    const app = await fixture();
    return written(catalog, "retireApplication", { id: app.id });
  }
});
