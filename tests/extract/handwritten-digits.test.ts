import { describe, expect, it } from "vitest";
import { extractForms } from "../../workers/extract/extract-forms.ts";
import { digitSpread, digitsLookHandwritten } from "../../workers/extract/handwritten-digits.ts";
import { A_HAND, drawnValue } from "./drawn-value.ts";
import { InkPage } from "./synthetic-ink.ts";

const handwritten = (value: ReturnType<typeof drawnValue>) =>
  digitsLookHandwritten(digitSpread(value.glyphs, value.ink, value.em));

// 10.5 pt type scanned at 200 and 300 dpi.
const SIZES = [29, 44];
const VALUES = ["090-1234-5678", "272-0767", "R5-0123", "2022/10/5", "R3.11.30"];

describe("handwritten digits told from typed ones by their ink", () => {
  for (const size of SIZES) {
    for (const style of ["gothic", "mincho"] as const) {
      it(`takes typed digits for type (${style}, ${size} px)`, () => {
        for (const text of VALUES) {
          const value = drawnValue(text, { size, style });
          expect(digitSpread(value.glyphs, value.ink, value.em)).toBeDefined();
          expect(handwritten(value), text).toBe(false);
        }
      });
    }
  }

  it("takes digits written one by one, off the line and unequal, for handwriting (44 px)", () => {
    for (const text of VALUES) {
      expect(handwritten(drawnValue(text, { size: 44, hand: A_HAND })), text).toBe(true);
    }
  });

  it("takes a longer value in that hand for handwriting at 200 dpi too (29 px)", () => {
    // Six characters of a tidy hand at 200 dpi stray less than a pixel or two from the line
    // fitted through them, which binarisation alone can do: R5-0123 goes unseen.
    for (const text of ["090-1234-5678", "272-0767", "2022/10/5"]) {
      expect(handwritten(drawnValue(text, { size: 29, hand: A_HAND })), text).toBe(true);
    }
  });

  it("says nothing of a text with kanji, whose characters differ in height anyway", () => {
    const value = drawnValue("東町3丁目12-5", { size: 29, hand: A_HAND });
    expect(digitSpread(value.glyphs, value.ink, value.em)).toBeUndefined();
  });

  const KANJI_DATES = ["令和5年4月12日", "2020年6月10日", "昭和17年11月17日"];

  it("measures only the digits of a date of 年月日, and takes typed ones for type", () => {
    for (const size of SIZES)
      for (const style of ["gothic", "mincho"] as const)
        for (const text of KANJI_DATES) {
          const value = drawnValue(text, { size, style });
          const digits = text.match(/[0-9]/gu)?.length;
          expect(digitSpread(value.glyphs, value.ink, value.em)?.characters, text).toBe(digits);
          expect(handwritten(value), `${style} ${size} ${text}`).toBe(false);
        }
  });

  it("takes the digits of a date of 年月日 written by hand for handwriting (44 px)", () => {
    for (const text of KANJI_DATES)
      expect(handwritten(drawnValue(text, { size: 44, hand: A_HAND })), text).toBe(true);
  });

  it("says nothing of fewer than four digits", () => {
    const value = drawnValue("R5.4", { size: 29, hand: A_HAND });
    expect(digitSpread(value.glyphs, value.ink, value.em)).toBeUndefined();
    expect(handwritten(value)).toBe(false);
  });

  it("leaves out a slash that reaches below the digits' feet", () => {
    const value = drawnValue("2022/10/5", { size: 44, style: "gothic" });
    const spread = digitSpread(value.glyphs, value.ink, value.em);
    expect(spread?.characters).toBe(7);
    expect(spread?.footStray).toBeLessThan(1.5);
  });
});

describe("a handwritten date with 年月日 in a record", () => {
  // Looser than A_HAND, whose 年月日 dates stray past a hand's limit only in exact glyph boxes.
  const LOOSER_HAND = { ...A_HAND, dy: A_HAND.dy.map((dy) => dy * 1.5) };
  function intakeDate(writing: "typed" | "handwritten") {
    const page = new InkPage();
    page.title("相談受付票");
    const value =
      writing === "typed"
        ? { ...page.text(DATE, 350, 200), confidence: 0.98 }
        : page.handText(DATE, 350, 200, LOOSER_HAND, 0.98);
    page.line([page.text("受付日", 150, 200), value]);
    const [form] = extractForms([page.evidence()], { today: "2025-01-01" });
    return form?.items.common.intake_date;
  }
  const DATE = "令和4年4月29日";

  it("goes to review however sure OCR was, its characters off their line", () => {
    expect(intakeDate("handwritten")).toMatchObject({
      value: "2022-04-29",
      needsReview: true,
      reason: expect.stringContaining("手書きの数字に見えます"),
    });
  });

  it("is accepted typed", () => {
    expect(intakeDate("typed")).toMatchObject({ value: "2022-04-29", needsReview: false });
  });
});
