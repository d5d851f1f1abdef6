import { type Edges, type GreyImage, isInk, toEdges } from "../ocr/grey-image.ts";
import type { BBox } from "../ocr/ocr-result.ts";
import { bottom, median, right, unionBoxes } from "./boxes.ts";
import { withFaintInk } from "./faint-ink.ts";
import { inkComponents } from "./ink-components.ts";
import type { Glyph, Token } from "./page-text.ts";
import { advances } from "./type-metrics.ts";

/** A 、 or 。 printed in a line, found in its ink, that OCR did not read. */
export interface DroppedMark {
  mark: "、" | "。";
  /** The OCR character it follows on the paper. */
  after: Glyph;
  bbox: BBox;
}

/**
 * 、 and 。 are small: the size of a mark of either, in em of the line, is between these. Less is
 * a speck of dirt, more a character.
 */
const MARK_MIN_EM = 0.15;
const MARK_MAX_EM = 0.45;
/** Less ink than this (in em²) is a speck, however spread. */
const MARK_MIN_AREA_EM2 = 0.012;
/** A mark sits on the baseline: its foot within this many em of the characters' feet. */
const BASELINE_EM = 0.3;
/**
 * A full-width mark fills only the left of its cell: blank paper this wide (in em) follows it,
 * where a dot or tick that is part of a character (点, 心, な) has the rest of the character
 * beside, above or below it.
 */
const BLANK_AFTER_EM = 0.45;
/** How far the punctuation OCR read may stand from the mark it read, in em. */
const READ_NEAR_EM = 3;
/** How far past the line's last character a dropped 。 may stand, in em. */
const LINE_END_REACH_EM = 1.2;

/** Share of its box a 。 blurred shut fills; a 、 fills less. */
const FILLED_RING = 0.65;
/**
 * A mark's ink begins a little into its cell; a character whose cell ends by this much (in
 * cells) past the mark's left edge still stands before it.
 */
const CELL_SLACK = 0.4;
/** A mark put back was never an OCR character: no label or heading can have claimed it. */
const PUT_BACK_ID = -1;

const PUNCTUATION = /[、。，．,.､｡・]/u;
/** The characters a mark can follow: Japanese text, not a digit of a number list (1.) or a code. */
const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー）)」]/u;

/**
 * Tesseract drops a 、 or 。 now and then, most often where a sentence ends and the next begins:
 * 依頼する。生活リズム… is read 依頼する生活リズム…, by the enlarged reading alike. The mark is
 * still there in the ink: a small blot on the baseline, nothing above or below it, and the rest
 * of its cell blank. The line's blots are matched in order to the punctuation OCR read; a blot
 * left over is a mark dropped, a ring a 。 and a stroke a 、. It follows the last character of
 * its token when it ends the token's ink (the blank after a mark is what parts the tokens),
 * else the character OCR placed before it.
 */
export function findDroppedMarks(
  line: readonly Token[],
  pageInk: GreyImage,
  em: number,
): DroppedMark[] {
  const ink = withFaintInk(pageInk);
  const glyphs = line.flatMap((token) => token.glyphs);
  const band = unionBoxes(line.map((token) => token.bbox));
  const letters = glyphs.filter((glyph) => !PUNCTUATION.test(glyph.char));
  if (!band || letters.length === 0) return [];
  const feet = median(letters.map((glyph) => bottom(glyph.bbox)));
  const heads = median(letters.map((glyph) => glyph.bbox[1]));
  const region = toEdges(
    [band[0], heads - 0.1 * em, band[2] + LINE_END_REACH_EM * em, feet - heads + 0.25 * em],
    ink,
  );
  const blots = smallBlots(ink, region, em).filter(
    (blot) =>
      Math.abs(bottom(blot.bbox) - feet) <= BASELINE_EM * em &&
      blot.bbox[1] >= (heads + feet) / 2 &&
      standsAlone(ink, blot.bbox, region, em),
  );
  const unread = withoutReadMarks(
    blots,
    glyphs.filter((glyph) => PUNCTUATION.test(glyph.char)),
    em,
  );
  return unread.flatMap((blot) => {
    const after = glyphBefore(line, blot.bbox, unread);
    const next = after && glyphs[glyphs.indexOf(after) + 1];
    const fits = after && JAPANESE.test(after.char) && !(next && PUNCTUATION.test(next.char));
    return fits ? [{ mark: blot.mark, after, bbox: blot.bbox }] : [];
  });
}

interface Blot {
  bbox: BBox;
  mark: "、" | "。";
}

