/**
 * The example portal UI in a real browser (Debian's Chromium driven by playwright-core) against the real stack: the
 * UI server, the gateway, every subgraph and the development issuer, on free ports. Anonymous, alice and bob walk the
 * portal; every page is checked with axe-core, every request the page makes must stay on this machine, and each page
 * is saved as a screenshot under test-results/portal-ui/.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root, startTestStack, type TestStack } from "../harness.js";

const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
const required = process.env.CI === "true";
const SCREENSHOTS = path.join(root, "test-results", "portal-ui");
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const RULES_OF_BEHAVIOR = "Rules of Behavior for Use of HHS Information Resources";
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
/** The UI's trusted documents: the only operations the gateway accepts in this file (TRUSTED_DOCUMENTS_ONLY). */
const MANIFEST = JSON.parse(
  readFileSync(path.join(root, "portal-ui", "src", "graphql", "generated", "persisted-documents.json"), "utf8"),
) as Record<string, string>;

const title =
  available || required
    ? "the example portal UI in Chromium"
    : `the example portal UI in Chromium (skipped: ${CHROMIUM} is missing; apt-get install chromium, or CI=true to require it)`;

describe.skipIf(!available && !required)(title, { timeout: 120_000 }, () => {
  let stack: TestStack;
  let browser: Browser;
  /** Every URL any page asked for, across every context. */
  const requested: string[] = [];
  /** Bodies of the requests sent to the gateway. */
  const graphqlBodies: Record<string, unknown>[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // As a production gateway for our own clients runs: trusted documents only (the stack hands over the UI's manifest).
    stack = await startTestStack({ TRUSTED_DOCUMENTS_ONLY: "true" }, { portalUiPort: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
    // The UI's CSP allows its own scripts only: bypass it so axe-core can be injected.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    page.on("request", (request) => {
      requested.push(request.url());
      if (
        request.url() === new URL(stack.gatewayUrl.replace("127.0.0.1", "localhost")).toString() &&
        request.method() === "POST"
      )
        graphqlBodies.push(JSON.parse(request.postData() ?? "{}") as Record<string, unknown>);
    });
    return { context, page };
  }

  /** Runs axe-core on the page (WCAG 2.1 A and AA) and saves a screenshot; fails on serious or critical violations. */
  async function check(page: Page, name: string): Promise<void> {
    await page.addScriptTag({ path: AXE });
    // Runs in the page (a string: this file is typed for Node, not the DOM).
    const violations = (await page.evaluate(`axe
      .run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] })
      .then((results) => results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        targets: violation.nodes.map((node) => node.target.join(" ")),
      })))`)) as { id: string; impact: string; targets: string[] }[];
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
    expect(
      violations.filter((violation) => ["serious", "critical"].includes(violation.impact)),
      name,
    ).toEqual([]);
  }

  /** Presses Tab until the element has the focus (keyboard only), then returns. */
  async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
    const handle = await target.elementHandle();
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(
        (element) =>
          (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement === element,
        handle,
      );
      if (focused) return;
    }
    throw new Error(`Tab never reached ${target.toString()}`);
  }

  /** Signs in through the issuer's page as the user, with the keyboard alone, and accepts the warning banner. */
  async function signInWithKeyboard(page: Page, user: string, name: string): Promise<void> {
    await tabTo(page, page.getByRole("button", { name: "Sign in" }).first());
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname.endsWith("/authorize"));
    await check(page, `issuer-sign-in`);
    const radio = page.getByRole("radio", { name: new RegExp(`\\(${user}\\)`) });
    await tabTo(page, page.getByRole("radio").first());
    // Arrow keys move the choice within the radio group, as a keyboard user does.
    while (!(await radio.isChecked())) await page.keyboard.press("ArrowDown");
    await tabTo(page, page.getByRole("button", { name: "Sign in" }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: /Warning Banner/ }).waitFor();
    await check(page, `${user}-warning-banner`);
    await tabTo(page, page.getByRole("button", { name: "Accept" }));
    await page.keyboard.press("Enter");
    await page.getByText(`Signed in as ${name}`).waitFor();
  }

  it("anonymous: the catalog lists the seed's applications with readiness, pages by cursor and searches", async () => {
    const { context, page } = await newPage();
    await page.goto(stack.portalUi!.url);
    await page.getByRole("heading", { name: "Applications", level: 1 }).waitFor();
    const cards = page.getByRole("list", { name: "Applications" }).locator(":scope > li");
    await expect.poll(() => cards.count()).toBeGreaterThanOrEqual(10);
    const firstPage = await cards.locator("h2").allTextContents();
    await expect(page.locator(".result-count").textContent()).resolves.toMatch(/^23 applications; page 1\./);
    // Anonymous readiness: sign in first, next to each launch button.
    expect(await cards.first().locator('[data-kind="SIGN_IN_REQUIRED"]').count()).toBe(1);
    await check(page, "catalog-anonymous");

    await page.getByRole("button", { name: "Next page" }).click();
    await page.getByText("page 2.").waitFor();
    await expect.poll(() => cards.locator("h2").first().textContent()).not.toBe(firstPage[0]);
    const secondPage = await cards.locator("h2").allTextContents();
    expect(secondPage.some((name) => firstPage.includes(name))).toBe(false);
    await page.getByRole("button", { name: "Previous page" }).click();
    await page.getByText("page 1.").waitFor();
    await expect.poll(() => cards.locator("h2").allTextContents()).toEqual(firstPage);

    await page.getByLabel("Search applications").fill("hpg");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByText("1 application match “hpg”").waitFor();
    await expect(cards.locator("h2").allTextContents()).resolves.toEqual([expect.stringContaining("HDT")]);

    await page.getByLabel("Search applications").fill("no such application anywhere");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByText("No applications match").waitFor();
    await check(page, "catalog-empty");
    await context.close();
  });

  it("anonymous: an error shows its request id", async () => {
    const { context, page } = await newPage();
    // Subgraphs refuse a search longer than 10,000 characters: an error of the whole query, not of a part.
    await page.goto(`${stack.portalUi!.url}/?q=${"x".repeat(10_001)}`);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    const id = await alert.locator(".request-id").textContent();
    expect(id).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
    await check(page, "catalog-error");
    await context.close();
  });

  it("alice signs in with PKCE, accepts the banner, sees her blockers, acknowledges the rules and requests a role", async () => {
    const { context, page } = await newPage();
    await page.goto(stack.portalUi!.url);
    await page.getByRole("heading", { name: "Applications", level: 1 }).waitFor();
    await signInWithKeyboard(page, "alice", "Alice Archer");

    await page.getByLabel("Search applications").fill("pecos");
    await page.getByRole("button", { name: "Search" }).click();
    const card = (name: string) => page.locator(".card").filter({ has: page.getByRole("link", { name }) });
    await card("PECOS AI").locator('[data-kind="ROLE_REQUIRED"]').waitFor();
    for (const name of ["PECOS AI", "PECOS DM"]) {
      await expect(card(name).locator('[data-kind="ACKNOWLEDGEMENT_REQUIRED"]').count()).resolves.toBeGreaterThan(0);
      await expect(card(name).locator('[data-kind="ROLE_REQUIRED"]').count()).resolves.toBe(1);
    }
    await check(page, "alice-catalog");

    await page
      .getByRole("region", { name: "Policies to acknowledge" })
      .getByRole("link", { name: RULES_OF_BEHAVIOR })
      .click();
    await page.getByRole("heading", { name: RULES_OF_BEHAVIOR, level: 1 }).waitFor();
    await check(page, "alice-rules-of-behavior");
    await page.getByRole("button", { name: /I have read and acknowledge/ }).click();
    await page.getByText(`You acknowledged ${RULES_OF_BEHAVIOR}`).waitFor();

    await page.goto(`${stack.portalUi!.url}/applications/pecos-ai`);
    await page.getByRole("heading", { name: /PECOS AI/, level: 1 }).waitFor();
    await page.getByRole("heading", { name: "Help desks" }).waitFor();
    await expect(page.locator(".help-desk").count()).resolves.toBeGreaterThan(0);
    await expect(page.locator(".help-desk .contact-kind").first().textContent()).resolves.toMatch(
      /Phone|TTY|Email|Web/,
    );
    await page.locator('[data-kind="ROLE_REQUIRED"]').waitFor();
    await check(page, "alice-application");
    await page.getByLabel("Role").selectOption("pecos-ai-viewer");
    await page.getByLabel(/Business justification/).fill("I review enrollments for my MAC.");
    await page.getByRole("button", { name: "Request access" }).click();
    await page.getByText("Your request for").waitFor();
    await page.locator('[data-kind="REQUEST_PENDING"]').waitFor();
    await check(page, "alice-requested");
    await context.close();

    // The portal recorded the sign-in once, and sent persisted documents: an id with every request, never the text.
    const recordSignIn = graphqlBodies.filter((body) =>
      (MANIFEST[String(body.documentId)] ?? "").startsWith("mutation RecordSignIn"),
    );
    expect(recordSignIn).toHaveLength(1);
    for (const body of graphqlBodies) {
      expect(body.documentId).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(body.query).toBeUndefined();
      expect((body.extensions as { persistedQuery: { sha256Hash: string } }).persistedQuery.sha256Hash).toBe(
        String(body.documentId).slice("sha256:".length),
      );
    }
  });

  it("bob approves alice's request and denies another with a comment, by keyboard", async () => {
    // A second request of alice's, for bob to deny: through the UI's own operation, the only kind this gateway runs.
    const token = await stack.token("alice");
    const requestAccess = Object.values(MANIFEST).find((text) => text.startsWith("mutation RequestAccess"))!;
    const denied = await stack.graphql(
      requestAccess,
      { input: { roleId: "pecos-dm-viewer", justification: "Second request, to be denied." } },
      { authorization: `Bearer ${token}` },
    );
    expect(denied.body.errors).toBeUndefined();

    const { context, page } = await newPage();
    await page.goto(stack.portalUi!.url);
    await page.getByRole("heading", { name: "Applications", level: 1 }).waitFor();
    await signInWithKeyboard(page, "bob", "Bob Brennan");
    await tabTo(page, page.getByRole("link", { name: "Approvals" }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Approvals", level: 1 }).waitFor();
    const requests = page.getByRole("list", { name: "Requests waiting for a decision" }).locator(":scope > li");
    await expect.poll(() => requests.filter({ hasText: "Alice Archer" }).count()).toBe(2);
    await check(page, "bob-approvals");

    const viewer = requests.filter({ hasText: "Alice Archer" }).filter({ hasText: "PECOS AI" });
    await tabTo(page, viewer.getByRole("button", { name: "Approve" }));
    await page.keyboard.press("Enter");
    await page.getByText("Approved: Alice Archer's request").waitFor();

    const other = requests.filter({ hasText: "Alice Archer" }).filter({ hasText: "PECOS DM" });
    await other.getByRole("button", { name: "Deny" }).click();
    await other.getByText("Enter a comment to deny a request.").waitFor();
    await other.getByLabel(/Comment/).fill("Not needed for this contract.");
    await other.getByRole("button", { name: "Deny" }).click();
    await page.getByText("Denied: Alice Archer's request").waitFor();
    await expect.poll(() => requests.filter({ hasText: "Alice Archer" }).count()).toBe(0);
    await check(page, "bob-approvals-decided");
    await context.close();

    // Alice's readiness for PECOS AI no longer asks for a role or waits for one: the approval made her grant.
    const applicationPage = Object.values(MANIFEST).find((text) => text.includes("query ApplicationPage("))!;
    const answer = await stack.graphql<{
      application: { viewerReadiness: { blockers: { kind: string }[] } };
    }>(applicationPage, { id: "pecos-ai" }, { authorization: `Bearer ${token}` });
    const kinds = answer.body.data!.application.viewerReadiness.blockers.map((blocker) => blocker.kind);
    expect(kinds).not.toContain("ROLE_REQUIRED");
    expect(kinds).not.toContain("REQUEST_PENDING");
  });

  it("with help-desks stopped, its parts are greyed with a message and the rest works", async () => {
    await stack.stopSubgraph("help-desks");
    try {
      const { context, page } = await newPage();
      await page.goto(stack.portalUi!.url);
      await page.getByText(/help-desks did not answer/).waitFor();
      const cards = page.getByRole("list", { name: "Applications" }).locator(":scope > li");
      await expect(cards.count()).resolves.toBeGreaterThanOrEqual(10);
      await expect(cards.first().locator('[data-kind="SIGN_IN_REQUIRED"]').count()).resolves.toBe(1);
      await expect(cards.first().locator(".unavailable").textContent()).resolves.toContain(
        "Help desk information unavailable",
      );
      await check(page, "catalog-help-desks-down");

      await page.goto(`${stack.portalUi!.url}/applications/pecos-ai`);
      await page.getByRole("heading", { name: /PECOS AI/, level: 1 }).waitFor();
      await page.getByText("Help desks unavailable right now.").waitFor();
      await expect(page.locator(".description").count()).resolves.toBeGreaterThan(0);
      await check(page, "application-help-desks-down");
      await context.close();
    } finally {
      await stack.restartSubgraph("help-desks");
    }
  });

  it("the gateway serving it refuses any other operation (trusted documents only)", async () => {
    const { status, body } = await stack.graphql("{ applications(first: 1) { nodes { id } } }");
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");
  });

  it("no request left this machine", () => {
    expect(requested.length).toBeGreaterThan(0);
    const external = requested.filter((url) => {
      if (url.startsWith("data:")) return false;
      return !LOCAL_HOSTS.has(new URL(url).hostname);
    });
    expect(external).toEqual([]);
  });
});
