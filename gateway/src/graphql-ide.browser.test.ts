/**
 * The IDE in a real browser: Debian's Chromium driven by playwright-core (no browser is downloaded). It opens the
 * gateway's /graphql, runs a query and sees its result, and every request the page makes stays on the gateway's
 * origin. A screenshot goes to test-results/ (git-ignored). Without /usr/bin/chromium the test is skipped, saying so,
 * unless CI=true, where .ci/run installs it and the test must run.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createLogger } from "@portal-graph/http-kit";
import { findRepoRoot } from "@portal-graph/subgraph-kit/workspace";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGatewayConfig } from "./config.js";
import { createGateway, type Gateway } from "./server.js";
import { composeSupergraph, startSubgraph, thingsSubgraph, type RunningSubgraph } from "./testing/subgraphs.js";

const CHROMIUM = "/usr/bin/chromium";
const present = existsSync(CHROMIUM);
if (!present && process.env.CI === "true")
  throw new Error(`${CHROMIUM} is required when CI=true (apt-get install chromium)`);
const title = present
  ? "runs a query in GraphiQL, and the page asks nothing of any other origin"
  : `skipped: ${CHROMIUM} is missing (apt-get install chromium)`;

describe("the GraphQL IDE in Chromium", () => {
  let dir: string;
  let things: RunningSubgraph;
  let gateway: Gateway;
  let origin: string;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!present) return;
    dir = mkdtempSync(path.join(os.tmpdir(), "gateway-ide-browser-"));
    things = await startSubgraph(thingsSubgraph());
    const supergraphPath = path.join(dir, "supergraph.graphql");
    writeFileSync(supergraphPath, composeSupergraph([{ fixture: thingsSubgraph(), url: things.url }]));
    const config = loadGatewayConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      SUPERGRAPH_PATH: supergraphPath,
      GRAPHQL_IDE: "true",
    });
    gateway = createGateway(config, { logger: createLogger("gateway", { level: "silent" }), proofKey: null });
    origin = `http://127.0.0.1:${await gateway.start()}`;
    // chromiumSandbox stays at its default (off): Chromium refuses its sandbox to root.
    browser = await chromium.launch({ executablePath: CHROMIUM });
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await things?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!present)(title, { timeout: 120_000 }, async () => {
    const page = await browser!.newPage();
    const requested: string[] = [];
    const refused: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    page.on("console", (message) => {
      if (/Content.Security.Policy/i.test(message.text())) refused.push(message.text());
    });

    await page.goto(`${origin}/graphql`);
    const editor = page.locator(".graphiql-query-editor .view-lines").first();
    await editor.waitFor({ timeout: 60_000 });
    await editor.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Delete");
    // The editor closes brackets and quotes itself.
    await page.keyboard.type('query Bellows { thing(id: "t2") { name', { delay: 5 });
    // GraphiQL names the tab after the operation once it has read the new text: only then is it the one to run.
    await page.locator(".graphiql-tab", { hasText: "Bellows" }).waitFor({ timeout: 30_000 });
    // The editor's completion list may cover the button: close it first, as a user would.
    await page.keyboard.press("Escape");
    await page.locator(".graphiql-execute-button").click();
    // The response pane shows the JSON with non-breaking spaces: compare it with its spaces made plain.
    const response = async () => (await page.locator(".graphiql-response").innerText()).replace(/\s+/g, " ");
    await expect.poll(response, { timeout: 30_000 }).toContain('{ "data": { "thing": { "name": "Bellows" } } }');

    const results = path.join(findRepoRoot(), "test-results");
    mkdirSync(results, { recursive: true });
    await page.screenshot({ path: path.join(results, "graphql-ide.png"), fullPage: true });

    const elsewhere = requested.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
    expect(elsewhere).toEqual([]);
    expect(requested.filter((url) => url.startsWith(`${origin}/graphql`)).length).toBeGreaterThan(1);
    expect(refused).toEqual([]);
  });
});
