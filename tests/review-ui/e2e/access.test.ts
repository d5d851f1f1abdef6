import { describe, expect, it } from "vitest";
import { XSS_VALUE } from "../review-fixture.ts";
import { fieldRow, logIn, reviewScreen, reviewServerWithBrowser } from "./browser.ts";

describe("what a reviewer may see", () => {
  const running = reviewServerWithBrowser();

  it("refuses a wrong password with a message and keeps the login form", async () => {
    const context = await running.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${running.fixture.baseUrl}/#/queue`);
    await page.getByLabel("ログインID").fill(running.fixture.users.reviewer.login);
    await page.getByLabel("パスワード").fill("wrong password");
    await page.keyboard.press("Enter");
    await page.locator(".login-form .form-error").filter({ hasText: "違います" }).waitFor();
    expect(await page.locator("#account").isHidden()).toBe(true);
    await context.close();
  });

  it("a reviewer of another agency neither finds the record in the queue nor opens it", async () => {
    const { page, problems } = await logIn(
      running.browser,
      running.fixture.baseUrl,
      running.fixture.users.otherAgencyReviewer,
    );
    const rows = page.locator(".queue-table tbody tr");
    await rows.first().waitFor();
    const listed = await rows.evaluateAll((elements) =>
      elements.map((element) => (element as HTMLElement).dataset.recordId),
    );
    expect(listed).toEqual([running.fixture.records.otherAgency]);

    await page.goto(`${running.fixture.baseUrl}/#/records/${running.fixture.records.intake}`);
    await page.locator(".empty").filter({ hasText: "見つかりません" }).waitFor();
    expect(await page.locator(".review-screen").count()).toBe(0);
    const image = await page.request.get(
      `${running.fixture.baseUrl}/api/records/${running.fixture.records.intake}/pages/1/image`,
    );
    expect(image.status()).toBe(404);
    expect(problems).toEqual([]);
  });

  it("shows an OCR value containing <script> as text and never runs it", async () => {
    const { page, problems } = await logIn(
      running.browser,
      running.fixture.baseUrl,
      running.fixture.users.reviewer,
      `#/records/${running.fixture.records.xss}`,
    );
    await reviewScreen(page, running.fixture.records.xss);
    const name = fieldRow(page, "common.client_name");
    expect(await name.locator("input").inputValue()).toBe(XSS_VALUE);
    expect(await name.locator(".field-raw").textContent()).toContain(XSS_VALUE.replace(/ /g, ""));
    expect(await page.locator("main script").count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();

    // Typed by a reviewer, saved and shown again after the server's round trip, it stays text.
    const typed = '<img src=x onerror="window.__xss=true">';
    await name.locator("input").fill(typed);
    await name.locator("input").press("Enter");
    await name.locator(".badge.corrected").waitFor();
    await page.reload();
    await reviewScreen(page, running.fixture.records.xss);
    expect(await name.locator("input").inputValue()).toBe(typed);
    expect(await page.locator("main img:not(.page-image)").count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(problems).toEqual([]);
  });
});
