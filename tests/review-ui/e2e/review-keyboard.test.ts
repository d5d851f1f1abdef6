import { describe, expect, it } from "vitest";

import {
  fieldRow,
  focusedField,
  logIn,
  reviewScreen,
  reviewServerWithBrowser,
  saveScreenshot,
} from "./browser.ts";

describe("review screen with the keyboard alone", () => {
  const running = reviewServerWithBrowser();

  it("corrects a field, approves with Ctrl+Enter, and the admin finds both in the audit trail", async () => {
    const { page, problems } = await logIn(
      running.browser,
      running.fixture.baseUrl,
      running.fixture.users.reviewer,
    );
    // The queue opens with its oldest record focused: Enter opens it.
    await page.locator(".queue-table tbody tr").first().waitFor();
    expect(
      await page.evaluate(() => (document.activeElement as HTMLElement).dataset.recordId),
    ).toBe(running.fixture.records.intake);
    await page.keyboard.press("Enter");
    await reviewScreen(page, running.fixture.records.intake);

    // Fields needing review come first and the first one has the focus; Tab reaches the date.
    for (let tabs = 0; (await focusedField(page)) !== "common.birth_date"; tabs++) {
      expect(tabs).toBeLessThan(10);
      await page.keyboard.press("Tab");
    }
    await expect.poll(() => page.locator(".overlay rect.active").count()).toBe(1);
    // An impossible date is refused at the field, which keeps the focus.
    await page.keyboard.type("平成32年4月1日");
    await page.keyboard.press("Enter");
    const birthDate = fieldRow(page, "common.birth_date");
    await birthDate.locator(".field-error").filter({ hasText: /./ }).waitFor();
    expect(await focusedField(page)).toBe("common.birth_date");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("平成3年4月1日");
    await page.keyboard.press("Enter");
    await birthDate.locator(".badge.corrected").waitFor();
    expect(await birthDate.locator("input").inputValue()).toBe("1991-04-01");
    expect(await birthDate.locator(".field-error").isHidden()).toBe(true);
    expect(await focusedField(page)).not.toBe("common.birth_date");
    await page.keyboard.press("Shift+Tab");
    await page.locator('rect.active[data-field-id="common.birth_date"]').waitFor();
    await saveScreenshot(page, "review-screen");

    await page.keyboard.press("Control+Enter");
    await reviewScreen(page, running.fixture.records.xss);
    expect(page.url()).toContain(`#/records/${running.fixture.records.xss}`);
    expect(problems).toEqual([]);

    const admin = await logIn(
      running.browser,
      running.fixture.baseUrl,
      running.fixture.users.admin,
      "#/admin/audit",
    );
    const rows = admin.page.locator(".audit-table tbody tr");
    await rows.first().waitFor();
    const edit = rows
      .filter({ hasText: running.fixture.records.intake })
      .and(admin.page.locator('[data-action="record_edit"]'));
    await expect.poll(() => edit.textContent()).toContain("birth_date");
    expect(await edit.textContent()).toContain("1991-04-01");
    expect(await edit.textContent()).toContain(running.fixture.users.reviewer.displayName);
    await admin.page.getByLabel("操作").selectOption("record_approve");
    const approve = admin.page
      .locator('.audit-table tbody tr[data-action="record_approve"]')
      .filter({ hasText: running.fixture.records.intake });
    await approve.waitFor();
    await expect
      .poll(() =>
        admin.page.locator('.audit-table tbody tr:not([data-action="record_approve"])').count(),
      )
      .toBe(0);
    expect(await admin.page.locator(".audit-table tbody tr").count()).toBe(1);
    expect(admin.problems).toEqual([]);
  });

  it("goes through records of the queue: correct, approve and next, without a mouse", async () => {
    const { page, problems } = await logIn(
      running.browser,
      running.fixture.baseUrl,
      running.fixture.users.reviewer,
    );
    const firstRow = page.locator(".queue-table tbody tr").first();
    await firstRow.waitFor();
    const summary = (await page.locator(".summary").textContent()) ?? "";
    const total = Number(summary.match(/(\d+)件中/)?.[1]);
    // The first test approved `intake`; the queue goes on with `xss` and the others, oldest first.
    const expected = [running.fixture.records.xss, ...running.fixture.records.more];
    expect(await page.getByLabel("様式").textContent()).toContain(
      `相談受付票 (${expected.length})`,
    );
    await page.keyboard.press("Enter");
    for (const [index, recordId] of expected.entries()) {
      await reviewScreen(page, recordId);
      expect(await focusedField(page)).toBe("common.client_name_kana");
      if (index === 1) {
        await page.keyboard.type("サトウ ジロウ");
        await page.keyboard.press("Enter");
        await fieldRow(page, "common.client_name_kana").locator(".badge.corrected").waitFor();
      }
      await page.keyboard.press("Control+Enter");
    }
    await page.locator(".summary").filter({ hasText: "ありません" }).waitFor();
    expect(page.url()).toMatch(/#\/queue$/);
    expect(total).toBe(expected.length);
    expect(problems).toEqual([]);
  });
});
