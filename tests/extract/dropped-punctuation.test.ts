import { createCanvas } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { findDroppedMarks } from "../../workers/extract/dropped-punctuation.ts";
import type { Glyph, Token } from "../../workers/extract/page-text.ts";
import { writtenText } from "../../workers/extract/read-field.ts";
import type { GreyImage } from "../../workers/ocr/grey-image.ts";
import { cssFont, type FontStyle, formFonts } from "../generator/fonts.ts";

const MARKS = /[、。]/u;

/**
 * A printed line as OCR would hand it over: the ink, and tokens of glyphs boxed where each
 * character was drawn, a token ending where the paper shows a blank wider than 0.6 em (after a
 * full-width mark). `dropped` lists the indexes of characters OCR did not read. `oneWord` reads
 * the line as one OCR word, its characters' boxes spread evenly over it as OCR estimates them,
 * so that those beside a dropped character are stretched over its cell.
 */
function printedLine(
  text: string,
  options: {
    style: FontStyle;
    size: number;
    dropped?: number[];
    speckAt?: number;
    oneWord?: boolean;
  },
): { ink: GreyImage; tokens: Token[]; em: number } {
  const chars = Array.from(text);
  const width = Math.ceil(options.size * (chars.length + 3));
  const height = Math.ceil(options.size * 2);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "white";
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = "black";
  ctx.font = cssFont(formFonts(options.style).filledIn, options.size);
  ctx.textBaseline = "alphabetic";
  const baseline = Math.round(options.size * 1.3);
  const left = options.size;
  ctx.fillText(text, left, baseline);
  if (options.speckAt !== undefined) {
    ctx.fillRect(left + options.speckAt * options.size, baseline - 3, 2, 2);
  }
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = rgba[i * 4] as number;

  const top = baseline - Math.round(options.size * 0.88);
  const charHeight = Math.round(options.size * 1.0);
  const tokens: Token[] = [];
  let x = left;
  let breakNext = true;
  chars.forEach((char, id) => {
    const advance = ctx.measureText(char).width;
    if (!options.dropped?.includes(id)) {
      const glyph: Glyph = {
        id,
        char,
        bbox: [x, top, advance, charHeight],
        confidence: 0.9,
        wordStart: breakNext,
      };
      if (breakNext) tokens.push({ glyphs: [], bbox: glyph.bbox, colonAfter: false });
      const token = tokens.at(-1) as Token;
      token.glyphs.push(glyph);
      token.bbox = [token.bbox[0], top, x + advance - token.bbox[0], charHeight];
    }
    breakNext = MARKS.test(char) && !options.oneWord;
    x += advance;
  });
  for (const token of options.oneWord ? tokens : []) {
    const share = token.bbox[2] / token.glyphs.length;
    token.glyphs.forEach((glyph, index) => {
      glyph.bbox = [token.bbox[0] + index * share, top, share, charHeight];
    });
  }
  return {
    ink: { pixels, width, height, inkLevel: 128 },
    tokens,
    em: charHeight,
  };
}

const styles: FontStyle[] = ["gothic", "mincho"];
// 10.5 pt type scanned at 200 and 300 dpi.
const sizes = [29, 44];

describe("a 、 or 。 OCR dropped, found in the ink", () => {
  for (const style of styles) {
    for (const size of sizes) {
      it(`puts back a dropped 。 where a sentence ends (${style}, ${size} px)`, () => {
        const text = "作成を依頼する。生活リズムを記録する。";
        const line = printedLine(text, { style, size, dropped: [7, 18] });
        expect(writtenText([line.tokens], "longtext", line.ink, line.em)).toEqual({
          text,
          reasons: ["読み取りで抜けた「。」を印字から補いました"],
          repairs: ["読み取りで抜けた「。」を印字から補いました"],
        });
      });

      it(`places a mark dropped inside an OCR word by its cell (${style}, ${size} px)`, () => {
        // Spread over one more cell than they fill, the boxes of the characters before the
        // mark put the last of them past the mark's ink.
        const text = "生活状況を確認する。次";
        const line = printedLine(text, { style, size, dropped: [9], oneWord: true });
        expect(writtenText([line.tokens], "longtext", line.ink, line.em).text).toBe(text);
      });

      it(`tells a dropped 、 from a 。 by its shape (${style}, ${size} px)`, () => {
        const text = "家賃を滞納しており、督促が来ている。";
        const line = printedLine(text, { style, size, dropped: [9] });
        const [mark] = findDroppedMarks(line.tokens, line.ink, line.em);
        expect(mark?.mark).toBe("、");
        expect(mark?.after.char).toBe("り");
        expect(writtenText([line.tokens], "text", line.ink, line.em).text).toBe(text);
      });

      it(`leaves a line alone whose marks were all read (${style}, ${size} px)`, () => {
        const text = "本人来所。相談あり、家計を点検し心配な点を整理した。";
        const line = printedLine(text, { style, size });
        expect(findDroppedMarks(line.tokens, line.ink, line.em)).toEqual([]);
      });

      it(`does not take the dots and ticks of characters for marks (${style}, ${size} px)`, () => {
        // 点 and 熱 end in four dots on the baseline, 心 has dots, な a tick, ぱ a ring.
        const text = "点検で熱心なぱん屋に寄った";
        const line = printedLine(text, { style, size });
        expect(findDroppedMarks(line.tokens, line.ink, line.em)).toEqual([]);
      });
    }
  }

  it("does not take a speck of dirt in a gap for a mark", () => {
    const text = "本人来所。相談あり";
    const line = printedLine(text, { style: "gothic", size: 44, speckAt: 5.6 });
    expect(findDroppedMarks(line.tokens, line.ink, line.em)).toEqual([]);
  });

  it("does not put a mark after a digit, where a dot ends a list number", () => {
    const text = "1。相談あり";
    const line = printedLine(text, { style: "gothic", size: 44, dropped: [1] });
    expect(findDroppedMarks(line.tokens, line.ink, line.em)).toEqual([]);
  });

  it("leaves names and dates to their own readers", () => {
    const text = "依頼する。生活";
    const line = printedLine(text, { style: "gothic", size: 44, dropped: [4] });
    expect(writtenText([line.tokens], "date", line.ink, line.em)).toEqual({
      text: "依頼する生活",
      reasons: [],
      repairs: [],
    });
  });
});
