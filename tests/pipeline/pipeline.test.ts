import fs from "node:fs/promises";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { waitForBatch } from "../../cli/wait-for-batch.ts";
import { sha256OfFile } from "../../ingest/hash-file.ts";
import type { IngestOutcome } from "../../ingest/ingest-service.ts";
import { originalKey, pageImageKey } from "../../storage/objects/object-keys.ts";
import type { OcrPageResult } from "../../workers/ocr/ocr-result.ts";
import { RequeueService } from "../../workers/services/requeue-service.ts";
import { runningPipeline } from "../helpers/running-pipeline.ts";
import { encryptWithQpdf, headerOnlyPng } from "../split/fixtures.ts";

const samplesDir = path.resolve("tests/samples");
const samplePdf = path.join(samplesDir, "相談記録 2023 箱12.pdf");
const sampleJpeg = path.join(samplesDir, "評価シート.jpg");

/** Files a clerk might hand in, good and bad, each with the outcome the pipeline must reach. */
async function writeBatch(
  dir: string,
): Promise<Record<string, { status: "done" | "failed"; code?: string }>> {
  const pdf = await fs.readFile(samplePdf);
  await fs.copyFile(samplePdf, path.join(dir, "相談 記録 ２０２３.pdf"));
  await fs.writeFile(path.join(dir, "空のファイル.pdf"), Buffer.alloc(0));
  await fs.writeFile(
    path.join(dir, "途中で切れた.pdf"),
    pdf.subarray(0, Math.floor(pdf.length / 2)),
  );
  encryptWithQpdf(samplePdf, path.join(dir, "パスワード付き.pdf"));
  await fs.writeFile(path.join(dir, "メモ.pdf"), "これはPDFではなくテキストです。\n", "utf8");
  await fs.writeFile(
    path.join(dir, "写真.jpg"),
    await sharp(sampleJpeg).resize({ width: 1200 }).png().toBuffer(),
  );
  await fs.writeFile(path.join(dir, "巨大な画像.png"), headerOnlyPng(30000, 30000));
  await fs.writeFile(
    path.join(dir, "ページなし.pdf"),
    await (await PDFDocument.create()).save({ addDefaultPage: false }),
  );
  return {
    "相談 記録 ２０２３.pdf": { status: "done" },
    "空のファイル.pdf": { status: "failed", code: "empty" },
    "途中で切れた.pdf": { status: "failed", code: "pdf_damaged" },
    "パスワード付き.pdf": { status: "failed", code: "pdf_encrypted" },
    "メモ.pdf": { status: "failed", code: "unsupported_type" },
    "写真.jpg": { status: "done" },
    "巨大な画像.png": { status: "failed", code: "image_too_large" },
    "ページなし.pdf": { status: "failed", code: "pdf_no_pages" },
  };
}

