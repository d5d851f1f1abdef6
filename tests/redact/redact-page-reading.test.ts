import { describe, expect, it } from "vitest";
import type { OcrCell, OcrLine } from "../../workers/ocr/ocr-result.ts";
import { REDACTED_INDIVIDUAL_NUMBER } from "../../workers/redact/find-individual-numbers.ts";
import { individualNumberCheckDigit } from "../../workers/redact/individual-number.ts";
import { redactPageReading } from "../../workers/redact/redact-page-reading.ts";

const FIRST_11 = "12345678901";
const NUMBER = `${FIRST_11}${individualNumberCheckDigit(FIRST_11)}`;
/** The same number with one digit misread: its check digit no longer holds. */
const MISREAD = `${NUMBER.slice(0, 4)}${(Number(NUMBER[4]) + 1) % 10}${NUMBER.slice(5)}`;

const line: OcrLine = {
  text: `個人番号 ${NUMBER}`,
  confidence: 0.9,
  bbox: [100, 500, 700, 40],
  words: [
    { text: "個人番号", confidence: 0.9, bbox: [100, 500, 160, 40] },
    { text: NUMBER, confidence: 0.9, bbox: [300, 500, 500, 40] },
  ],
};

/** The second reading of the same line, enlarged, split the number and misread a digit. */
const secondReading: OcrCell = {
  bbox: [90, 490, 720, 60],
  text: `個人番号 ${MISREAD.slice(0, 6)} ${MISREAD.slice(6)}`,
  confidence: 0.8,
  words: [
    { text: "個人番号", confidence: 0.9, bbox: [100, 500, 160, 40] },
    { text: MISREAD.slice(0, 6), confidence: 0.7, bbox: [300, 500, 250, 40] },
    { text: MISREAD.slice(6), confidence: 0.7, bbox: [550, 500, 250, 40] },
  ],
};

describe("redactPageReading", () => {
  it("redacts a number found by one reading from every reading of the same place", () => {
    const redacted = redactPageReading([line], [secondReading]);
    expect(redacted.boxes).toHaveLength(1);
    const [cell] = redacted.cells;
    expect(cell?.text).toBe(`個人番号${REDACTED_INDIVIDUAL_NUMBER}`);
    expect(cell?.words.map((word) => word.text)).toEqual(["個人番号", REDACTED_INDIVIDUAL_NUMBER]);
    expect(JSON.stringify(redacted)).not.toContain(MISREAD.slice(0, 6));
    expect(JSON.stringify(redacted)).not.toContain(NUMBER.slice(0, 6));
  });

  it("boxes and redacts a number the whole-page reading spread over two lines", () => {
    const wrapped: OcrLine[] = [
      {
        text: `個人番号 ${NUMBER.slice(0, 4)} ${NUMBER.slice(4, 8)}`,
        confidence: 0.9,
        bbox: [100, 500, 560, 40],
        words: [
          { text: "個人番号", confidence: 0.9, bbox: [100, 500, 160, 40] },
          { text: NUMBER.slice(0, 4), confidence: 0.9, bbox: [300, 500, 160, 40] },
          { text: NUMBER.slice(4, 8), confidence: 0.9, bbox: [500, 500, 160, 40] },
        ],
      },
      {
        text: `${NUMBER.slice(8)} 世帯主`,
        confidence: 0.9,
        bbox: [100, 560, 400, 40],
        words: [
          { text: NUMBER.slice(8), confidence: 0.9, bbox: [100, 560, 160, 40] },
          { text: "世帯主", confidence: 0.9, bbox: [300, 560, 120, 40] },
        ],
      },
    ];
    const redacted = redactPageReading(wrapped, []);
    // One box per line's part, so that neither covers the other line's text.
    expect(redacted.boxes).toEqual([
      [300, 500, 360, 40],
      [100, 560, 160, 40],
    ]);
    expect(redacted.lines.map((line) => line.text)).toEqual([
      `個人番号${REDACTED_INDIVIDUAL_NUMBER}`,
      `${REDACTED_INDIVIDUAL_NUMBER}世帯主`,
    ]);
    expect(JSON.stringify(redacted)).not.toMatch(/[0-9]{4}/u);
  });

  it("leaves digits across two lines alone when they are not a number", () => {
    const notANumber: OcrLine[] = [
      {
        text: `電話 ${MISREAD.slice(0, 6)}`,
        confidence: 0.9,
        bbox: [100, 500, 460, 40],
        words: [
          { text: "電話", confidence: 0.9, bbox: [100, 500, 80, 40] },
          { text: MISREAD.slice(0, 6), confidence: 0.9, bbox: [300, 500, 260, 40] },
        ],
      },
      {
        text: MISREAD.slice(6),
        confidence: 0.9,
        bbox: [100, 560, 260, 40],
        words: [{ text: MISREAD.slice(6), confidence: 0.9, bbox: [100, 560, 260, 40] }],
      },
    ];
    const redacted = redactPageReading(notANumber, []);
    expect(redacted.boxes).toEqual([]);
    expect(redacted.lines).toEqual(notANumber);
  });
});
