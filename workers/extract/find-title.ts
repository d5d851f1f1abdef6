import type { FormDefinitions, FormDocType } from "../../config/forms/form-definitions.ts";
import type { BBox } from "../ocr/ocr-result.ts";
import { median } from "./boxes.ts";
import { labelKey } from "./label-text.ts";
import type { PageText, TextLine } from "./page-text.ts";

export interface TitleHit {
  docType: FormDocType;
  /** The title variant it was read as. */
  title: string;
  edits: number;
  glyphIds: ReadonlySet<number>;
  bbox: BBox;
}

/** Titles are printed in the top part of the first sheet of a form. */
const TITLE_REGION = 0.3;
/** …in type clearly larger than the labels and values. */
const TITLE_SIZE_RATIO = 1.25;
/** The title is most of its line: a prefix such as 〇〇市 may stand before it, little else. */
const MIN_COVER = 0.5;

/**
 * The title that starts a form, if the page has one: a line in the top part of the page that
 * is mostly one of the docTypes' title variants. A misread character is forgiven only in a
 * title printed large, so a row such as 会議種別 can never pass for 会議録.
 */
export function findTitle(page: PageText, definitions: FormDefinitions): TitleHit | null {
  const typical = median(page.lines.map((line) => line.em));
  let best: (TitleHit & { score: number }) | null = null;
  for (const line of page.lines) {
    if (line.bbox[1] > TITLE_REGION * page.height) continue;
    const large = line.em >= TITLE_SIZE_RATIO * typical;
    const text = labelKey(lineChars(line));
    for (const { docType, titles } of definitions.docTypes) {
      for (const title of titles) {
        const key = labelKey(title);
        if (key.length === 0 || key.length < MIN_COVER * text.length) continue;
        const edits = large
          ? substringDistance(key, text)
          : text.includes(key)
            ? 0
            : Number.POSITIVE_INFINITY;
        if (edits > Math.floor(key.length / 4)) continue;
        const score = key.length - 2 * edits;
        if (best && score <= best.score) continue;
        best = {
          docType,
          title,
          edits,
          score,
          glyphIds: new Set(line.tokens.flatMap((token) => token.glyphs.map((glyph) => glyph.id))),
          bbox: line.bbox,
        };
      }
    }
  }
  if (!best) return null;
  const { score: _, ...hit } = best;
  return hit;
}

function lineChars(line: TextLine): string {
  return line.tokens.flatMap((token) => token.glyphs.map((glyph) => glyph.char)).join("");
}

/** Fewest edits turning `pattern` into some substring of `text` (Sellers' algorithm). */
function substringDistance(pattern: string, text: string): number {
  const p = Array.from(pattern);
  const t = Array.from(text);
  let previous = p.map((_, i) => i + 1);
  previous.unshift(0);
  let best = previous[p.length] as number;
  for (const char of t) {
    const current = [0];
    for (let i = 1; i <= p.length; i++) {
      const substitution = (previous[i - 1] as number) + (p[i - 1] === char ? 0 : 1);
      current.push(
        Math.min(substitution, (previous[i] as number) + 1, (current[i - 1] as number) + 1),
      );
    }
    best = Math.min(best, current[p.length] as number);
    previous = current;
  }
  return best;
}
