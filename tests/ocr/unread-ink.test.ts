import { describe, expect, it } from "vitest";
import { addWordsToLines } from "../../workers/ocr/add-words-to-lines.ts";
import type { GreyImage } from "../../workers/ocr/grey-image.ts";
import type { BBox, OcrLine, OcrWord } from "../../workers/ocr/ocr-result.ts";
import { unreadInk } from "../../workers/ocr/unread-ink.ts";

const DPI = 300;
/** Characters about 3.5 mm tall at 300 dpi. */
const CHAR = 40;

function page(width = 1200, height = 600): GreyImage {
  return { pixels: new Uint8Array(width * height).fill(255), width, height, inkLevel: 128 };
}

/** A run of "characters": blocks of strokes `CHAR` tall, with a gap between them. */
function printRun(image: GreyImage, x: number, y: number, characters: number): BBox {
  for (let c = 0; c < characters; c++) {
    const left = x + c * (CHAR + 8);
    for (let row = y; row < y + CHAR; row++) {
      for (let col = left; col < left + CHAR; col++) {
        // Three vertical strokes per character, as much ink as a kanji has.
        if ((col - left) % 12 < 4) image.pixels[row * image.width + col] = 0;
      }
    }
  }
  return [x, y, characters * (CHAR + 8) - 8, CHAR];
}

function wordAt(bbox: BBox, text = "値"): OcrWord {
  return { text, confidence: 0.9, bbox };
}

function lineOf(words: OcrWord[]): OcrLine {
  const [x, y] = words[0]?.bbox ?? [0, 0];
  const last = words.at(-1)?.bbox ?? [0, 0, 0, 0];
  return {
    text: words.map((w) => w.text).join(""),
    confidence: 0.9,
    bbox: [x, y, last[0] + last[2] - x, CHAR],
    words,
  };
}

describe("unreadInk", () => {
  it("finds a label the page reading skipped, and not the value it read beside it", () => {
    const image = page();
    const label = printRun(image, 100, 100, 4);
    const value = printRun(image, 400, 100, 5);
    const { regions } = unreadInk(image, [lineOf([wordAt(value)])], [], DPI);
    expect(regions).toHaveLength(1);
    const [x, y, w, h] = regions[0] as BBox;
    expect(x).toBe(label[0]);
    expect(x + w).toBe(label[0] + label[2]);
    expect(y).toBeLessThanOrEqual(label[1]);
    expect(y + h).toBeGreaterThanOrEqual(label[1] + label[3]);
  });

  it("keeps a label spaced out across its column (年　　齢) in one region", () => {
    const image = page();
    printRun(image, 100, 100, 1);
    printRun(image, 100 + 2 * CHAR + 16, 100, 1);
    expect(unreadInk(image, [], [], DPI).regions).toHaveLength(1);
  });

  it("leaves specks, ruled cells and what was read alone", () => {
    const image = page();
    const specks: [number, number][] = [
      [50, 300],
      [700, 420],
      [1000, 80],
    ];
    for (const [x, y] of specks) {
      image.pixels[y * image.width + x] = 0;
      image.pixels[y * image.width + x + 1] = 0;
    }
    printRun(image, 600, 400, 3);
    const read = printRun(image, 100, 200, 6);
    const { regions, image: left } = unreadInk(
      image,
      [lineOf([wordAt(read)])],
      [[580, 380, 300, 100]],
      DPI,
    );
    expect(regions).toEqual([]);
    // What was read is painted out of the image the regions are cut from.
    expect(left.pixels[(200 + 10) * image.width + 101]).toBe(255);
    expect(image.pixels[(200 + 10) * image.width + 101]).toBe(0);
  });
});

describe("addWordsToLines", () => {
  it("puts a word read later into the line level with it, in order of x", () => {
    const value = wordAt([400, 100, 200, CHAR], "R5-0123");
    const colon = wordAt([370, 102, 10, 30], ":");
    const [line] = addWordsToLines(
      [lineOf([colon, value])],
      [[wordAt([100, 98, 190, CHAR], "整理番号")]],
    );
    expect(line?.words.map((w) => w.text)).toEqual(["整理番号", ":", "R5-0123"]);
    expect(line?.text).toMatch(/^整理番号 ?: ?R5-0123$/);
    expect(line?.bbox).toEqual([100, 98, 500, 42]);
  });

  it("makes a line of words level with none, placed by y", () => {
    const top = lineOf([wordAt([100, 100, 200, CHAR], "上")]);
    const bottom = lineOf([wordAt([100, 300, 200, CHAR], "下")]);
    const lines = addWordsToLines([top, bottom], [[wordAt([100, 200, 40, CHAR], "中")]]);
    expect(lines.map((line) => line.text)).toEqual(["上", "中", "下"]);
    expect(lines[0]).toBe(top);
  });
});