describe("pipeline: ingest → split → OCR → extract on Redis, PostgreSQL and S3", () => {
  const pipeline = runningPipeline();

  it("processes good files end to end while each bad file fails alone with its reason, originals kept", async () => {
    const expected = await writeBatch(pipeline.inputDir);
    const batch = await pipeline.runtime.batches.getOrCreate("箱12 2023年度");
    const outcomes = new Map<string, IngestOutcome>();
    for (const name of Object.keys(expected)) {
      outcomes.set(
        name,
        await pipeline.ingest.ingestLocalFile(batch.id, path.join(pipeline.inputDir, name), name),
      );
    }
    const summary = await waitForBatch(pipeline.runtime.batches, batch.id, () => {});
    expect(summary.files.total).toBe(Object.keys(expected).length);

    const files = await pipeline.runtime.files.listByBatch(batch.id);
    for (const [name, want] of Object.entries(expected)) {
      const file = files.find((candidate) => candidate.fileName === name);
      expect(file, name).toBeDefined();
      if (!file) continue;
      expect({ name, status: file.status, code: file.errorCode }).toEqual({
        name,
        status: want.status,
        code: want.code ?? null,
      });
      if (want.status === "failed") {
        expect(file.errorMessage, name).toMatch(/[ぁ-んァ-ン一-龥]/); // a Japanese reason for the clerk
        expect(outcomes.get(name)?.status).toBe("failed");
      }
      // Nothing is lost: every original, good or bad, is in the object store under its SHA-256.
      const sha256 = await sha256OfFile(path.join(pipeline.inputDir, name));
      expect(file.sha256).toBe(sha256);
      expect(await pipeline.runtime.objects.stat(originalKey(sha256)), name).not.toBeNull();
    }

    const pdfFile = files.find((file) => file.fileName === "相談 記録 ２０２３.pdf");
    expect(pdfFile?.mediaType).toBe("application/pdf");
    expect(files.find((file) => file.fileName === "写真.jpg")?.mediaType).toBe("image/png");
    expect(pdfFile?.pageCount).toBe(3);
  });

  it("stores upright page images and OCR JSON with words, boxes, cells and confidences, and one record per form", async () => {
    const batch = await pipeline.runtime.batches.findByName("箱12 2023年度");
    const files = await pipeline.runtime.files.listByBatch(batch?.id ?? "");
    const pdfFile = files.find((file) => file.fileName === "相談 記録 ２０２３.pdf");
    if (!pdfFile) throw new Error("sample PDF missing from the batch");
    const pages = await pipeline.runtime.pages.listByFile(pdfFile.id);
    expect(pages.map((page) => [page.pageNumber, page.status])).toEqual([
      [1, "ocr_done"],
      [2, "ocr_done"],
      [3, "ocr_done"],
    ]);
    const truth = JSON.parse(await fs.readFile(path.join(samplesDir, "ground-truth.json"), "utf8"));
    const firstPageTitle: string = truth["相談記録 2023 箱12.pdf"][0].title;
    for (const page of pages) {
      const image = await sharp(await pipeline.runtime.objects.getBuffer(page.imageKey)).metadata();
      expect([image.width, image.height]).toEqual([page.width, page.height]);
      const ocr = JSON.parse(
        (await pipeline.runtime.objects.getBuffer(page.ocrKey ?? "")).toString(),
      ) as OcrPageResult;
      expect(ocr.text).toBe(page.ocrText);
      expect(ocr.lines.length).toBeGreaterThan(5);
      for (const word of ocr.lines.flatMap((line) => line.words)) {
        expect(word.confidence).toBeGreaterThanOrEqual(0);
        expect(word.confidence).toBeLessThanOrEqual(1);
        const [x, y, w, h] = word.bbox;
        expect(x >= 0 && y >= 0 && x + w <= page.width && y + h <= page.height).toBe(true);
      }
    }
    expect(pages[0]?.ocrText?.replace(/\s/g, "")).toContain(firstPageTitle);

    // The split scan images are gone: only the upright, redacted page images remain.
    for (const page of pages) {
      expect(page.imageKey).toMatch(/\.upright\.png$/);
      expect(
        await pipeline.runtime.objects.stat(pageImageKey(pdfFile.sha256, page.pageNumber, "jpeg")),
      ).toBeNull();
      const ocr = JSON.parse(
        (await pipeline.runtime.objects.getBuffer(page.ocrKey ?? "")).toString(),
      ) as OcrPageResult;
      expect(ocr.cells.length).toBeGreaterThan(3);
    }

    const records = await pipeline.runtime.records.listByFile(pdfFile.id);
    expect(records.map((record) => [record.docType, record.pages])).toEqual([
      ["intake", [1]],
      ["assessment", [2]],
      ["progress", [3]],
    ]);
  });

  it("reports an identical file as a duplicate and does not process it again", async () => {
    const batch = await pipeline.runtime.batches.getOrCreate("箱13");
    const copy = path.join(pipeline.inputDir, "コピー.pdf");
    await fs.copyFile(samplePdf, copy);
    const outcome = await pipeline.ingest.ingestLocalFile(batch.id, copy, "コピー.pdf");
    expect(outcome.status).toBe("duplicate");
    const files = await pipeline.runtime.files.listByBatch(batch.id);
    expect(files.map((file) => file.status)).toEqual(["duplicate"]);
    const original = files[0]?.duplicateOf
      ? await pipeline.runtime.files.get(files[0].duplicateOf)
      : null;
    expect(original?.fileName).toBe("相談 記録 ２０２３.pdf");
    expect(await pipeline.runtime.pages.listByFile(files[0]?.id ?? "")).toEqual([]);
  });

  it("splits a file whose ingesting process died after recording it but before queueing it", async () => {
    const batch = await pipeline.runtime.batches.getOrCreate("中断");
    const name = "中断された.png";
    const filePath = path.join(pipeline.inputDir, name);
    await fs.writeFile(filePath, await sharp(sampleJpeg).resize({ width: 1000 }).png().toBuffer());
    const sha256 = await sha256OfFile(filePath);
    await pipeline.runtime.objects.put(originalKey(sha256), await fs.readFile(filePath));
    const { file } = await pipeline.runtime.files.insertFirstCopyOrDuplicate({
      batchId: batch.id,
      fileName: name,
      sha256,
      sizeBytes: (await fs.stat(filePath)).size,
      objectKey: originalKey(sha256),
    });
    const requeue = new RequeueService(pipeline.runtime.files, pipeline.runtime.jobs);
    expect(await requeue.requeueForgottenFiles(60_000)).toBe(0); // too recent: maybe still being ingested
    expect(await requeue.requeueForgottenFiles(0)).toBe(1);
    await waitForBatch(pipeline.runtime.batches, batch.id, () => {});
    expect((await pipeline.runtime.files.get(file.id))?.status).toBe("done");
    expect(await pipeline.runtime.records.listByFile(file.id)).toHaveLength(1);
  });
});
