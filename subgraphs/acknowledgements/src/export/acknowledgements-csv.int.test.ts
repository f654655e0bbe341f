import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TokenRejectedError, type TokenVerifier } from "@portal-graph/auth";
import { devViewer } from "@portal-graph/auth/dev-issuer";
import { viewerOf } from "@portal-graph/subgraph-kit";
import {
  openTestSubgraph,
  testDatabaseKinds,
  type TestSubgraph,
  currentRequest,
  runInRequestScope,
} from "@portal-graph/subgraph-kit/testing";
import { addDays, setClock } from "../clock.js";
import { validUntilOf } from "../compliance/status.js";
import { AcknowledgementMethod, RenewalKind } from "../policy/policy.types.js";
import { POLICY_IDS } from "../seed/policies.js";
import { subgraph } from "../server.js";
import { bulkInsert, TEST_NOW } from "../test-support.js";
import {
  ACKNOWLEDGEMENTS_CSV_PATH,
  createAcknowledgementsCsvRoute,
  CSV_COLUMNS,
  exportAcknowledgementsCsv,
} from "./acknowledgements-csv.js";

const kinds = await testDatabaseKinds();
const ROB = POLICY_IDS.rulesOfBehavior;
const SYNTHETIC = 2500;
// Each synthetic user's rules acknowledgement: days ago (null: none, only a banner one) and the status it gives.
const AGES: [number | null, string][] = [
  [10, "CURRENT"],
  [340, "DUE_SOON"],
  [400, "EXPIRED"],
  [null, "NEVER_ACKNOWLEDGED"],
];
const SEEDED = {
  alice: "NEVER_ACKNOWLEDGED",
  bob: "CURRENT",
  carol: "DUE_SOON",
  dana: "EXPIRED",
  erin: "NEW_VERSION",
  frank: "CURRENT",
};
const userId = (i: number) => `csv-${String(i).padStart(5, "0")}`;

/** A writable that keeps what it gets; `slow` acknowledges each chunk a tick later and records its buffer's peak. */
function collector({ slow = false, highWaterMark = 16_384 } = {}) {
  const chunks: string[] = [];
  const stats = { peakBuffered: 0 };
  const out = new Writable({
    highWaterMark,
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      stats.peakBuffered = Math.max(stats.peakBuffered, this.writableLength);
      if (slow) setImmediate(done);
      else done();
    },
  });
  return { out, stats, text: () => chunks.join(""), lines: () => chunks.join("").split("\r\n").filter(Boolean) };
}

const verifier: TokenVerifier = {
  viewerFrom: async (authorization) => {
    if (!authorization) return null;
    const user = authorization.replace(/^Bearer /, "");
    if (user === "forged") throw new TokenRejectedError("invalid");
    return devViewer(user);
  },
};

