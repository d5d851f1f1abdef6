import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebhookDeliveryRepository } from "../../../storage/repositories/webhook-delivery-repository.ts";
import { logIn, reviewScreen, reviewServerWithBrowser } from "./browser.ts";

describe("administration", () => {
  const running = reviewServerWithBrowser();
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    ({ page, problems } = await logIn(
      running.browser,
      running.fixture.baseUrl,
      running.fixture.users.admin,
      "#/admin",
    ));
    page.on("dialog", (dialog) => dialog.accept());
  });

  afterAll(async () => {
    expect(problems).toEqual([]);
  });

  it("adds an agency and a user of it, disables the user and resets a password", async () => {
    await page.getByRole("link", { name: "機関" }).click();
    await page.getByLabel("機関名").fill("うみ相談室");
    await page.getByLabel("種別").selectOption("contracted");
    await page.getByRole("button", { name: "追加" }).click();
    await page
      .locator("tbody tr")
      .filter({ hasText: "うみ相談室" })
      .filter({ hasText: "委託先" })
      .waitFor();

    await page.getByRole("link", { name: "利用者" }).click();
    await page.getByLabel("ログインID").fill("umi");
    await page.getByLabel("氏名").fill("海 四郎");
    await page.getByLabel("初期パスワード").fill("long enough password");
    await page.getByLabel("役割").selectOption("clerk");
    await page.getByLabel("機関").selectOption({ label: "うみ相談室" });
    await page.getByRole("button", { name: "追加" }).click();
    const row = page.locator("tbody tr").filter({ hasText: "海 四郎" });
    await row.filter({ hasText: "受付担当" }).filter({ hasText: "うみ相談室" }).waitFor();
    await row.getByRole("button", { name: "無効にする" }).click();
    await row.filter({ hasText: "無効" }).getByRole("button", { name: "有効にする" }).waitFor();

    await row.getByRole("button", { name: "パスワード再設定" }).click();
    await page.keyboard.type("another long password");
    await page.keyboard.press("Enter");
    await page.locator("#notice").filter({ hasText: "パスワードを再設定しました" }).waitFor();
  });

  it("shows a new API token's secret once and revokes the token", async () => {
    await page.getByRole("link", { name: "APIトークン" }).click();
    await page.getByLabel("名前（用途）").fill("相談記録プラットフォーム");
    await page.getByRole("button", { name: "発行" }).click();
    const secret = page.locator("input.secret");
    await secret.waitFor();
    expect((await secret.inputValue()).length).toBeGreaterThan(20);
    await page.getByRole("button", { name: "確認しました" }).click();
    expect(await secret.count()).toBe(0);

    const row = page.locator("tbody tr").filter({ hasText: "相談記録プラットフォーム" });
    await row.getByRole("button", { name: "失効させる" }).click();
    await row.filter({ hasText: "失効（" }).waitFor();
    expect(await row.getByRole("button").count()).toBe(0);
  });

  it("shows correction rates per field once a reviewer approved a corrected record", async () => {
    const reviewer = await logIn(
      running.browser,
      running.fixture.baseUrl,
      running.fixture.users.reviewer,
      `#/records/${running.fixture.records.intake}`,
    );
    await reviewScreen(reviewer.page, running.fixture.records.intake);
    const date = reviewer.page.locator('.field[data-field-id="common.birth_date"] input');
    await date.fill("R1.5.1");
    await reviewer.page.keyboard.press("Control+Enter");
    await reviewScreen(reviewer.page, running.fixture.records.xss);

    await page.getByRole("link", { name: "項目別修正率" }).click();
    const birthDate = page.locator("tbody tr").filter({ hasText: "生年月日" });
    await birthDate.waitFor();
    expect(await birthDate.textContent()).toMatch(/100(\.0)?%/);
    const clientName = page.locator("tbody tr").filter({ hasText: "氏名" }).first();
    expect(await clientName.textContent()).toContain("0%");
  });

  it("lists the audit trail newest first, filtered by action", async () => {
    await page.getByRole("link", { name: "監査ログ" }).click();
    const rows = page.locator(".audit-table tbody tr");
    await rows.first().waitFor();
    const actions = await rows.evaluateAll((elements) =>
      elements.map((element) => (element as HTMLElement).dataset.action),
    );
    // The reviewer's approval of the previous test, then the view of the next record it opened.
    expect(actions.slice(0, 3)).toEqual(["record_view", "record_approve", "record_edit"]);
    await page.getByLabel("操作").selectOption("token_revoke");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute("data-action")).toBe("token_revoke");
  });

  it("pages through a long audit trail with 「さらに表示」", async () => {
    // 120 views of a record make more entries than one page of the audit view holds.
    await page.evaluate(async (recordId) => {
      const { csrfToken } = await (await fetch("/api/session")).json();
      for (let i = 0; i < 120; i++) {
        await fetch(`/api/records/${recordId}/open`, {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-CSRF-Token": csrfToken },
          body: "{}",
        });
      }
    }, running.fixture.records.more[0]);
    await page.getByLabel("操作").selectOption("record_view");
    const rows = page.locator(".audit-table tbody tr");
    await expect.poll(() => rows.count()).toBe(100);
    await page.getByRole("button", { name: "さらに表示" }).click();
    await expect.poll(() => rows.count()).toBeGreaterThan(120);
    const ids = await rows.evaluateAll((elements) =>
      elements.map((element) => (element as HTMLElement).dataset.entryId),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("lists webhook deliveries that failed for good and sends one again", async () => {
    // The intake record was verified above: its export failed to reach the platform.
    const { runtime } = running.fixture;
    const [frozen] = await runtime.db.query<{ seq: number }>(
      "SELECT seq FROM record_exports WHERE record_id = $1",
      [running.fixture.records.intake],
    );
    const deliveries = new WebhookDeliveryRepository(runtime.db);
    const delivery = await deliveries.insert(Number(frozen?.seq));
    await deliveries.recordAttempt(delivery.id, "HTTP 503");
    await deliveries.markFailed(delivery.id);

    await page.getByRole("link", { name: "送信の失敗" }).click();
    const row = page.locator("tbody tr").filter({ hasText: running.fixture.records.intake });
    await row.waitFor();
    expect(await row.textContent()).toContain("HTTP 503");
    await row.getByRole("button", { name: "再送" }).click();
    await page.getByText("失敗した送信はありません。").waitFor();
    expect((await deliveries.get(delivery.id))?.status).toBe("pending");
  });
});