function smallBlots(ink: GreyImage, region: Edges, em: number): Blot[] {
  return inkComponents(ink, region).flatMap((part) => {
    const [, , w, h] = part.bbox;
    if (Math.max(w, h) < MARK_MIN_EM * em || w > MARK_MAX_EM * em || h > MARK_MAX_EM * em)
      return [];
    if (part.area < MARK_MIN_AREA_EM2 * em * em || part.touchesBorder) return [];
    // A ring is hollow at its centre, or filled when blur closed it; a stroke is neither.
    const ring = !part.filledAtCentre || part.area / (w * h) >= FILLED_RING;
    return [{ bbox: part.bbox, mark: ring ? "。" : "、" }];
  });
}

/** No other ink above or below the blot in its line, and blank paper after it. */
function standsAlone(ink: GreyImage, blot: BBox, region: Edges, em: number): boolean {
  const margin = Math.round(0.05 * em);
  const after = Math.min(region.right, Math.round(right(blot) + BLANK_AFTER_EM * em));
  for (let x = Math.max(region.left, blot[0] - margin); x < after; x++) {
    const beside = x >= right(blot) + margin || x < blot[0];
    for (let y = region.top; y < region.bottom; y++) {
      const inBlot = y >= blot[1] && y < bottom(blot);
      if ((beside || !inBlot) && isInk(ink, x, y)) return false;
    }
  }
  return true;
}

/** The blots left when each punctuation character OCR read has taken the nearest one. */
function withoutReadMarks(blots: readonly Blot[], read: readonly Glyph[], em: number): Blot[] {
  const left = [...blots];
  for (const glyph of read) {
    let nearest = -1;
    for (const [index, blot] of left.entries()) {
      const distance = Math.abs(centre(blot.bbox) - centre(glyph.bbox));
      if (distance > READ_NEAR_EM * em) continue;
      if (
        nearest === -1 ||
        distance < Math.abs(centre((left[nearest] as Blot).bbox) - centre(glyph.bbox))
      )
        nearest = index;
    }
    if (nearest !== -1) left.splice(nearest, 1);
  }
  return left;
}

/**
 * The character the blot follows. A blot that ends its token's ink, or stands in the gap after
 * it, follows the token's last character. One inside a token is placed by counting character
 * cells from the token's start: OCR's boxes of the characters around a dropped one are
 * stretched over its cell and cannot place it, but the token's ink spans its characters and
 * the dropped marks at one pitch, as printed Japanese does.
 */
function glyphBefore(
  line: readonly Token[],
  blot: BBox,
  unread: readonly Blot[],
): Glyph | undefined {
  let before: Glyph | undefined;
  for (const token of line) {
    if (token.bbox[0] > centre(blot)) break;
    if (right(token.bbox) <= right(blot) + 1) {
      before = token.glyphs.at(-1);
      continue;
    }
    const inToken = unread.filter(
      (other) => other.bbox[0] >= token.bbox[0] && right(other.bbox) <= right(token.bbox),
    );
    const widths = advances(token.glyphs.map((glyph) => glyph.char).join(""));
    const pitch = token.bbox[2] / (widths.reduce((sum, width) => sum + width, 0) + inToken.length);
    const marksBefore = inToken.filter((other) => other.bbox[0] < blot[0]).length;
    const cellsBefore = (blot[0] - token.bbox[0]) / pitch - marksBefore;
    let end = 0;
    for (const [index, glyph] of token.glyphs.entries()) {
      end += widths[index] as number;
      if (end > cellsBefore + CELL_SLACK) break;
      before = glyph;
    }
  }
  return before;
}

const centre = (box: BBox) => box[0] + box[2] / 2;

/**
 * The lines with every dropped mark put back after the character it follows, and a reason for
 * review naming the marks: the ink shows a mark is there, not that the characters around it
 * were read right.
 */
export function withDroppedMarks(
  lines: readonly Token[][],
  ink: GreyImage,
  em: number,
): { lines: Token[][]; reasons: string[] } {
  const found: string[] = [];
  const restored = lines.map((line) => {
    const marks = findDroppedMarks(line, ink, em);
    if (marks.length === 0) return [...line];
    found.push(...marks.map((dropped) => dropped.mark));
    return line.map((token) => ({
      ...token,
      glyphs: token.glyphs.flatMap((glyph) => [
        glyph,
        ...marks
          .filter((dropped) => dropped.after === glyph)
          .map((dropped) => ({
            id: PUT_BACK_ID,
            char: dropped.mark,
            bbox: dropped.bbox,
            confidence: glyph.confidence,
            wordStart: false,
          })),
      ]),
    }));
  });
  return {
    lines: restored,
    reasons:
      found.length === 0
        ? []
        : [
            `読み取りで抜けた${[...new Set(found)].map((mark) => `「${mark}」`).join("")}を印字から補いました`,
          ],
  };
}
