import { describe, expect, it } from "vitest";
import { builtinFormDefinitions } from "../../config/forms/builtin-form-definitions.ts";
import { extractForms } from "../../workers/extract/extract-forms.ts";
import type { FieldItem } from "../../workers/extract/extracted-form.ts";
import type { Token } from "../../workers/extract/page-text.ts";
import { readChoice } from "../../workers/extract/read-choice.ts";
import type { BBox, OcrWord } from "../../workers/ocr/ocr-result.ts";
import { FONT_PX, InkPage, type Mark } from "./synthetic-ink.ts";

function read(page: InkPage, withInk = true): Record<string, FieldItem> {
  const [form] = extractForms([page.evidence({ withInk })], { today: "2025-01-01" });
  return { ...form?.items.common, ...form?.items.optional };
}

function sex(marks: [Mark, Mark, Mark]): FieldItem | undefined {
  const page = new InkPage();
  page.options(
    "性別",
    [
      ["男性", marks[0]],
      ["女性", marks[1]],
      ["その他", marks[2]],
    ],
    200,
  );
  return read(page).sex;
}

/** A word as OCR boxed it, its characters spread evenly across the box. */
function token(text: string, bbox: BBox, id: number): Token {
  return {
    glyphs: Array.from(text, (char, index) => ({
      id: id + index,
      char,
      bbox: [bbox[0] + (index * bbox[2]) / text.length, bbox[1], bbox[2] / text.length, bbox[3]],
      confidence: 0.9,
      wordStart: index === 0,
    })),
    bbox,
    colonAfter: false,
  };
}

const MARK_STYLES: [Mark, Mark][] = [
  ["check", "empty"],
  ["circle", "none"],
];

/** 課題 on an assessment sheet, over two lines; `unread` is an option OCR read nothing of. */
function issuesPage(marked: string[], mark: Mark, blank: Mark, unread?: string): InkPage {
  const page = new InkPage();
  page.title("アセスメントシート");
  const line = (words: string[]): [string, Mark, string?][] =>
    words.map((word): [string, Mark, string?] =>
      word === unread
        ? [word, marked.includes(word) ? mark : blank, ""]
        : [word, marked.includes(word) ? mark : blank],
    );
  page.options("課題", line(["経済的困窮", "就労", "住まい", "健康", "障害", "介護"]), 200);
  page.options(null, line(["子育て", "ひきこもり", "家族関係", "債務", "虐待・DV", "その他"]), 250);
  return page;
}

