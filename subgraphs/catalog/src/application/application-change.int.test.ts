import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openTestSubgraph,
  testDatabaseKinds,
  type TestDatabaseKind,
  type TestSubgraph,
} from "@portal-graph/subgraph-kit/testing";
import { subgraph } from "../server.js";
import { ApplicationChange } from "./application-change.entity.js";
import {
  ADMIN,
  changesOf,
  PECOS_MEMBER,
  refusals,
  registerFixture,
  stored,
  write,
  written,
} from "./application.test-support.js";

const kinds = await testDatabaseKinds();

/**
 * Makes the database itself refuse change-log rows (those matching `when`), so a write fails after it has
 * already written the application, its links and its tags. Returns the undo.
 */
async function failChangeLogInserts(catalog: TestSubgraph, kind: TestDatabaseKind, when: string) {
  const db = catalog.dataSource;
  if (kind === "postgres") {
    await db.query(`CREATE FUNCTION test_refuse_change() RETURNS trigger LANGUAGE plpgsql
      AS $$ BEGIN RAISE EXCEPTION 'forced failure'; END $$`);
    await db.query(`CREATE TRIGGER test_refuse_change BEFORE INSERT ON application_change
      FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION test_refuse_change()`);
    return async () => {
      await db.query(`DROP TRIGGER test_refuse_change ON application_change`);
      await db.query(`DROP FUNCTION test_refuse_change()`);
    };
  }
  await db.query(`CREATE TRIGGER test_refuse_change BEFORE INSERT ON application_change WHEN ${when}
    BEGIN SELECT RAISE(ABORT, 'forced failure'); END`);
  return async () => void (await db.query(`DROP TRIGGER test_refuse_change`));
}

/**
 * Makes a rival application with acronym LATE appear in the same statement that inserts `late-comer`: the
 * duplicate that a concurrent writer would create between our check and our insert. Returns the undo.
 */
async function rivalOnInsert(catalog: TestSubgraph, kind: TestDatabaseKind) {
  const db = catalog.dataSource;
  const rival = `INSERT INTO application (id, acronym, name, former_names, lifecycle, sort_name, search_text)
    VALUES ('rival', 'LATE', 'Rival', '[]', 'ACTIVE', 'rival', 'rival')`;
  if (kind === "postgres") {
    await db.query(`CREATE FUNCTION test_rival() RETURNS trigger LANGUAGE plpgsql
      AS $$ BEGIN IF NEW.id = 'late-comer' THEN ${rival}; END IF; RETURN NEW; END $$`);
    await db.query(`CREATE TRIGGER test_rival BEFORE INSERT ON application FOR EACH ROW EXECUTE FUNCTION test_rival()`);
    return async () => {
      await db.query(`DROP TRIGGER test_rival ON application`);
      await db.query(`DROP FUNCTION test_rival()`);
    };
  }
  await db.query(`CREATE TRIGGER test_rival BEFORE INSERT ON application WHEN NEW.id = 'late-comer'
    BEGIN ${rival}; END`);
  return async () => void (await db.query(`DROP TRIGGER test_rival`));
}

