import fs from "node:fs/promises";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type FixtureUser, type ReviewFixture, startReviewFixture } from "../review-fixture.ts";

export const artifactsDir = path.resolve("tests/review-ui/e2e/artifacts");

/** Debian's chromium, as the CI image has it; playwright-core brings no browser of its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox"],
  });
}

export interface UserPage {
  page: Page;
  /** Uncaught errors and Content-Security-Policy refusals seen on the page so far. */
  problems: string[];
}

/**
 * A fresh browser context (own cookies) logged in through the login form with the keyboard,
 * at 1366×768, the smallest screen the review UI is made for.
 */
export async function logIn(
  browser: Browser,
  baseUrl: string,
  user: FixtureUser,
  hash = "",
): Promise<UserPage> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  // Fail fast: every step of these screens answers in well under a second.
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) problems.push(message.text());
  });
  await page.goto(`${baseUrl}/${hash}`);
  await page.getByLabel("ログインID").waitFor();
  await page.keyboard.type(user.login);
  await page.keyboard.press("Tab");
  await page.keyboard.type(user.password);
  await page.keyboard.press("Enter");
  await page.locator("#account-name").filter({ hasText: user.displayName }).waitFor();
  return { page, problems };
}

/** Waits until the review screen of `recordId` is open and ready for the keyboard. */
export async function reviewScreen(page: Page, recordId: string): Promise<void> {
  await page.locator(`.review-screen[data-record-id="${recordId}"] .fields`).waitFor();
}

/** The editor of a field on the review screen, found by its group and key. */
export function fieldRow(page: Page, id: string) {
  return page.locator(`.field[data-field-id="${id}"]`);
}

/** The field ("common.birth_date") whose editor has the focus, or null. */
export function focusedField(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      (document.activeElement?.closest(".field") as HTMLElement | null)?.dataset.fieldId ?? null,
  );
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await fs.mkdir(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`) });
}

export interface ReviewServerAndBrowser {
  fixture: ReviewFixture;
  browser: Browser;
}

/**
 * For the tests of one file: a review server on a fixture of its own and a browser, started
 * before the first test and closed after the last.
 */
export function reviewServerWithBrowser(
  options?: Parameters<typeof startReviewFixture>[0],
): ReviewServerAndBrowser {
  const running = {} as ReviewServerAndBrowser;
  beforeAll(async () => {
    [running.fixture, running.browser] = await Promise.all([
      startReviewFixture(options),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.fixture?.close();
  });
  return running;
}