describe("choice marks read from the ink", () => {
  it("reads a ticked box, whatever OCR made of it", () => {
    expect(sex(["empty", "check", "empty"])).toMatchObject({ value: "female", needsReview: false });
  });

  it("reads a filled box", () => {
    expect(sex(["fill", "empty", "empty"])).toMatchObject({ value: "male", needsReview: false });
  });

  it("reads a filled box with a speck of the scan just above it", () => {
    // The box of 男性 is drawn at x 350, 0.8 em high, centred on the line at baseline 200.
    const page = new InkPage();
    page.speck(360, 200 - FONT_PX * 0.38 - FONT_PX * 0.4 - 5);
    page.options(
      "性別",
      [
        ["男性", "fill"],
        ["女性", "empty"],
        ["その他", "empty"],
      ],
      200,
    );
    expect(read(page).sex).toMatchObject({ value: "male", needsReview: false });
  });

  it("reads an option circled by hand", () => {
    expect(sex(["none", "none", "circle"])).toMatchObject({ value: "other", needsReview: false });
  });

  it("sends two marked options, or none, to review without a value", () => {
    expect(sex(["check", "check", "empty"])).toMatchObject({
      value: null,
      needsReview: true,
      reason: expect.stringContaining("複数の選択肢に印があります"),
    });
    expect(sex(["empty", "empty", "empty"])).toMatchObject({
      value: null,
      needsReview: true,
      reason: expect.stringContaining("印のついた選択肢がありません"),
    });
  });

  it("reads a line of which OCR missed the circled option in printed order, for review", () => {
    // The circled 男性 read as <: laying 女性 and その他 alone onto the line's ink had put 女性
    // on the circled word.
    const page = new InkPage();
    page.options(
      "性別",
      [
        ["男性", "circle", "<"],
        ["女性", "none"],
        ["その他", "none"],
      ],
      200,
    );
    expect(read(page).sex).toMatchObject({
      value: "male",
      needsReview: true,
      reason: "読み取れない選択肢があり、印刷の順序から印を読みました",
    });
  });

  it("suggests the option OCR read in brackets when the ink shows no circle, for review", () => {
    const page = new InkPage();
    page.options(
      "性別",
      [
        ["男性", "none"],
        ["女性", "none", "(女性)"],
        ["その他", "none"],
      ],
      200,
    );
    expect(read(page).sex).toMatchObject({
      value: "female",
      needsReview: true,
      reason: expect.stringContaining("括弧に読めた「女性」"),
    });
  });

  it("reads every marked option of a multichoice over two lines, boxes or circles", () => {
    for (const [marked, blank] of MARK_STYLES) {
      const page = issuesPage(["経済的困窮", "介護", "債務"], marked, blank);
      expect(read(page).issues, marked).toMatchObject({
        value: ["economic", "care", "debt"],
        needsReview: false,
      });
    }
  });

  it("reads the mark of an option OCR missed between two it read, for review", () => {
    for (const [marked, blank] of MARK_STYLES) {
      const page = issuesPage(["経済的困窮", "健康", "債務"], marked, blank, "健康");
      expect(read(page).issues, marked).toMatchObject({
        value: ["economic", "health", "debt"],
        needsReview: true,
        reason: expect.stringContaining(
          "読み取れない選択肢（健康）の印を、印刷の順序から読みました",
        ),
      });
    }
  });

  it("reads the era circled on a printed row of eras", () => {
    const page = new InkPage();
    page.eraDate("生年月日", ["大正", "昭和", "平成"], "昭和", "62年11月3日", 200);
    expect(read(page).birth_date).toMatchObject({ value: "1987-11-03", needsReview: false });
  });

  it("reads circled options OCR could not read in their printed order, for review", () => {
    const page = new InkPage();
    page.title("終結報告書");
    page.options(
      "終結",
      [
        ["終結", "none", "の了"],
        ["継続", "circle", "絡"],
      ],
      200,
    );
    expect(read(page).closure).toMatchObject({
      value: "continued",
      needsReview: true,
      reason: expect.stringContaining("印刷の順序"),
    });
  });

  it("reads a circled option that is also the field's label, read in brackets, below the label", () => {
    // 終結 over (終結) 継続: the option, an exact reading of the label, had been taken for it.
    const page = new InkPage();
    page.title("終結報告書");
    page.line([page.text("終結", 100, 150, "才結")]);
    const circled = page.text("終結", 100, 220, "(終結)");
    page.circle(circled);
    page.line([circled, page.text("継続", 260, 220)]);
    expect(read(page).closure).toMatchObject({ value: "closed" });
  });

  it("reads the option that is also the label after the label on its line", () => {
    const page = new InkPage();
    page.title("終結報告書");
    page.options(
      "終結",
      [
        ["終結", "circle"],
        ["継続", "none"],
      ],
      200,
    );
    expect(read(page).closure).toMatchObject({ value: "closed", needsReview: false });
  });

  it("reads options OCR could not read in their printed order inside their ruled cell only", () => {
    // 情報共有の同意 | (有) 無 : OCR read the circled 有 as も) and the 無 not at all; the label
    // stands in the cell beside, near enough to pass for a third option word.
    const page = new InkPage();
    page.text("の同意", 170, 200);
    const circled = page.text("有", 300, 200, "も)");
    page.circle(circled);
    page.text("無", 370, 200);
    const ink = page.evidence().ink;
    const token = (word: OcrWord): Token => ({
      glyphs: [{ id: 1, char: word.text, bbox: word.bbox, confidence: 0.3, wordStart: true }],
      bbox: word.bbox,
      colonAfter: false,
    });
    const options = builtinFormDefinitions.fields.find(
      (field) => field.key === "consent_info_sharing",
    )?.options;
    const read = (cell: BBox | null) =>
      readChoice([[token(circled)]], options ?? [], { multiple: false, ink, em: FONT_PX, cell });
    expect(read([280, 150, 400, 80])).toMatchObject({
      codes: [true],
      reasons: [expect.stringContaining("印刷の順序")],
    });
    expect(read(null).codes).toEqual([]);
  });

  it("reaches across the ruled cell for a circled option OCR lost far before the one it read", () => {
    // 終結 circled, then 継続 three em on: OCR read only 継続 (seed 25), two em past which a
    // line's reach ends.
    const page = new InkPage();
    const circled = page.text("終結", 300, 200, "");
    page.circle(circled);
    const other = page.text("継続", 300 + 4 * FONT_PX, 200);
    const ink = page.evidence().ink;
    const token: Token = {
      glyphs: [{ id: 1, char: other.text, bbox: other.bbox, confidence: 0.9, wordStart: true }],
      bbox: other.bbox,
      colonAfter: false,
    };
    const options = builtinFormDefinitions.fields.find((field) => field.key === "closure")?.options;
    const read = (cell: BBox | null) =>
      readChoice([[token]], options ?? [], { multiple: false, ink, em: FONT_PX, cell });
    expect(read([280, 150, 600, 80])).toMatchObject({
      codes: ["closed"],
      reasons: [expect.stringContaining("印刷の順序")],
    });
    expect(read(null).codes).toEqual([]);
  });

  it("reads the circled option in printed order when the cell's rule lies just under the line", () => {
    // (有) 無 : OCR read the loop as ( and 無 as 舞; the cell's bottom rule, ragged, lies within
    // the slack searched below OCR's line and outweighs each row of the characters.
    const page = new InkPage();
    const circled = page.text("有", 300, 200, "(");
    page.circle(circled);
    const other = page.text("無", 370, 200, "舞");
    page.raggedRule(280, 214, 600);
    const ink = page.evidence().ink;
    const token = (word: OcrWord, id: number): Token => ({
      glyphs: [{ id, char: word.text, bbox: word.bbox, confidence: 0.3, wordStart: true }],
      bbox: word.bbox,
      colonAfter: false,
    });
    const options = builtinFormDefinitions.fields.find(
      (field) => field.key === "consent_info_sharing",
    )?.options;
    const read = readChoice([[token(circled, 1), token(other, 2)]], options ?? [], {
      multiple: false,
      ink,
      em: FONT_PX,
      cell: [280, 150, 600, 64],
    });
    expect(read).toMatchObject({ codes: [true], reasons: [expect.stringContaining("印刷の順序")] });
  });

  it("reads a circled one-character option in printed order though its loop inks rows as densely", () => {
    // (有) 無 in Mincho: OCR read the loop and 有 as (人, boxed as tall as the loop, and 無 as 舞.
    // Around one character the loop's arcs ink as many pixels a row as the two characters.
    const page = new InkPage({ face: "mincho", penWidth: 4 });
    const circled = page.text("有", 300, 200, "(人");
    page.circle(circled);
    const other = page.text("無", 370, 200, "舞");
    const ink = page.evidence().ink;
    const [x, y, w, h] = circled.bbox;
    const loop: BBox = [x - 8, y - 12, w + 16, h + 24];
    const token = (text: string, bbox: BBox, id: number): Token => ({
      glyphs: [{ id, char: text, bbox, confidence: 0.1, wordStart: true }],
      bbox,
      colonAfter: false,
    });
    const options = builtinFormDefinitions.fields.find(
      (field) => field.key === "consent_info_sharing",
    )?.options;
    const read = readChoice([[token("(人", loop, 1), token("舞", other.bbox, 2)]], options ?? [], {
      multiple: false,
      ink,
      em: (loop[3] + other.bbox[3]) / 2,
      cell: [280, 150, 600, 90],
    });
    expect(read).toMatchObject({ codes: [true], reasons: [expect.stringContaining("印刷の順序")] });
  });

  it("reads a circled option whose OCR box took in the loop, beside a label in the next cell", () => {
    // 情報共有の同意 | (同意する) 同意しない : OCR's box of the circled word is as tall as the
    // loop, so the value's em is half again the characters' height; laid out in that em, the
    // options had seemed to fit the label's ink and the circled word together.
    const page = new InkPage();
    page.text("の同意", 60, 200);
    const circled = page.text("同意する", 190, 200);
    page.circle(circled);
    const other = page.text("同意しない", 190 + circled.bbox[2] + FONT_PX * 1.6, 200);
    const ink = page.evidence().ink;
    const [x, y, w, h] = circled.bbox;
    const tall: BBox = [x - 8, y - 12, w + 16, h + 24];
    const options = builtinFormDefinitions.fields.find(
      (field) => field.key === "consent_info_sharing",
    )?.options;
    const read = readChoice(
      [[token("同意する", tall, 1), token("同意しない", other.bbox, 10)]],
      options ?? [],
      { multiple: false, ink, em: tall[3], cell: [170, 120, 700, 120] },
    );
    expect(read).toMatchObject({ codes: [true], reasons: [] });
  });

  it("keeps a speck read beside the label from stretching the options' line into the label", () => {
    // 性別： (男) 女 その他, the label's colon read as a "(" three pixels wide: reaching from it,
    // the line took in 別, and the options laid onto the ink put 女 on the circled 男.
    const page = new InkPage();
    page.text("性別", 60, 200);
    const men = page.text("男", 60 + FONT_PX * 7, 200);
    page.circle(men);
    const women = page.text("女", 60 + FONT_PX * 9.5, 200);
    const other = page.text("その他", 60 + FONT_PX * 12, 200);
    const ink = page.evidence().ink;
    const speck: BBox = [60 + FONT_PX * 3, 200 - FONT_PX * 0.4, 3, 13];
    const options = builtinFormDefinitions.fields.find((field) => field.key === "sex")?.options;
    const read = readChoice(
      [
        [
          token("(", speck, 1),
          token("男", men.bbox, 2),
          token("女", women.bbox, 3),
          token("その他", other.bbox, 4),
        ],
      ],
      options ?? [],
      { multiple: false, ink, em: FONT_PX, cell: null },
    );
    expect(read).toMatchObject({ codes: ["male"], reasons: [] });
  });

  it("without ink, trusts OCR's box characters only for a value sent to review", () => {
    const page = new InkPage();
    const word = (text: string, x: number) => ({
      text,
      confidence: 0.95,
      bbox: [x, 180, 30 * text.length, 28] as [number, number, number, number],
    });
    page.line([word("性別", 100), word("☑男性", 350), word("□女性", 520)]);
    expect(read(page, false).sex).toMatchObject({ value: "male", needsReview: true });
  });
});
