import type { FieldType } from "../../config/forms/form-definitions.ts";
import { toEdges } from "../ocr/grey-image.ts";
import type { BBox } from "../ocr/ocr-result.ts";
import {
  bottom,
  centreX,
  centreY,
  containsPoint,
  horizontalOverlapShare,
  median,
  right,
  unionBoxes,
  verticalOverlapShare,
} from "./boxes.ts";
import type { LabelHit } from "./find-labels.ts";
import { horizontalRulings } from "./ink-rulings.ts";
import { labelKey } from "./label-text.ts";
import { clipTokens, keepGlyphs, type PageText, type TextLine, type Token } from "./page-text.ts";

/** The text printed as one field's value, line by line, without any label's characters. */
export interface ValueText {
  lines: Token[][];
  bbox: BBox | null;
  /** Character height of the value's lines. */
  em: number;
}

/**
 * How far a value runs: one line (names, dates, numbers never wrap), the lines a short text or
 * a row of options wraps onto, or a long free text's whole paragraph until the next label.
 */
export type ValueExtent = "line" | "wrapped" | "long";

export function valueExtent(type: FieldType): ValueExtent {
  if (type === "longtext") return "long";
  return WRAPPING.has(type) ? "wrapped" : "line";
}

const WRAPPING: ReadonlySet<FieldType> = new Set([
  "text",
  "address",
  "choice",
  "multichoice",
  "boolean",
]);

export interface ValueRegionOptions {
  extent: ValueExtent;
  /** Every label on the page and the progress table's heading: a value never runs past one. */
  stops: readonly BBox[];
  /** Characters of labels and titles, never part of a value. */
  claimed: ReadonlySet<number>;
}

/** A value wrapped onto the next line starts no further left than this, in em, of the first. */
const WRAP_INDENT_EM = 0.5;
/** Lines of one value, or of a long text, are at most this far apart. */
const SHORT_LINE_GAP_EM = 1.4;
const LONG_LINE_GAP_EM = 3.5;
/**
 * A value after its label on the line starts within this distance of it, in em: label-colon
 * sheets align their values in one column, a few em after the longest label (記入者：, with the
 * progress table's box below it, has its value 4 em on); the next box's label on a sheet of two
 * columns stands half a page, some 20 em, on.
 */
const FAR_BESIDE_EM = 10;
/** A value box under its label starts within this distance below it. */
const BOX_BELOW_EM = 2.5;
/** A token of nothing but punctuation: often a speck of dirt on a scan. */
const PUNCTUATION_ONLY = /^\p{P}*$/u;
/** No character is boxed this small (share of an em each way): a dot OCR read as ロ. */
const SPECK_EM = 0.3;
const isSpeck = (em: number) => (token: Token) =>
  PUNCTUATION_ONLY.test(token.glyphs.map((glyph) => glyph.char).join("")) ||
  Math.max(token.bbox[2], token.bbox[3]) < SPECK_EM * em;
/** Notes printed on the form (※…) are not part of a value above them. */
const NOTE = /^※/u;

/**
 * Reads a label's value where forms put it: in the ruled cell right of or below the label's
 * cell; otherwise after the label on its line (after a colon, or across a gap), with the lines
 * a long value wraps onto; otherwise in the box or lines under the label. A value stops at the
 * next label (or table heading) to the right or below.
 */
export function readValueRegion(
  hit: LabelHit,
  page: PageText,
  options: ValueRegionOptions,
): ValueText {
  const em = hit.lines[0]?.em ?? 1;
  const inCell = fromCells(hit, page, options);
  if (inCell) return inCell;
  const beside = besideLabel(hit, page, options);
  const box = boxBelow(hit, page);
  // Likewise a speck after a label with its value in the box below (住所 . over the box) does
  // not make the value the label's line: the box's line would be read from the speck on.
  if (
    beside.length > 0 &&
    !beside.every(isSpeck(em)) &&
    !(box !== null && farBeside(beside, hit))
  ) {
    const start = Math.min(...beside.map((token) => token.bbox[0]));
    const more = linesBelow(page, options, {
      left: options.extent === "long" ? hit.bbox[0] - em : start - WRAP_INDENT_EM * em,
      right: rightStop(hit, page, options),
      top: bottom(unionBoxes(beside.map((token) => token.bbox)) as BBox),
      em,
    });
    return valueText(options.extent === "line" ? [beside] : [beside, ...more], em);
  }
  if (box !== null) {
    return valueText(cellLines(page, box, hit, options), em);
  }
  const below = linesBelow(page, options, {
    left: hit.bbox[0] - em,
    right: rightStop(hit, page, options),
    top: bottom(hit.bbox),
    em,
    firstGap: BOX_BELOW_EM,
  });
  return valueText(below, em);
}

