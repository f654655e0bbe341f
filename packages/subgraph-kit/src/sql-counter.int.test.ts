import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "@portal-graph/http-kit";
import { openDatabase } from "./database.js";
import { currentRequest, runInRequestScope } from "./request-scope.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "kit-sqlite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the SQLite data source", () => {
  it("creates the file, runs in WAL mode with foreign keys and a busy timeout, and counts statements per request", async () => {
    const file = path.join(dir, "nested", "kit.sqlite");
    const dataSource = await openDatabase({
      target: { kind: "sqlite", path: file },
      entities: [],
      migrations: [],
      logger: createLogger("kit"),
    });
    try {
      const [journal] = await dataSource.query("PRAGMA journal_mode");
      const [keys] = await dataSource.query("PRAGMA foreign_keys");
      const [timeout] = await dataSource.query("PRAGMA busy_timeout");
      expect(journal.journal_mode).toBe("wal");
      expect(keys.foreign_keys).toBe(1);
      expect(timeout.timeout).toBeGreaterThanOrEqual(5000);

      const counted = await runInRequestScope("r1", async () => {
        await dataSource.query("SELECT 1");
        await Promise.all([dataSource.query("SELECT 2"), dataSource.query("SELECT 3")]);
        return currentRequest()!.sqlStatements;
      });
      expect(counted).toBe(3);
      const other = await runInRequestScope("r2", async () => currentRequest()!.sqlStatements);
      expect(other).toBe(0);
    } finally {
      await dataSource.destroy();
    }
  });
});
