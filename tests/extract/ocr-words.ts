/** One line of OCR words written by hand, for the checks that count a value's characters. */
import type { Token } from "../../workers/extract/page-text.ts";

/** OCR words as [text, left, width], `height` tall: each character boxed in an even share. */
export function words(height: number, ...list: [string, number, number][]): Token[][] {
  let id = 0;
  return [
    list.map(([text, left, width]) => {
      const chars = Array.from(text);
      return {
        bbox: [left, 100, width, height],
        colonAfter: false,
        glyphs: chars.map((char, index) => ({
          id: id++,
          char,
          bbox: [left + (index * width) / chars.length, 100, width / chars.length, height],
          confidence: 0.9,
          wordStart: index === 0,
        })),
      };
    }),
  ];
}

/** The words' text, a space between words. */
export const text = (lines: Token[][] | undefined) =>
  lines
    ?.flat()
    .map((token) => token.glyphs.map((glyph) => glyph.char).join(""))
    .join(" ");