/** `em` is the value's own character height: labels are often printed smaller than values. */
function valueText(lines: Token[][], labelEm: number): ValueText {
  const kept = lines.filter((line) => line.length > 0);
  const heights = kept.flat().map((token) => token.bbox[3]);
  return {
    lines: kept,
    bbox: unionBoxes(kept.flat().map((token) => token.bbox)),
    em: heights.length > 0 ? median(heights) : labelEm,
  };
}

/** The value inside the label's own cell, or in the cell beside or under it. */
function fromCells(hit: LabelHit, page: PageText, options: ValueRegionOptions): ValueText | null {
  const index = hit.lines[0]?.cell;
  if (index === null || index === undefined) return null;
  const cell = page.cells[index] as BBox;
  const em = hit.lines[0]?.em ?? 1;
  // A speck read as punctuation (. ・ ,) beside the label does not make the label's cell the
  // value's: the value is then in the neighbouring cell.
  const own = cellLines(page, index, hit, options).filter(
    (line) => !line.every(isSpeck(em)) && !isLabelsLastCharacter(line, hit),
  );
  if (own.length > 0) return valueText(own, em);
  const holdsLabel = (box: BBox) =>
    options.stops.some((stop) => containsPoint(box, centreX(stop), centreY(stop)));
  const neighbour = nearestCell(page, cell, "right") ?? nearestCell(page, cell, "below");
  if (neighbour === null) return null;
  // Beside a label cell there is another label's cell: this label's value was left empty.
  if (holdsLabel(page.cells[neighbour] as BBox)) return valueText([], em);
  return valueText(cellLines(page, neighbour, hit, options), em);
}

/**
 * One character alone after a label read a character short, in the label's own cell, is the
 * label's last character misread: 整 理 番 号 spaced out in its cell and read 整理 番 サ (seed 16)
 * matches 整理番号 as 整理番 as well as 整理番サ, and left サ as the case number.
 */
function isLabelsLastCharacter(line: readonly Token[], hit: LabelHit): boolean {
  const glyphs = line.flatMap((token) => token.glyphs);
  return glyphs.length === 1 && hit.glyphIds.size < labelKey(hit.variant).length;
}

/** The lines read in cell `index`, minus labels and what lies before the label in its cell. */
function cellLines(
  page: PageText,
  index: number,
  hit: LabelHit,
  options: ValueRegionOptions,
): Token[][] {
  const cell = page.cells[index] as BBox;
  const after = (token: Token) =>
    centreY(token.bbox) > bottom(hit.bbox) ||
    (verticalOverlapShare(token.bbox, hit.bbox) > 0.5 && token.bbox[0] >= right(hit.bbox) - 2);
  return page.lines
    .filter(
      (line) =>
        line.cell === index ||
        (line.cell === null && containsPoint(cell, centreX(line.bbox), centreY(line.bbox))),
    )
    .map((line) =>
      unclaimed(line.tokens, options.claimed).filter(
        (token) => !containsPoint(cell, centreX(hit.bbox), centreY(hit.bbox)) || after(token),
      ),
    );
}

function nearestCell(page: PageText, from: BBox, direction: "right" | "below"): number | null {
  let best: { index: number; distance: number } | null = null;
  page.cells.forEach((cell, index) => {
    const distance = direction === "right" ? cell[0] - right(from) : cell[1] - bottom(from);
    const aligned =
      direction === "right"
        ? verticalOverlapShare(cell, from) >= 0.5
        : horizontalOverlapShare(cell, from) >= 0.5;
    // Neighbours share a ruled line: a few pixels apart, never overlapping much.
    if (!aligned || distance < -0.02 * page.width || distance > 0.02 * page.width) return;
    if (!best || distance < best.distance) best = { index, distance };
  });
  return (best as { index: number } | null)?.index ?? null;
}

/** Tokens after the label on its line, up to the next label or heading to the right. */
function besideLabel(hit: LabelHit, page: PageText, options: ValueRegionOptions): Token[] {
  const stop = rightStop(hit, page, options);
  const band = hit.lines.length === 1 ? (hit.lines[0] as TextLine).bbox : hit.bbox;
  const lines = page.lines.filter(
    (line) => line.cell === null && verticalOverlapShare(line.bbox, band) >= 0.5,
  );
  return clipTokens(
    lines.flatMap((line) => unclaimed(line.tokens, options.claimed)),
    right(hit.bbox) - 2,
    stop,
  ).sort((a, b) => a.bbox[0] - b.bbox[0]);
}