describe.each(kinds)("CSV export on %s", (kind) => {
  let acks: TestSubgraph;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    setClock(() => TEST_NOW);
    acks = await openTestSubgraph(subgraph, kind);
    await bulkInsert(
      acks.dataSource,
      Array.from({ length: SYNTHETIC }, (_, i) => {
        const [daysAgo] = AGES[i % AGES.length]!;
        const acknowledgedAt = addDays(TEST_NOW, -(daysAgo ?? 1));
        const rules = daysAgo !== null;
        return {
          userId: userId(i),
          policyId: rules ? ROB : POLICY_IDS.banner,
          policyVersionId: rules ? `${ROB}-v2` : `${POLICY_IDS.banner}-v1`,
          acknowledgedAt,
          method: AcknowledgementMethod.ELECTRONIC,
          validUntil: rules
            ? validUntilOf({ renewalKind: RenewalKind.PERIOD, renewalDays: 365 }, acknowledgedAt)
            : null,
          applicationId: null,
          requestId: null,
        };
      }),
    );
    const route = createAcknowledgementsCsvRoute(acks.dataSource, (authorization) => viewerOf(verifier, authorization));
    server = createServer(
      (req, res) =>
        void route(req, res, { requestId: "test", headers: req.headers, signal: new AbortController().signal }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${ACKNOWLEDGEMENTS_CSV_PATH}`;
  });
  afterAll(async () => {
    setClock(null);
    await new Promise((resolve) => server?.close(resolve));
    await acks?.close();
  });

  it("streams one line per seen user in user-id order, in batches of one statement each", async () => {
    const { out, lines } = collector();
    const { rows, statements } = await runInRequestScope("export", async () => {
      const result = await exportAcknowledgementsCsv(acks.dataSource, { policyId: ROB }, out, { batchSize: 100 });
      return { ...result, statements: currentRequest()!.sqlStatements };
    });
    const total = SYNTHETIC + Object.keys(SEEDED).length;
    expect(rows).toBe(total);
    const [header, ...body] = lines();
    expect(header).toBe(CSV_COLUMNS.join(","));
    expect(body).toHaveLength(total);
    const records = body.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [CSV_COLUMNS[i]!, cell])));
    const ids = records.map((record) => record.user_id!);
    expect(ids).toEqual([...ids].sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1)));
    const expected = new Map<string, string>(Object.entries(SEEDED));
    for (let i = 0; i < SYNTHETIC; i += 1) expected.set(userId(i), AGES[i % AGES.length]![1]);
    expect(new Map(records.map((record) => [record.user_id!, record.status!]))).toEqual(expected);
    expect(records.find((record) => record.user_id === "dana")).toMatchObject({
      policy_id: ROB,
      policy_kind: "RULES_OF_BEHAVIOR",
      current_version_id: `${ROB}-v2`,
      acknowledged_version_id: `${ROB}-v2`,
      method: "ELECTRONIC",
      due_by: "2026-04-27",
    });
    // The catalog (2 statements), then one statement per batch of 100 users: never all rows at once.
    expect(statements).toBe(2 + Math.ceil(total / 100));
  });

  it("keeps only the statuses asked for", async () => {
    const { out, lines } = collector();
    const { rows } = await exportAcknowledgementsCsv(
      acks.dataSource,
      { policyId: ROB, statuses: ["EXPIRED" as never] },
      out,
      {
        batchSize: 250,
      },
    );
    expect(rows).toBe(SYNTHETIC / AGES.length + 1);
    expect(
      lines()
        .slice(1)
        .every((line) => line.split(",")[4] === "EXPIRED"),
    ).toBe(true);
  });

  it("waits for a slow reader instead of buffering rows", async () => {
    const { out, stats, lines } = collector({ slow: true, highWaterMark: 512 });
    await exportAcknowledgementsCsv(acks.dataSource, { policyId: ROB }, out, { batchSize: 100 });
    out.end();
    await finished(out);
    expect(lines()).toHaveLength(SYNTHETIC + Object.keys(SEEDED).length + 1);
    // At most the high-water mark plus the one line that crossed it.
    const longest = Math.max(...lines().map((line) => line.length + 2));
    expect(stats.peakBuffered).toBeLessThanOrEqual(512 + longest);
  });

  it("stops when the reader goes away", async () => {
    const { out } = collector({ slow: true, highWaterMark: 256 });
    setImmediate(() => out.destroy());
    await expect(
      exportAcknowledgementsCsv(acks.dataSource, { policyId: ROB }, out, { batchSize: 100 }),
    ).rejects.toThrow("stream closed");
  });

  it("serves the same lines over HTTP to an auditor", async () => {
    const response = await fetch(`${base}?policyId=${ROB}&status=EXPIRED,DUE_SOON`, {
      headers: { authorization: "Bearer frank" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="acknowledgements-${ROB}-2026-06-01.csv"`,
    );
    const { out, text } = collector();
    await exportAcknowledgementsCsv(
      acks.dataSource,
      { policyId: ROB, statuses: ["EXPIRED", "DUE_SOON"] as never },
      out,
    );
    expect(await response.text()).toBe(text());
  });

  it.each([
    ["no token", 401, "UNAUTHENTICATED", undefined, `?policyId=${ROB}`],
    ["a refused token", 401, "UNAUTHENTICATED", "forged", `?policyId=${ROB}`],
    ["a non-auditor", 403, "FORBIDDEN", "alice", `?policyId=${ROB}`],
    ["a policy admin", 403, "FORBIDDEN", "erin", `?policyId=${ROB}`],
    ["no policy", 400, "BAD_USER_INPUT", "frank", ""],
    ["an unknown status", 400, "BAD_USER_INPUT", "frank", `?policyId=${ROB}&status=LATE`],
    ["an unknown policy", 404, "NOT_FOUND", "frank", "?policyId=nope"],
    ["a notice", 400, "BAD_USER_INPUT", "frank", `?policyId=${POLICY_IDS.paperworkReduction}`],
  ])("answers %s with %i %s and no CSV", async (_case, status, code, user, query) => {
    const response = await fetch(`${base}${query}`, { headers: user ? { authorization: `Bearer ${user}` } : {} });
    expect(response.status).toBe(status);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe(code);
  });
});
