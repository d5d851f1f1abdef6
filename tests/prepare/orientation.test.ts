import type { Page } from "tesseract.js";
import { PSM } from "tesseract.js";
import { describe, expect, it } from "vitest";
import {
  OcrTrialOrientation,
  type OrientationSample,
  readingScore,
  type TextRecognizer,
} from "../../workers/prepare/orientation.ts";
import type { QuarterTurn } from "../../workers/prepare/quarter-turn.ts";
import { binaryToGrey, encodePng } from "../../workers/prepare/raster.ts";
import { decodeGrey } from "./page-checks.ts";
import { blankInk, fillInk } from "./synthetic.ts";

function pageOf(words: { text: string; confidence: number }[]): Page {
  return {
    blocks: [{ paragraphs: [{ lines: [{ words }] }] }],
  } as unknown as Page;
}

/**
 * A recognizer that answers with the confidence scripted for the turn it was shown, recognised
 * from a marker block in the sample's top-left corner that moves with each turn.
 */
function scripted(
  confidence: Record<QuarterTurn, number>,
  asSparseText: Record<QuarterTurn, number> = confidence,
) {
  const calls: { turn: QuarterTurn; mode: PSM | undefined }[] = [];
  const recognizer: TextRecognizer = {
    async recognize(image, options) {
      const { pixels, width, height } = await decodeGrey(image);
      const dark = (x: number, y: number) => (pixels[y * width + x] as number) < 128;
      const turn: QuarterTurn = dark(2, 2)
        ? 0
        : dark(width - 3, 2)
          ? 90
          : dark(width - 3, height - 3)
            ? 180
            : 270;
      calls.push({ turn, mode: options?.pageSegMode });
      const scores = options?.pageSegMode === PSM.SPARSE_TEXT ? asSparseText : confidence;
      return pageOf([{ text: "相談受付票", confidence: scores[turn] }]);
    },
  };
  return { recognizer, calls };
}

async function markedSample(): Promise<OrientationSample> {
  const image = blankInk(60, 40);
  fillInk(image, 0, 0, 10, 10);
  return { ...(await encodePng(binaryToGrey(image), 200)), dpi: 200 };
}

describe("OcrTrialOrientation", () => {
  it("stops at the first turn that reads convincingly, as a single block of text", async () => {
    const { recognizer, calls } = scripted({ 0: 20, 90: 15, 180: 88, 270: 22 });
    const turn = await new OcrTrialOrientation(recognizer).uprightTurn(
      await markedSample(),
      [0, 180, 90, 270],
    );
    expect(turn).toBe(180);
    expect(calls).toEqual([
      { turn: 0, mode: PSM.SINGLE_BLOCK },
      { turn: 180, mode: PSM.SINGLE_BLOCK },
    ]);
  });

  it("reads the sample again as sparse text when no turn reads convincingly as a block", async () => {
    // As measured on a few handwritten lines under a speck: upright read worst as a block.
    const { recognizer, calls } = scripted(
      { 0: 15, 90: 27, 180: 27, 270: 21 },
      { 0: 81, 90: 20, 180: 20, 270: 20 },
    );
    const turn = await new OcrTrialOrientation(recognizer).uprightTurn(
      await markedSample(),
      [0, 180, 90, 270],
    );
    expect(turn).toBe(0);
    expect(calls).toEqual([
      ...[0, 180, 90, 270].map((turn) => ({ turn, mode: PSM.SINGLE_BLOCK })),
      { turn: 0, mode: PSM.SPARSE_TEXT },
    ]);
  });

  it("keeps the best turn when none reads convincingly either way", async () => {
    const { recognizer, calls } = scripted(
      { 0: 20, 90: 41, 180: 12, 270: 30 },
      { 0: 25, 90: 35, 180: 10, 270: 30 },
    );
    const turn = await new OcrTrialOrientation(recognizer).uprightTurn(
      await markedSample(),
      [0, 180, 90, 270],
    );
    expect(turn).toBe(90);
    expect(calls.map((call) => call.turn)).toEqual([0, 180, 90, 270, 0, 180, 90, 270]);
  });
});

describe("readingScore", () => {
  it("weights word confidence by the characters read", () => {
    const page = pageOf([
      { text: "相談受付票", confidence: 90 },
      { text: "x", confidence: 30 },
    ]);
    expect(readingScore(page)).toBeCloseTo((5 * 90 + 30) / 6, 6);
    expect(readingScore(pageOf([]))).toBe(0);
  });
});
