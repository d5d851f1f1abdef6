import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import type { Browser, Page, Route } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NearDuplicateRepository } from "../../../storage/repositories/near-duplicate-repository.ts";
import { pdfText } from "../../export/poppler.ts";
import { type ReviewFixture, startReviewFixture } from "../review-fixture.ts";
import { launchBrowser, logIn, saveScreenshot } from "./browser.ts";

const MiB = 1024 * 1024;
const CHUNK = 4 * MiB;

/** A real, acceptable scan above the 8 MiB resumable threshold: an uncompressed noisy PNG. */
async function largePng(): Promise<Buffer> {
  const png = await sharp({
    create: {
      width: 1900,
      height: 1850,
      channels: 3,
      background: { r: 245, g: 243, b: 236 },
      noise: { type: "gaussian", mean: 200, sigma: 30 },
    },
  })
    .png({ compressionLevel: 0 })
    .toBuffer();
  if (png.length < 9.5 * MiB || png.length > 12 * MiB) {
    throw new Error(`test scan is ${png.length} bytes, not about 10 MiB`);
  }
  return png;
}

/** What an API route answers this page's session (cookies of the logged-in context). */
async function apiGet<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

interface BatchDetail {
  files: { id: string; fileName: string; status: string }[];
}

describe("clerks' batch capture: resumable upload, similar pages, CSV downloads, separator sheets", () => {
  let fixture: ReviewFixture;
  let browser: Browser;
  let scan: Buffer;

  beforeAll(async () => {
    [fixture, browser, scan] = await Promise.all([
      startReviewFixture({ moreRecords: 1 }),
      launchBrowser(),
      largePng(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await fixture?.close();
  });

  it("sends a large file in chunks, goes on after dropped connections, and registers it once", async () => {
    const { page, problems } = await logIn(browser, fixture.baseUrl, fixture.users.clerk);
    await page.getByRole("heading", { name: "バッチ一覧" }).waitFor();

    // Chunks as the browser sends them (offset of each PUT attempt, in order), and two drops:
    // the first attempt at offset 0 never reaches the server; the first at 4 MiB reaches it and
    // is stored, but the answer is lost, so the page must ask where to go on rather than resend.
    const attempts: number[] = [];
    const statusChecks: string[] = [];
    await page.route(
      (url) => url.pathname.startsWith("/api/uploads/resumable/"),
      async (route: Route) => {
        const request = route.request();
        if (request.method() === "GET") {
          statusChecks.push(request.url());
          return route.continue();
        }
        if (request.method() !== "PUT") return route.continue();
        const offset = Number(new URL(request.url()).searchParams.get("offset"));
        attempts.push(offset);
        const tries = attempts.filter((each) => each === offset).length;
        if (offset === 0 && tries === 1) return route.abort("connectionreset");
        if (offset === CHUNK && tries === 1) {
          const answer = await route.fetch();
          expect(answer.status()).toBe(200);
          return route.abort("connectionreset");
        }
        return route.continue();
      },
    );

    const states: string[] = [];
    await page.exposeFunction("recordState", (text: string) => states.push(text));
    await page.locator("form.upload-form").getByLabel("バッチ名").fill("大判スキャン 2024");
    await page
      .locator('input[type="file"]')
      .setInputFiles([{ name: "箱3 まとめて.png", mimeType: "image/png", buffer: scan }]);
    await page.evaluate(() => {
      const state = document.querySelector(".upload-list .upload-state");
      if (!state) throw new Error("no upload state");
      const record = (window as unknown as { recordState(text: string): void }).recordState;
      new MutationObserver(() => record(state.textContent ?? "")).observe(state, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await page.getByRole("button", { name: "登録する" }).click();
    const item = page.locator(".upload-list li").filter({ hasText: "箱3 まとめて.png" });
    await item
      .locator(".upload-state")
      .filter({ hasNotText: /待機|送信中/ })
      .waitFor({ timeout: 30_000 });
    expect(await item.locator(".upload-state").textContent()).toBe("登録しました");
    expect(await item.evaluate((li) => li.classList.contains("failed"))).toBe(false);
    expect(
      await item.locator("progress").evaluate((bar) => (bar as HTMLProgressElement).value),
    ).toBe(1);
    // The page told the clerk it was reconnecting, and went on by itself.
    expect(states.some((text) => text.includes("再開"))).toBe(true);

    // 0 (dropped before the server), 0 again, 4 MiB (kept by the server, answer lost), then
    // straight on at 8 MiB after asking: the kept chunk was not sent twice.
    expect(attempts).toEqual([0, 0, CHUNK, 2 * CHUNK]);
    expect(statusChecks.length).toBeGreaterThanOrEqual(2);

    // The batch holds the file once, queued, with exactly the bytes sent.
    const { batches } = await apiGet<{ batches: { id: string; name: string }[] }>(
      page,
      `${fixture.baseUrl}/api/batches`,
    );
    const batch = batches.find((each) => each.name === "大判スキャン 2024");
    if (!batch) throw new Error("batch not listed");
    const detail = await apiGet<BatchDetail>(page, `${fixture.baseUrl}/api/batches/${batch.id}`);
    expect(detail.files.map((file) => file.fileName)).toEqual(["箱3 まとめて.png"]);
    expect(["queued", "splitting", "ocr", "extracting", "done"]).toContain(detail.files[0]?.status);
    const [stored] = await fixture.runtime.files.listByBatch(batch.id);
    expect(stored?.sizeBytes).toBe(scan.length);
    expect(stored?.sha256).toBe(createHash("sha256").update(scan).digest("hex"));
    expect(problems).toEqual([]);
  }, 45_000);

  it("when the answer to the last chunk is lost, learns the outcome instead of sending it again", async () => {
    const { page, problems } = await logIn(browser, fixture.baseUrl, fixture.users.clerk);
    await page.getByRole("heading", { name: "バッチ一覧" }).waitFor();
    const other = await largePng(); // fresh noise: not a duplicate of the first scan
    const lastOffset = Math.floor((other.length - 1) / CHUNK) * CHUNK;
    const attempts: number[] = [];
    await page.route(
      (url) => url.pathname.startsWith("/api/uploads/resumable/"),
      async (route: Route) => {
        const request = route.request();
        if (request.method() !== "PUT") return route.continue();
        const offset = Number(new URL(request.url()).searchParams.get("offset"));
        attempts.push(offset);
        if (offset !== lastOffset) return route.continue();
        // The server gets the last chunk and registers the file; the answer never arrives.
        await route.fetch();
        return route.abort("connectionreset");
      },
    );
    await page.locator("form.upload-form").getByLabel("バッチ名").fill("大判スキャン 2024 続き");
    await page
      .locator('input[type="file"]')
      .setInputFiles([{ name: "箱4.png", mimeType: "image/png", buffer: other }]);
    await page.getByRole("button", { name: "登録する" }).click();
    const item = page.locator(".upload-list li").filter({ hasText: "箱4.png" });
    await item
      .locator(".upload-state")
      .filter({ hasNotText: /待機|送信中/ })
      .waitFor({ timeout: 30_000 });
    expect(await item.locator(".upload-state").textContent()).toContain("登録しました");
    expect(await item.getAttribute("class")).toBeNull();
    expect(attempts).toEqual([0, CHUNK, lastOffset]);

    const batch = (await fixture.runtime.batches.listSummaries()).find(
      (each) => each.name === "大判スキャン 2024 続き",
    );
    if (!batch) throw new Error("batch not created");
    const files = await fixture.runtime.files.listByBatch(batch.id);
    expect(files.map((file) => [file.fileName, file.sha256])).toEqual([
      ["箱4.png", createHash("sha256").update(other).digest("hex")],
    ]);
    expect(problems).toEqual([]);
  }, 45_000);

  it("flags pages that look like sheets handed in before, and offers the batch's CSV downloads", async () => {
    // A re-scan batch whose one page resembles page 1 of a file of 2023年度 箱12. Its file name is
    // markup: it must show as text.
    const runtime = fixture.runtime;
    const rescan = await runtime.batches.getOrCreate("再スキャン 箱12", fixture.agencies.own);
    const evilName = '<img src=x id="injected">再スキャン.pdf';
    const { file } = await runtime.files.insertFirstCopyOrDuplicate({
      batchId: rescan.id,
      fileName: evilName,
      sha256: createHash("sha256").update("rescan").digest("hex"),
      sizeBytes: 1000,
      objectKey: "originals/rescan",
    });
    const page2 = await runtime.pages.upsertSplitPage({
      fileId: file.id,
      pageNumber: 2,
      imageKey: "pages/rescan/0002.png",
      width: 100,
      height: 100,
      splitMethod: "fixture",
    });
    const [earlier] = await runtime.files.listByBatch(fixture.batchId);
    if (!earlier) throw new Error("fixture batch has no files");
    const earlierPage = await runtime.pages.get(earlier.id, 1);
    if (!earlierPage) throw new Error("fixture file has no page");
    await new NearDuplicateRepository(runtime.db).add(page2.id, earlierPage.id, 3, 0.923);

    const { page, problems } = await logIn(
      browser,
      fixture.baseUrl,
      fixture.users.clerk,
      `#/batches/${rescan.id}`,
    );
    await page.getByRole("heading", { name: "似たページ（重複の可能性）" }).waitFor();
    const row = page.locator("tr.near-duplicate");
    expect(await row.count()).toBe(1);
    const cells = await row.locator("td").allTextContents();
    expect(cells[0]).toBe(evilName);
    expect(cells[1]).toBe("2");
    expect(cells[2]).toContain(earlier.fileName);
    expect(cells[2]).toContain("2023年度 箱12");
    expect(cells[2]).toContain("1ページ");
    expect(cells[3]).toBe("92%");
    expect(await page.locator("#injected").count()).toBe(0);
    // Flagged, not dropped: the file is still listed with the others.
    const fileRows = page.locator("tbody tr:not(.near-duplicate)");
    expect(await fileRows.filter({ hasText: "再スキャン.pdf" }).count()).toBe(1);

    const report = page.getByRole("link", { name: "バッチ報告 CSV" });
    expect(await report.getAttribute("href")).toBe(`/api/batches/${rescan.id}/report.csv`);
    // The verified records' contents are for reviewers: a clerk gets the report only.
    expect(await page.getByRole("link", { name: "確認済み記録 CSV" }).count()).toBe(0);
    await saveScreenshot(page, "batch-similar-pages");
    const response = await page.request.get(
      `${fixture.baseUrl}${await report.getAttribute("href")}`,
    );
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\/csv/);
    expect((await response.body()).toString("utf8")).toContain("合計 1 ファイル");

    const reviewer = await logIn(
      browser,
      fixture.baseUrl,
      fixture.users.reviewer,
      `#/batches/${rescan.id}`,
    );
    const records = reviewer.page.getByRole("link", { name: "確認済み記録 CSV" });
    await records.waitFor();
    expect(await records.getAttribute("href")).toBe(`/api/batches/${rescan.id}/records.csv`);
    const recordsCsv = await reviewer.page.request.get(
      `${fixture.baseUrl}${await records.getAttribute("href")}`,
    );
    expect(recordsCsv.status()).toBe(200);
    expect(reviewer.problems).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("prints separator sheets from the clerks' view", async () => {
    const { page, problems } = await logIn(browser, fixture.baseUrl, fixture.users.clerk);
    await page.getByRole("heading", { name: "区切り紙を印刷" }).waitFor();
    const form = page.locator("form.sheet-form");
    await form.getByLabel("バッチ名").fill("2023年度 箱12");
    await form.getByLabel("箱番号（任意）").fill("12");
    await form.getByLabel("ケース番号（任意）").fill("R5-0123");
    await form.getByLabel("枚数").fill("3");

    const sheetsRequest = page.waitForRequest(
      (request) => request.url().endsWith("/api/sheets") && request.method() === "POST",
    );
    const sheetsResponse = page.waitForResponse((response) =>
      response.url().endsWith("/api/sheets"),
    );
    await form.getByRole("button", { name: "PDF を作成" }).click();
    expect((await sheetsRequest).postDataJSON()).toEqual({
      batch: "2023年度 箱12",
      box: "12",
      caseNumber: "R5-0123",
      count: 3,
    });
    const answer = await sheetsResponse;
    expect(answer.status()).toBe(200);
    const link = page.getByRole("link", { name: "区切り紙 PDF を保存" });
    await link.waitFor();
    expect(await link.getAttribute("href")).toMatch(/^blob:/);
    const download = page.waitForEvent("download");
    await link.click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = await fs.readFile(await saved.path());
    const text = pdfText(pdf).replace(/\s/g, "");
    // Three sheets for the clerk's own agency, with what was typed.
    expect(text.match(/区切り紙/g)?.length).toBeGreaterThanOrEqual(3);
    expect(text).toContain("みなと相談支援センター");
    expect(text).toContain("R5-0123");
    await saveScreenshot(page, "separator-sheets");
    expect(problems).toEqual([]);
  });
});
