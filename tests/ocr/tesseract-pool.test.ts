import { setTimeout as sleep } from "node:timers/promises";
import v8 from "node:v8";
import vm from "node:vm";
import { PSM } from "tesseract.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LanguageDataMissingError } from "../../workers/ocr/language-data.ts";
import { toTesseractInput } from "../../workers/ocr/tesseract-input.ts";
import {
  TesseractPool,
  TesseractPoolClosedError,
  TesseractRecognizeError,
} from "../../workers/ocr/tesseract-pool.ts";
import { renderForm } from "./render-form.ts";

const TEXTS = ["生活相談受付票", "生活保護", "住居確保給付金", "就労支援"];

/** One printed line on a strip of A4 paper, prepared as the OCR stage would. */
async function linePng(text: string): Promise<Buffer> {
  return (await toTesseractInput(renderForm({ lines: [[text]], heightMm: 40 }).png)).png;
}

describe("TesseractPool", () => {
  let images: Buffer[];

  beforeAll(async () => {
    images = await Promise.all(TEXTS.map(linePng));
  });

  it("starts no worker before the first job", async () => {
    const pool = new TesseractPool({ size: 2 });
    expect(pool.workersCreated).toBe(0);
    await pool.terminate();
  });

  it("runs many jobs on at most `size` workers, started once and reused", async () => {
    const pool = new TesseractPool({ size: 2 });
    try {
      const pages = await Promise.all(images.map((image) => pool.recognize(image)));
      expect(pages.map((page) => page.text.replace(/\s/g, ""))).toEqual(TEXTS);
      const again = await pool.recognize(images[0] as Buffer);
      expect(again.text.replace(/\s/g, "")).toBe(TEXTS[0]);
      expect(pool.workersCreated).toBe(2);
    } finally {
      await pool.terminate();
    }
  });

  describe("with one worker", () => {
    const pool = new TesseractPool({ size: 1 });
    afterAll(() => pool.terminate());

    it("applies a page segmentation mode to one job only", async () => {
      const image = images[0] as Buffer;
      const before = await pool.recognize(image);
      // RAW_LINE takes the whole strip for one text line, which reads as nonsense.
      const rawLine = await pool.recognize(image, { pageSegMode: PSM.RAW_LINE });
      const after = await pool.recognize(image);
      expect(rawLine.text).not.toBe(before.text);
      expect(after.text).toBe(before.text);
    });

    it("returns blocks with words, confidences and boxes", async () => {
      const page = await pool.recognize(images[1] as Buffer);
      const words = (page.blocks ?? []).flatMap((b) =>
        b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words)),
      );
      expect(words.length).toBeGreaterThan(0);
      for (const word of words) {
        expect(word.confidence).toBeGreaterThanOrEqual(0);
        expect(word.bbox.x1).toBeGreaterThan(word.bbox.x0);
      }
    });
  });

  it("replaces a worker whose job failed", async () => {
    const pool = new TesseractPool({ size: 1 });
    try {
      await expect(pool.recognize(Buffer.from("not an image"))).rejects.toBeInstanceOf(
        TesseractRecognizeError,
      );
      const page = await pool.recognize(images[1] as Buffer);
      expect(page.text.replace(/\s/g, "")).toBe(TEXTS[1]);
      expect(pool.workersCreated).toBe(2);
    } finally {
      await pool.terminate();
    }
  });

  it("replaces a worker after `jobsPerWorker` jobs, so a long batch runs on fresh workers", async () => {
    const pool = new TesseractPool({ size: 1, jobsPerWorker: 2 });
    try {
      const texts: string[] = [];
      for (const image of [...images, images[0] as Buffer]) {
        texts.push((await pool.recognize(image)).text.replace(/\s/g, ""));
      }
      expect(texts).toEqual([...TEXTS, TEXTS[0]]);
      expect(pool.workersCreated).toBe(3);
    } finally {
      await pool.terminate();
    }
  });

  it("holds no job's result once the job is done, so a long batch does not pile them up", async () => {
    v8.setFlagsFromString("--expose-gc");
    const collectGarbage = vm.runInNewContext("gc") as () => void;
    const pool = new TesseractPool({ size: 1 });
    try {
      const results: WeakRef<object>[] = [];
      for (const image of images) results.push(new WeakRef(await pool.recognize(image)));
      // A WeakRef keeps its target alive until the current job ends.
      await sleep(10);
      collectGarbage();
      expect(results.filter((result) => result.deref() !== undefined)).toHaveLength(0);
    } finally {
      await pool.terminate();
    }
  });

  it("rejects running and later jobs on terminate()", async () => {
    const pool = new TesseractPool({ size: 1 });
    await pool.recognize(images[0] as Buffer);
    const running = pool.recognize(images[2] as Buffer);
    await pool.terminate();
    await expect(running).rejects.toBeInstanceOf(TesseractPoolClosedError);
    await expect(pool.recognize(images[0] as Buffer)).rejects.toBeInstanceOf(
      TesseractPoolClosedError,
    );
  });

  it("refuses language data that is missing or not a local folder", () => {
    expect(() => new TesseractPool({ langPath: "/nonexistent" })).toThrow(LanguageDataMissingError);
    expect(
      () =>
        new TesseractPool({
          langPath: "https://cdn.jsdelivr.net/npm/@tesseract.js-data/jpn/4.0.0",
        }),
    ).toThrow(LanguageDataMissingError);
  });

  it("refuses a size that is not a positive integer", () => {
    expect(() => new TesseractPool({ size: 0 })).toThrow(RangeError);
    expect(() => new TesseractPool({ jobsPerWorker: 0 })).toThrow(RangeError);
  });
});
