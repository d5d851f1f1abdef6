import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { logIn, reviewServerWithBrowser, saveScreenshot } from "./browser.ts";

const sampleJpeg = path.resolve("tests/samples/評価シート.jpg");

describe("clerks' batch view", () => {
  const running = reviewServerWithBrowser();

  it("uploads with progress, lists failures with a retry, duplicates, and follows processing live", async () => {
    const { page, problems } = await logIn(
      running.browser,
      running.fixture.baseUrl,
      running.fixture.users.clerk,
    );
    await page.getByRole("heading", { name: "バッチ一覧" }).waitFor();
    const jpeg = await fs.readFile(sampleJpeg);

    await page.locator("form.upload-form").getByLabel("バッチ名").fill("窓口 2024年11月");
    await page.locator('input[type="file"]').setInputFiles([
      { name: "評価 シート.jpg", mimeType: "image/jpeg", buffer: jpeg },
      { name: "メモ.pdf", mimeType: "application/pdf", buffer: Buffer.from("ただのメモです") },
    ]);
    await page.getByRole("button", { name: "登録する" }).click();
    const items = page.locator(".upload-list li");
    await items
      .nth(1)
      .locator(".upload-state")
      .filter({ hasNotText: /待機|送信中/ })
      .waitFor();
    expect(await items.nth(0).locator(".upload-state").textContent()).toBe("登録しました");
    expect(await items.nth(1).getAttribute("class")).toContain("failed");
    expect(
      await items
        .locator("progress")
        .evaluateAll((bars) => bars.map((bar) => (bar as HTMLProgressElement).value)),
    ).toEqual([1, 1]);

    // The same scan dropped on the drop zone is recognised as a duplicate.
    const dropped = await page.evaluateHandle((base64) => {
      const transfer = new DataTransfer();
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      transfer.items.add(new File([bytes], "もう一度.jpg", { type: "image/jpeg" }));
      return transfer;
    }, jpeg.toString("base64"));
    await page.dispatchEvent(".drop-zone", "drop", { dataTransfer: dropped });
    await items.filter({ hasText: "もう一度.jpg" }).waitFor();
    await page.getByRole("button", { name: "登録する" }).click();
    await items.filter({ hasText: "重複" }).waitFor();

    const batchLink = page.getByRole("link", { name: "窓口 2024年11月" });
    await batchLink.waitFor();
    expect(await page.locator("tbody tr").filter({ has: batchLink }).textContent()).toContain(
      "処理中",
    );
    await saveScreenshot(page, "batch-list");
    await batchLink.click();

    const fileRows = page.locator("tbody tr");
    await page.getByRole("heading", { name: "重複ファイル" }).waitFor();
    expect(await page.locator(".duplicates").textContent()).toContain("評価 シート.jpg");
    const failed = fileRows.filter({ hasText: "メモ.pdf" });
    expect(await failed.textContent()).toMatch(/失敗/);
    expect(await failed.locator(".error-text").textContent()).not.toBe("");
    await saveScreenshot(page, "batch-view");

    // Processing moves on on the server; the page follows by itself.
    const stored = (await running.fixture.runtime.files.listByBatch(batchIdOf(page.url()))).find(
      (file) => file.fileName === "評価 シート.jpg",
    );
    if (!stored) throw new Error("uploaded file not stored");
    await running.fixture.runtime.files.setPageCount(stored.id, 1);
    await running.fixture.runtime.files.setStatus(stored.id, "done");
    await fileRows.filter({ hasText: "評価 シート.jpg" }).filter({ hasText: "完了" }).waitFor();

    await failed.getByRole("button", { name: "再試行" }).click();
    await page.locator("#notice").filter({ hasText: "再試行を受け付けました" }).waitFor();
    await failed.filter({ hasText: "待機中" }).waitFor();
    expect(problems).toEqual([]);
  });

  it("shows a reviewer the batches of the agency without the upload form", async () => {
    const { page } = await logIn(
      running.browser,
      running.fixture.baseUrl,
      running.fixture.users.reviewer,
      "#/batches",
    );
    await page.getByRole("link", { name: "2023年度 箱12" }).waitFor();
    expect(await page.getByRole("heading", { name: "スキャンファイルの登録" }).count()).toBe(0);
    expect(await page.locator("#nav").textContent()).toMatch(/作業キュー[\s\S]*バッチ/);
  });
});

function batchIdOf(url: string): string {
  const id = /#\/batches\/([^/?]+)/.exec(url)?.[1];
  if (!id) throw new Error(`not a batch page: ${url}`);
  return decodeURIComponent(id);
}