describe.each(kinds)("the catalog's change log on %s", (kind) => {
  let catalog: TestSubgraph;
  let fixtures = 0;
  const fixture = () => registerFixture(catalog, `log-${++fixtures}`);

  beforeAll(async () => {
    catalog = await openTestSubgraph(subgraph, kind);
  });
  afterAll(async () => {
    await catalog?.close();
  });

  it("records who did what and when for every write, with the changed fields only", async () => {
    const app = await fixture();
    const updated = await written(
      catalog,
      "updateApplication",
      { id: app.id, name: app.name, description: "New." },
      PECOS_MEMBER,
    );
    const deprecated = await written(catalog, "deprecateApplication", { id: app.id, replacedBy: "aps" }, PECOS_MEMBER);
    const retired = await written(catalog, "retireApplication", { id: app.id });
    const log = await changesOf(catalog, app.id);
    expect(log.map((row) => [row.action, row.actor])).toEqual([
      ["REGISTER", "carol"],
      ["UPDATE", "pat"],
      ["DEPRECATE", "pat"],
      ["RETIRE", "carol"],
    ]);
    expect(log[0]!.changes).toEqual({
      name: { from: null, to: app.name },
      acronym: { from: null, to: app.acronym },
      description: { from: null, to: "A test application." },
      ownerGroup: { from: null, to: "pecos-team" },
      tags: { from: null, to: ["fixture"] },
      links: { from: null, to: [{ kind: "HOME", title: "Home", url: `https://example.org/${app.id}` }] },
      lifecycle: { from: null, to: "ACTIVE" },
    });
    expect(log[1]!.changes).toEqual({ description: { from: "A test application.", to: "New." } });
    expect(log[2]!.changes).toEqual({
      lifecycle: { from: "ACTIVE", to: "DEPRECATED" },
      replacedBy: { from: null, to: "aps" },
    });
    const retiredAt = (await stored(catalog, app.id)).application!.retiredAt!;
    expect(log[3]!.changes).toEqual({
      lifecycle: { from: "DEPRECATED", to: "RETIRED" },
      retiredAt: { from: null, to: retiredAt.toISOString() },
    });
    // when: the same instant the application's updatedAt took
    expect(log.map((row) => row.at)).toEqual([app, updated, deprecated, retired].map((view) => view.updatedAt));
    // the request each write came in on
    expect(log.every((row) => /^test-\d+$/.test(row.requestId ?? ""))).toBe(true);
    expect(new Set(log.map((row) => row.requestId)).size).toBe(4);
    // ids and application fields only: nothing about the people
    const text = JSON.stringify(log);
    for (const personal of [ADMIN.email!, ADMIN.displayName!, PECOS_MEMBER.email!]) {
      expect(text).not.toContain(personal);
    }
  });

  it("refuses UPDATE and DELETE of its rows, even in raw SQL", async () => {
    await fixture();
    const repository = catalog.dataSource.getRepository(ApplicationChange);
    const before = await repository.find({ order: { id: "ASC" } });
    expect(before.length).toBeGreaterThan(0);
    await expect(catalog.dataSource.query(`UPDATE application_change SET actor = 'mallory'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(catalog.dataSource.query(`DELETE FROM application_change`)).rejects.toThrow(/append-only/);
    if (kind === "postgres") {
      await expect(catalog.dataSource.query(`TRUNCATE application_change`)).rejects.toThrow(/append-only/);
    }
    expect(await repository.find({ order: { id: "ASC" } })).toEqual(before);
  });

  it("rolls a write back whole when it fails after its first statement", async () => {
    const app = await fixture();
    const before = await stored(catalog, app.id);
    const undo = await failChangeLogInserts(catalog, kind, "1 = 1");
    const attempts = [
      { name: "updateApplication", input: { id: app.id, name: "Half Written", tags: ["half"], links: [] } },
      { name: "deprecateApplication", input: { id: app.id, replacedBy: "aps", sunsetOn: "2999-01-01" } },
      { name: "retireApplication", input: { id: app.id } },
    ] as const;
    try {
      for (const { name, input } of attempts) {
        const { payload, errors } = await write(catalog, name, input, ADMIN);
        expect(payload).toBeNull();
        expect(errors?.[0]?.extensions?.code).toBe("INTERNAL");
        expect(await stored(catalog, app.id)).toEqual(before);
      }
      const registration = await write(
        catalog,
        "registerApplication",
        { id: "half-new", name: "Half New", tags: ["half"] },
        ADMIN,
      );
      expect(registration.errors?.[0]?.extensions?.code).toBe("INTERNAL");
      expect(await stored(catalog, "half-new")).toEqual({ ...(await stored(catalog, "no-such-app")) });
      expect((await stored(catalog, "half-new")).applications).toBe(before.applications);
    } finally {
      await undo();
    }
    // The same write goes through once the log takes rows again: it was the log that failed, not the input.
    const updated = await written(catalog, "updateApplication", attempts[0].input);
    expect(updated).toMatchObject({ name: "Half Written", tags: ["half"], links: [] });
  });

  it("turns a duplicate acronym that only the insert discovers into ACRONYM_TAKEN, and writes nothing", async () => {
    const before = await stored(catalog, "late-comer");
    const undo = await rivalOnInsert(catalog, kind);
    try {
      const { payload, errors } = await write(
        catalog,
        "registerApplication",
        { id: "late-comer", name: "Late Comer", acronym: "late", tags: ["late"] },
        ADMIN,
      );
      expect(errors).toBeUndefined();
      expect(refusals(payload)).toEqual(["input.acronym:ACRONYM_TAKEN"]);
    } finally {
      await undo();
    }
    expect(await stored(catalog, "late-comer")).toEqual(before);
    expect((await stored(catalog, "rival")).application).toBeNull();
  });

  it("keeps concurrent writes apart: one failing neither undoes nor commits part of another", async () => {
    const app = await fixture();
    const undo = await failChangeLogInserts(catalog, kind, "NEW.action = 'REGISTER'");
    let results;
    try {
      results = await Promise.all([
        write(catalog, "registerApplication", { id: "doomed", name: "Doomed", tags: ["doomed"] }, ADMIN),
        write(catalog, "updateApplication", { id: app.id, name: "Survivor", tags: ["survivor"] }, ADMIN),
        write(catalog, "registerApplication", { id: "doomed-too", name: "Doomed Too", tags: ["doomed"] }, ADMIN),
      ]);
    } finally {
      await undo();
    }
    expect(results.map((result) => result.errors?.[0]?.extensions?.code ?? "OK")).toEqual([
      "INTERNAL",
      "OK",
      "INTERNAL",
    ]);
    for (const id of ["doomed", "doomed-too"]) {
      const gone = await stored(catalog, id);
      expect([gone.application, gone.links, gone.tags]).toEqual([null, [], []]);
    }
    const survivor = await stored(catalog, app.id);
    expect(survivor.application!.name).toBe("Survivor");
    expect(survivor.tags.map((row) => row.tag)).toEqual(["survivor"]);
    expect((await changesOf(catalog, app.id)).map((row) => row.action)).toEqual(["REGISTER", "UPDATE"]);
  });

  it.each([
    ["acronym", { id: "twin-a", acronym: "TWIN" }, { id: "twin-b", acronym: "twin" }, "input.acronym:ACRONYM_TAKEN"],
    ["id", { id: "twin-c", acronym: "TWINC" }, { id: "twin-c", acronym: "TWIND" }, "input.id:ID_TAKEN"],
  ])("lets exactly one of two concurrent registrations of one %s through", async (_what, first, second, refusal) => {
    const before = await stored(catalog, first.id);
    const results = await Promise.all(
      [first, second].map((input) => write(catalog, "registerApplication", { ...input, name: "Twin" }, ADMIN)),
    );
    expect(results.map((result) => result.errors)).toEqual([undefined, undefined]);
    const outcomes = results.map(({ payload }) => (payload!.application ? "written" : refusals(payload).join()));
    expect(outcomes.sort()).toEqual([refusal, "written"].sort());
    const after = await stored(catalog, first.id);
    expect(after.applications).toBe(before.applications + 1);
    expect(after.changes).toBe(before.changes + 1);
  });
});