/** Left edge of the next label or heading to the right on the label's line, else the page's. */
function rightStop(hit: LabelHit, page: PageText, options: ValueRegionOptions): number {
  const lefts = options.stops
    .filter((stop) => stop[0] > right(hit.bbox) && verticalOverlapShare(stop, hit.bbox) >= 0.5)
    .map((stop) => stop[0]);
  return Math.min(page.width, ...lefts);
}

/**
 * Text on the label's line that starts further on than a value written after its label would:
 * over a label with its box below, that is the label of the next box, misread so that it is not
 * known as one (機関名 beside 担当相談員 read 揚導相談具, accepted as the agency on held-out
 * seed 42).
 */
function farBeside(beside: readonly Token[], hit: LabelHit): boolean {
  const em = hit.lines[0]?.em ?? 1;
  return Math.min(...beside.map((token) => token.bbox[0])) - right(hit.bbox) > FAR_BESIDE_EM * em;
}

/** A ruled box starting just under the label and reaching under its first character. */
function boxBelow(hit: LabelHit, page: PageText): number | null {
  const em = hit.lines[0]?.em ?? 1;
  const x = hit.bbox[0] + em / 2;
  const index = page.cells.findIndex(
    (cell) =>
      cell[1] >= bottom(hit.bbox) - em / 2 &&
      cell[1] <= bottom(hit.bbox) + BOX_BELOW_EM * em &&
      cell[0] <= x &&
      right(cell) > x,
  );
  return index >= 0 ? index : null;
}

interface Region {
  left: number;
  right: number;
  top: number;
  em: number;
  /** Largest gap, in em, allowed above the first line; later lines follow LINE_GAP. */
  firstGap?: number;
}

/**
 * Lines under `top` within [left, right], until a label or heading, a note, or a gap wider than
 * lines of one value leave: a short value takes the lines it wrapped onto, a long text its
 * whole paragraph.
 */
function linesBelow(page: PageText, options: ValueRegionOptions, region: Region): Token[][] {
  const { em } = region;
  const maxGap = (options.extent === "long" ? LONG_LINE_GAP_EM : SHORT_LINE_GAP_EM) * em;
  const stopBelow = Math.min(
    page.height,
    ...options.stops
      // A label further left ends the value too: label-colon sheets align their values in one
      // column, so the next row's value would otherwise look like this one's next line.
      .filter((stop) => stop[1] >= region.top - em / 4 && stop[0] < region.right)
      .map((stop) => stop[1]),
  );
  const lines: Token[][] = [];
  let previousBottom = region.top;
  for (const line of page.lines) {
    // A line's top can stand above the next label's when a loop round one of its options
    // makes it taller: its middle then still lies below the label's top.
    if (
      centreY(line.bbox) <= region.top ||
      line.bbox[1] >= stopBelow - em / 4 ||
      centreY(line.bbox) >= stopBelow + em / 4
    )
      continue;
    const tokens = clipTokens(unclaimed(line.tokens, options.claimed), region.left, region.right);
    if (tokens.length === 0) continue;
    const top = Math.min(...tokens.map((token) => token.bbox[1]));
    const gap = top - previousBottom;
    const allowed =
      lines.length === 0 && region.firstGap !== undefined ? region.firstGap * em : maxGap;
    if (gap > allowed) break;
    if (NOTE.test(line.tokens[0]?.glyphs[0]?.char ?? "")) break;
    const span = unionBoxes(
      [...(lines.at(-1) ?? []), ...tokens].map((token) => token.bbox),
    ) as BBox;
    // A ruled line between two lines puts them in different rows of a grid. Only the first
    // line under a label may be past one: the rule at the top of the label's value box.
    if (
      (lines.length > 0 || region.firstGap === undefined) &&
      ruledBetween(page, span, previousBottom, top)
    )
      break;
    lines.push(tokens);
    if (options.extent === "line") break;
    previousBottom = Math.max(...tokens.map((token) => bottom(token.bbox)));
  }
  return lines;
}

function ruledBetween(page: PageText, span: BBox, top: number, bottom: number): boolean {
  if (!page.ink || bottom - top < 1) return false;
  return (
    horizontalRulings(page.ink, toEdges([span[0], top, span[2], bottom - top], page.ink)).length > 0
  );
}

/** Tokens without the characters of labels and titles. */
function unclaimed(tokens: readonly Token[], claimed: ReadonlySet<number>): Token[] {
  return keepGlyphs(tokens, (glyph) => !claimed.has(glyph.id));
}
