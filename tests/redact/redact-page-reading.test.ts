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
});
