import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fieldRow, focusedField, logIn, reviewScreen, reviewServerWithBrowser } from "./browser.ts";

describe("review screen", () => {
  const running = reviewServerWithBrowser();
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    ({ page, problems } = await logIn(
      running.browser,
      running.fixture.baseUrl,
      running.fixture.users.reviewer,
    ));
  });

  afterAll(async () => {
    expect(problems).toEqual([]);
  });

  async function open(recordId: string) {
    await page.goto(`${running.fixture.baseUrl}/#/records/${recordId}`);
    await reviewScreen(page, recordId);
  }

  const zoom = async () =>
    Number.parseInt((await page.locator(".zoom-level").textContent()) ?? "", 10);
  const scroller = () => page.locator(".viewer-scroll");

  it("links fields and boxes both ways, zooms and pans the page image", async () => {
    await open(running.fixture.records.more[0] as string);
    // The overlay is in the image's own pixels, so boxes stay on their text at any zoom.
    expect(await page.locator(".overlay").getAttribute("viewBox")).toBe(
      `0 0 ${running.fixture.pageImage.width} ${running.fixture.pageImage.height}`,
    );

    await fieldRow(page, "common.sex").locator("select").focus();
    await page.locator('rect.active[data-field-id="common.sex"]').waitFor();
    await page.locator('rect[data-field-id="common.client_name"]').click();
    expect(await focusedField(page)).toBe("common.client_name");
    expect(await page.locator("rect.active").getAttribute("data-field-id")).toBe(
      "common.client_name",
    );

    const fitted = await zoom();
    await page.getByRole("button", { name: "拡大 (+)" }).click();
    expect(await zoom()).toBeGreaterThan(fitted);
    await scroller().focus();
    await page.keyboard.press("-");
    await page.keyboard.press("-");
    expect(await zoom()).toBeLessThan(fitted);
    const box = await scroller().boundingBox();
    if (!box) throw new Error("no viewer");
    await page.mouse.move(box.x + 300, box.y + 300);
    await page.keyboard.down("Control");
    await page.mouse.wheel(0, -400);
    await page.keyboard.up("Control");
    await expect.poll(zoom).toBeGreaterThan(fitted * 1.5);

    const before = await scroller().evaluate((element) => [element.scrollLeft, element.scrollTop]);
    await page.mouse.move(box.x + 400, box.y + 400);
    await page.mouse.down();
    await page.mouse.move(box.x + 300, box.y + 250, { steps: 5 });
    await page.mouse.up();
    const after = await scroller().evaluate((element) => [element.scrollLeft, element.scrollTop]);
    expect(after).toEqual([(before[0] ?? 0) + 100, (before[1] ?? 0) + 150]);
  });

  it("changes the docType and edits the progress table with the keyboard", async () => {
    await open(running.fixture.records.more[0] as string);
    await page.getByLabel("様式", { exact: true }).selectOption("progress");
    await page.getByRole("button", { name: "様式を変更" }).click();
    await page.locator(".record-head h2").filter({ hasText: "支援経過記録" }).waitFor();
    const entries = fieldRow(page, "common.entries");
    await entries.getByRole("button", { name: "行を追加" }).click();
    await page.keyboard.type("R5.4.12");
    await page.keyboard.press("Tab");
    await page.keyboard.press("End"); // the method select: その他 is the last option
    await page.keyboard.press("Tab");
    await page.keyboard.type("家計の相談");
    await page.keyboard.press("Tab");
    await page.keyboard.type("確認 一郎");
    await page.keyboard.press("Enter");
    await entries.locator(".badge.corrected").waitFor();
    expect(await entries.locator("tbody input").first().inputValue()).toBe("2023-04-12");
    expect(await entries.locator("tbody select").inputValue()).toBe("other");
  });

  it("rejects a record with a reason and opens the next one", async () => {
    await open(running.fixture.records.more[1] as string);
    await page.getByRole("button", { name: "差し戻し…" }).click();
    await page.keyboard.press("Enter");
    expect(await page.locator(".reject-form .form-error").textContent()).toBe(
      "理由を入力してください",
    );
    await page.keyboard.type("別の世帯の用紙が混ざっています");
    await page.keyboard.press("Enter");
    await page.locator("#notice").filter({ hasText: "差し戻しました" }).waitFor();
    await page.waitForURL((url) => !url.hash.includes(running.fixture.records.more[1] as string));
    await page.goto(`${running.fixture.baseUrl}/#/queue`);
    await page.locator(".queue-table tbody tr").first().waitFor();
    expect(
      await page.locator(`tr[data-record-id="${running.fixture.records.more[1]}"]`).count(),
    ).toBe(0);
  });
});
