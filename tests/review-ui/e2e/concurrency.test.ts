import { describe, expect, it } from "vitest";

import {
  fieldRow,
  focusedField,
  logIn,
  reviewScreen,
  reviewServerWithBrowser,
  saveScreenshot,
} from "./browser.ts";

describe("two reviewers on one record", () => {
  const running = reviewServerWithBrowser();

  it("the second takes over and saves; the first one's stale save gets the conflict and overwrites nothing", async () => {
    const recordHash = `#/records/${running.fixture.records.intake}`;
    const first = await logIn(
      running.browser,
      running.fixture.baseUrl,
      running.fixture.users.reviewer,
      recordHash,
    );
    await reviewScreen(first.page, running.fixture.records.intake);
    const second = await logIn(
      running.browser,
      running.fixture.baseUrl,
      running.fixture.users.reviewer2,
      recordHash,
    );
    await reviewScreen(second.page, running.fixture.records.intake);

    // The second sees who holds the lease and may not edit until taking over.
    const lease = second.page.locator(".banner.warning");
    await lease.waitFor();
    expect(await lease.textContent()).toContain(running.fixture.users.reviewer.displayName);
    expect(
      await fieldRow(second.page, "common.birth_date").locator("input").getAttribute("readonly"),
    ).not.toBeNull();
    await second.page.getByRole("button", { name: "引き継ぐ" }).click();
    await lease.waitFor({ state: "detached" });
    const secondDate = fieldRow(second.page, "common.birth_date").locator("input");
    await secondDate.fill("H3.4.1");
    await secondDate.press("Enter");
    await fieldRow(second.page, "common.birth_date").locator(".badge.corrected").waitFor();

    const firstDate = fieldRow(first.page, "common.birth_date").locator("input");
    await firstDate.fill("S60.1.1");
    await firstDate.press("Enter");
    const conflict = first.page.locator(".banner.conflict");
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain("他の担当者が先に保存しました");
    expect(await firstDate.inputValue()).toBe("S60.1.1");
    await saveScreenshot(first.page, "review-conflict");

    // Reloading shows what is stored: the second reviewer's value, and who holds the record now.
    await first.page.getByRole("button", { name: "再読み込み" }).click();
    await first.page.locator(".banner.warning").filter({ hasText: "確認 二郎" }).waitFor();
    expect(await fieldRow(first.page, "common.birth_date").locator("input").inputValue()).toBe(
      "1991-04-01",
    );
    expect([...first.problems, ...second.problems]).toEqual([]);
  });

  it("shows in the queue who holds a record, and leaving the screen gives the record back", async () => {
    const [held, released] = running.fixture.records.more as [string, string];
    const first = await logIn(
      running.browser,
      running.fixture.baseUrl,
      running.fixture.users.reviewer,
      `#/records/${held}`,
    );
    await reviewScreen(first.page, held);
    const second = await logIn(
      running.browser,
      running.fixture.baseUrl,
      running.fixture.users.reviewer2,
      "#/queue",
    );
    const heldRow = second.page.locator(`tr[data-record-id="${held}"]`);
    await heldRow.waitFor();
    expect(await heldRow.textContent()).toContain(running.fixture.users.reviewer.displayName);

    await first.page.goto(`${running.fixture.baseUrl}/#/records/${released}`);
    await reviewScreen(first.page, released);
    await first.page.getByRole("link", { name: "作業キュー" }).click();
    await first.page.locator(`tr[data-record-id="${released}"]`).waitFor();
    await expect
      .poll(async () => {
        await second.page.reload();
        return second.page.locator(`tr[data-record-id="${held}"]`).textContent();
      })
      .not.toContain(running.fixture.users.reviewer.displayName);

    await second.page.goto(`${running.fixture.baseUrl}/#/records/${released}`);
    await reviewScreen(second.page, released);
    expect(await second.page.locator(".banner").count()).toBe(0);
    expect(await focusedField(second.page)).toBe("common.client_name_kana");
  });
});
