import { describe, expect, it } from "vitest";
import { unionBoxes } from "../../workers/extract/boxes.ts";
import type { Token } from "../../workers/extract/page-text.ts";
import { lineStray, looksTypeset, strayLikeAHand } from "../../workers/extract/typeset-line.ts";
import { A_HAND, drawnValue, type Hand } from "./drawn-value.ts";

/** The drawn value as one line of one OCR word. */
function asLines(value: ReturnType<typeof drawnValue>): Token[][] {
  return [
    [
      {
        glyphs: value.glyphs,
        bbox: unionBoxes(value.glyphs.map((glyph) => glyph.bbox)) ?? [0, 0, 0, 0],
        colonAfter: false,
      },
    ],
  ];
}

const typeset = (value: ReturnType<typeof drawnValue>) =>
  looksTypeset(asLines(value), value.ink, value.em);

// 10.5 pt type scanned at 200 and 300 dpi.
const SIZES = [29, 44];
const VALUES = [
  "田中 幸子",
  "サトウ ハナコ",
  "福岡県久留米市東町3丁目",
  "生活困窮者自立相談支援機関",
];

describe("typed values told from handwritten ones by the line their characters stand on", () => {
  for (const size of SIZES) {
    for (const style of ["gothic", "mincho"] as const) {
      it(`takes typed text for type (${style}, ${size} px)`, () => {
        for (const text of VALUES) {
          const value = drawnValue(text, { size, style });
          expect(lineStray(asLines(value), value.ink, value.em), text).toBeDefined();
          expect(typeset(value), text).toBe(true);
        }
      });
    }
  }

  for (const size of SIZES) {
    it(`does not take characters written one by one off the line for type (${size} px)`, () => {
      for (const text of VALUES)
        expect(typeset(drawnValue(text, { size, hand: A_HAND })), text).toBe(false);
    });
  }

  it("says nothing of fewer than three full-height characters", () => {
    const value = drawnValue("小野", { size: 44, style: "gothic" });
    expect(lineStray(asLines(value), value.ink, value.em)).toBeUndefined();
    expect(typeset(value)).toBe(false);
  });

  it("leaves marks and small characters out of the measure", () => {
    // Brackets and slashes reach below the line by design; with them measured it would stray.
    const value = drawnValue("（令和）2023/4/1", { size: 44, style: "mincho" });
    expect(typeset(value)).toBe(true);
  });
});

describe("values whose characters stray from their line as only a hand's do", () => {
  // Dates with 年月日, which handwritten-digits.ts leaves alone: its kanji stand taller anyway.
  const HAND_DATES = ["令和4年4月29日", "2022年5月23日", "平成元年12月3日"];
  const handStray = (value: ReturnType<typeof drawnValue>, kanjiDate = false) =>
    strayLikeAHand(lineStray(asLines(value), value.ink, value.em), kanjiDate);
  // A tidier hand: each character set off the line by four fifths of A_HAND's.
  const TIDIER: Hand = {
    dy: A_HAND.dy.map((dy) => dy * 0.8),
    angle: A_HAND.angle.map((angle) => angle * 0.8),
    scale: A_HAND.scale.map((scale) => 1 + (scale - 1) * 0.8),
  };

  it("takes a tidier hand's dates of 年月日 for a hand, as it would not digits alone", () => {
    for (const text of HAND_DATES) {
      const value = drawnValue(text, { size: 44, hand: TIDIER });
      expect(handStray(value, true), text).toBe(true);
      expect(handStray(value), text).toBe(false);
    }
  });

  for (const size of SIZES) {
    it(`takes dates written one by one off the line for a hand (${size} px)`, () => {
      for (const text of HAND_DATES)
        expect(handStray(drawnValue(text, { size, hand: A_HAND })), text).toBe(true);
    });

    it(`never takes dates and numbers typed for a hand (${size} px)`, () => {
      for (const style of ["gothic", "mincho"] as const)
        for (const text of [...HAND_DATES, "2021/3/19", "R4-0281"])
          expect(
            handStray(drawnValue(text, { size, style }), HAND_DATES.includes(text)),
            `${style} ${text}`,
          ).toBe(false);
    });
  }
});
