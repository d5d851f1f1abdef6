import { beforeAll, describe, expect, it } from "vitest";
import { excessCharacters } from "../../workers/extract/character-count.ts";
import { withExtraCharactersDropped } from "../../workers/extract/extra-character.ts";
import { type LanguageModel, loadLanguageModel } from "../../workers/extract/language-model.ts";
import type { Token } from "../../workers/extract/page-text.ts";
import type { GreyImage } from "../../workers/ocr/grey-image.ts";
import { InkPage } from "./synthetic-ink.ts";

const PRINTED = "いるが、母の見守りのために欠勤が続いている。";
/** As tesseract read it on seed 25: a stroke of 欠 read as 人 before it. */
const ONE_TOO_MANY = "いるが、母の見守りのために人欠勤が続いている。";

/** `printed` typed on a page, and a line of OCR reading it as `read`, boxed over the ink. */
function typedLine(read: string, printed = PRINTED): { line: Token[]; ink: GreyImage; em: number } {
  const page = new InkPage();
  const word = page.text(printed, 100, 200);
  const ink = page.evidence().ink as GreyImage;
  const chars = Array.from(read);
  const [x, y, width, height] = word.bbox;
  const glyphs = chars.map((char, index) => ({
    id: index,
    char,
    bbox: [x + (index * width) / chars.length, y, width / chars.length, height] as const,
    confidence: 0.9,
    wordStart: index === 0,
  }));
  return {
    line: [
      {
        glyphs: glyphs.map((g) => ({ ...g, bbox: [...g.bbox] })),
        bbox: word.bbox,
        colonAfter: false,
      },
    ],
    ink,
    em: height,
  };
}

const textOf = (lines: readonly Token[][]) =>
  lines.map((line) => line.flatMap((token) => token.glyphs.map((glyph) => glyph.char)).join(""));

describe("the characters a typed line's ink holds", () => {
  it("agree with a line read right, and come one short of a line read with one too many", () => {
    const right = typedLine(PRINTED);
    const wrong = typedLine(ONE_TOO_MANY);
    const asRead = excessCharacters(right.line, right.ink, right.em) as number;
    const oneMore = excessCharacters(wrong.line, wrong.ink, wrong.em) as number;
    expect(Math.abs(asRead)).toBeLessThan(0.5);
    expect(oneMore).toBeGreaterThan(0.95);
    expect(oneMore).toBeLessThan(1.5);
  });
});

describe("a character read that the ink does not hold", () => {
  let language: LanguageModel;
  beforeAll(async () => {
    language = await loadLanguageModel();
  }, 60_000);

  it("is dropped where the language reads the line likeliest without it, for review", () => {
    const { line, ink, em } = typedLine(ONE_TOO_MANY);
    const result = withExtraCharactersDropped([line], ink, em, language);
    expect(textOf(result.lines)).toEqual([PRINTED]);
    expect(result).toMatchObject({
      repairs: ["印字より一字多く読まれた行の「人」を除きました"],
      warnings: [],
    });
    // 希 read as 和希 on seed 16.
    const printed = "早く仕事を見つけたいとの希望がある。";
    const split = typedLine("早く仕事を見つけたいとの和希望がある。", printed);
    expect(
      textOf(withExtraCharactersDropped([split.line], split.ink, split.em, language).lines),
    ).toEqual([printed]);
    // The ring of ① read apart, which the dictionary cannot judge.
    const numbered = "①相談センターが本人との関係づくりを担う。";
    const ring = typedLine(`〇${numbered}`, numbered);
    expect(withExtraCharactersDropped([ring.line], ring.ink, ring.em, language)).toMatchObject({
      repairs: ["印字より一字多く読まれた行の「〇」を除きました"],
    });
  });

  it("sends the line to review as read when the language finds no character to drop", () => {
    // A speck read as 。 before the line (seed 25): no kana or kanji is too many.
    const printed = "ボランティアとともにごみの片付けを行った。";
    const read = `。${printed}`;
    const { line, ink, em } = typedLine(read, printed);
    const result = withExtraCharactersDropped([line], ink, em, language);
    expect(textOf(result.lines)).toEqual([read]);
    expect(result).toMatchObject({
      repairs: [],
      warnings: ["印字の字数より一字多く読まれた行があります"],
    });
  });

  it("drops nothing where 一 was read as two long-vowel marks, which the normaliser reads", () => {
    const printed = "本人は配偶者を亡くして以降、長く一人で暮らしている。";
    const read = "本人は配偶者を亡くして以降、長くーー人で暮らしている。";
    const { line, ink, em } = typedLine(read, printed);
    const result = withExtraCharactersDropped([line], ink, em, language);
    expect(textOf(result.lines)).toEqual([read]);
    expect(result.warnings).toEqual(["印字の字数より一字多く読まれた行があります"]);
  });

  it("leaves a line read with as many characters as printed alone", () => {
    const { line, ink, em } = typedLine(PRINTED);
    expect(withExtraCharactersDropped([line], ink, em, language)).toEqual({
      lines: [line],
      repairs: [],
      warnings: [],
    });
  });
});
