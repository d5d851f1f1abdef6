import { describe, expect, it } from "vitest";
import { right, unionBoxes } from "../../workers/extract/boxes.ts";
import { characterOverTwo } from "../../workers/extract/merged-characters.ts";
import type { Glyph, Token } from "../../workers/extract/page-text.ts";
import { A_HAND, drawnValue } from "./drawn-value.ts";

/** The glyphs with the one at `at` and the next read by OCR as one character, boxed over both. */
function readAsOne(glyphs: readonly Glyph[], at: number): Glyph[] {
  const [first, second] = [glyphs[at] as Glyph, glyphs[at + 1] as Glyph];
  const merged: Glyph = { ...first, bbox: unionBoxes([first.bbox, second.bbox]) ?? first.bbox };
  return [...glyphs.slice(0, at), merged, ...glyphs.slice(at + 2)];
}

/** The glyphs as one line of one OCR word. */
function asLine(glyphs: Glyph[]): Token[][] {
  return [
    [
      {
        glyphs,
        bbox: unionBoxes(glyphs.map((glyph) => glyph.bbox)) ?? [0, 0, 0, 0],
        colonAfter: false,
      },
    ],
  ];
}

describe("a character whose box holds the ink of two", () => {
  it("is found where OCR read two handwritten characters as one", () => {
    // 加藤優子 in a hand, its 優子 read 優 (held-out seed 44).
    const { glyphs, ink, em } = drawnValue("加藤優子", { size: 30, hand: A_HAND });
    expect(characterOverTwo(asLine(readAsOne(glyphs, 2)), ink, em)?.char).toBe("優");
    expect(characterOverTwo(asLine(glyphs), ink, em)).toBeUndefined();
  });

  it("finds three kanji of a name read as two, each boxed half a kanji wider than the others", () => {
    // 後藤 久美子 in a hand, read 後藤 久美, 久 and 美 boxed 1.56 em wide (held-out seed 49).
    const { glyphs, ink, em } = drawnValue("後藤久美子", { size: 30, hand: A_HAND });
    const [first, second, ku, mi, ko] = glyphs as [Glyph, Glyph, Glyph, Glyph, Glyph];
    const middle = (ku.bbox[0] + right(ko.bbox)) / 2;
    const readAsTwo: Glyph[] = [
      first,
      second,
      { ...ku, bbox: [ku.bbox[0], ku.bbox[1], middle - ku.bbox[0], ku.bbox[3]] },
      { ...mi, bbox: [middle, mi.bbox[1], right(ko.bbox) - middle, mi.bbox[3]] },
    ];
    const asName = { againstOthers: true };
    expect(characterOverTwo(asLine(readAsTwo), ink, em, asName)?.char).toBe("久");
    expect(characterOverTwo(asLine(readAsTwo), ink, em)).toBeUndefined();
    expect(characterOverTwo(asLine(glyphs), ink, em, asName)).toBeUndefined();
    for (const style of ["gothic", "mincho"] as const) {
      const typed = drawnValue("後藤久美子", { size: 30, style });
      expect(characterOverTwo(asLine(typed.glyphs), typed.ink, typed.em, asName)).toBeUndefined();
    }
  });

  it("is not a character boxed with the 。 after it, nor a wide hand's one character", () => {
    const typed = drawnValue("来所。", { size: 27, style: "gothic" });
    expect(
      characterOverTwo(asLine(readAsOne(typed.glyphs, 1)), typed.ink, typed.em),
    ).toBeUndefined();
    const handwritten = drawnValue("佐藤様", { size: 30, hand: A_HAND });
    expect(
      characterOverTwo(asLine(handwritten.glyphs), handwritten.ink, handwritten.em),
    ).toBeUndefined();
  });

  it("measures a line of characters larger than the value's em by their own height", () => {
    // The value's em is the median of all its readings' heights: one reading's line may be
    // twice it (seed 39).
    const { glyphs, ink, em } = drawnValue("相模原市", { size: 44, style: "gothic" });
    expect(characterOverTwo(asLine(glyphs), ink, em / 2)).toBeUndefined();
    expect(characterOverTwo(asLine(readAsOne(glyphs, 0)), ink, em / 2)?.char).toBe("相");
  });

  it("counts only the ink between its neighbours' boxes, which OCR lets overlap it", () => {
    const { glyphs, ink, em } = drawnValue("山田花子", { size: 30, hand: A_HAND });
    const [before, middle, after] = glyphs as [Glyph, Glyph, Glyph, Glyph];
    const overlapping: Glyph = {
      ...middle,
      bbox: [
        before.bbox[0] + 5,
        middle.bbox[1],
        right(after.bbox) - 5 - before.bbox[0] - 5,
        middle.bbox[3],
      ],
    };
    const line = glyphs.map((glyph) => (glyph === middle ? overlapping : glyph));
    expect(overlapping.bbox[2]).toBeGreaterThan(1.6 * em);
    expect(characterOverTwo(asLine(line), ink, em)).toBeUndefined();
  });

  it("is not a digit, whose ink is half as wide: a digit read for four is the value's check's", () => {
    const { glyphs, ink, em } = drawnValue("2023", { size: 30, hand: A_HAND });
    const oneForFour = readAsOne(readAsOne(readAsOne(glyphs, 0), 0), 0);
    expect((oneForFour[0] as Glyph).bbox[2]).toBeGreaterThan(1.6 * em);
    expect(characterOverTwo(asLine(oneForFour), ink, em)).toBeUndefined();
  });
});
