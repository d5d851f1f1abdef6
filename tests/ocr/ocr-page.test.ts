import { createCanvas } from "@napi-rs/canvas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ocrPage } from "../../workers/ocr/ocr-page.ts";
import type { OcrText } from "../../workers/ocr/ocr-result.ts";
import { TesseractPool } from "../../workers/ocr/tesseract-pool.ts";
import { characterAccuracy } from "../helpers/text-metrics.ts";
import { type RenderedForm, renderForm } from "./render-form.ts";
import { INTAKE_HEADER } from "./sample-forms.ts";

/** What the paper says, a space wherever it shows a gap. */
const EXPECTED_LINES = INTAKE_HEADER.map((segments) => segments.join(" "));
const BOX_TOLERANCE = 10;

describe("ocrPage on a rendered A4 intake form at 200 dpi", () => {
  const pool = new TesseractPool({ size: 1 });
  let form: RenderedForm;
  let result: OcrText;

  beforeAll(async () => {
    form = renderForm({ lines: INTAKE_HEADER, dpi: 200, pointSize: 11 });
    result = await ocrPage(form.png, pool);
  });
  afterAll(() => pool.terminate());

  it("reads at least 90 % of the characters", () => {
    expect(characterAccuracy(EXPECTED_LINES.join("\n"), result.text)).toBeGreaterThanOrEqual(0.9);
  });

  it("reads the title, the name and the date exactly", () => {
    const lines = result.lines.map((line) => line.text);
    expect(lines).toContain("相談受付票");
    expect(lines).toContain("氏名 山田 花子");
    expect(lines).toContain("生年月日 昭和62年11月3日");
  });

  it("puts spaces only where the paper shows a gap, and between Latin words", () => {
    for (const line of result.lines) {
      const expected = closestLine(line.text);
      expect(line.text.split(" ").length, `${line.text} vs ${expected}`).toBe(
        expected.split(" ").length,
      );
    }
    expect(result.text).toContain("TEL 043-123-4567");
  });

  it("joins the page text from the line texts", () => {
    expect(result.text).toBe(result.lines.map((line) => line.text).join("\n"));
  });

  it("boxes the title where it was drawn", () => {
    const title = result.lines.find((line) => line.text === "相談受付票");
    const drawn = form.segments.find((segment) => segment.text === "相談受付票");
    for (const [i, value] of (title?.bbox ?? []).entries()) {
      expect(Math.abs(value - (drawn?.bbox[i] ?? Number.NaN))).toBeLessThanOrEqual(BOX_TOLERANCE);
    }
    for (const word of title?.words ?? []) {
      const [x, y, w, h] = word.bbox;
      const [dx, dy, dw, dh] = drawn?.bbox ?? [0, 0, 0, 0];
      expect(x).toBeGreaterThanOrEqual(dx - BOX_TOLERANCE);
      expect(y).toBeGreaterThanOrEqual(dy - BOX_TOLERANCE);
      expect(x + w).toBeLessThanOrEqual(dx + dw + BOX_TOLERANCE);
      expect(y + h).toBeLessThanOrEqual(dy + dh + BOX_TOLERANCE);
    }
  });

  it("keeps confidences within 0..1 and the page's as the mean word confidence", () => {
    const words = result.lines.flatMap((line) => line.words);
    expect(words.length).toBeGreaterThan(0);
    for (const item of [...words, ...result.lines, result]) {
      expect(item.confidence).toBeGreaterThanOrEqual(0);
      expect(item.confidence).toBeLessThanOrEqual(1);
    }
    const mean = words.reduce((sum, word) => sum + word.confidence, 0) / words.length;
    expect(result.confidence).toBeCloseTo(mean, 10);
    expect(words.every((word) => word.text.trim() !== "")).toBe(true);
  });

  it("describes the engine, language and page size", () => {
    expect(result.engine).toMatch(/^tesseract\.js \d+\.\d+\.\d+$/);
    expect(result.language).toBe("jpn");
    expect([result.width, result.height]).toEqual([form.width, form.height]);
  });

  it("returns no text and zero confidence for a blank page", async () => {
    const canvas = createCanvas(1654, 2339);
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#f2efe8";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    const blank = await ocrPage(canvas.toBuffer("image/png"), pool);
    expect(blank).toMatchObject({ text: "", confidence: 0, lines: [] });
  });
});

function closestLine(text: string): string {
  let best = "";
  let bestRecall = -1;
  for (const line of EXPECTED_LINES) {
    const recall = characterAccuracy(line, text);
    if (recall > bestRecall) [best, bestRecall] = [line, recall];
  }
  return best;
}
