import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root, startTestStack, type TestStack } from "../harness.js";

// Golden operations: each schema/operations/<case>.graphql runs through the real gateway and must answer
// exactly <case>.json. UPDATE_GOLDEN=1 rewrites the expected files (review the diff before committing). A line
// `# viewer: <user>` runs it signed in as that development user; otherwise it runs anonymously.
const dir = path.join(root, "schema", "operations");
const cases = readdirSync(dir)
  .filter((file) => file.endsWith(".graphql"))
  .map((file) => file.replace(/\.graphql$/, ""));

describe("golden operations through the gateway", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("has golden operations to run", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)("%s", async (name) => {
    const query = readFileSync(path.join(dir, `${name}.graphql`), "utf8");
    const viewer = /^# viewer: (\w+)$/m.exec(query)?.[1];
    const headers: Record<string, string> = viewer ? { authorization: `Bearer ${await stack.token(viewer)}` } : {};
    const { status, body } = await stack.graphql(query, {}, headers);
    const expectedFile = path.join(dir, `${name}.json`);
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(expectedFile, JSON.stringify(body, null, 2) + "\n");
    expect(status).toBe(200);
    expect(body).toEqual(JSON.parse(readFileSync(expectedFile, "utf8")));
  });
});
