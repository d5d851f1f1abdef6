import type { BBox } from "../ocr/ocr-result.ts";
import { bottom, centreX, right, unionBoxes } from "./boxes.ts";
import { allowedEdits, labelKey, labelScore } from "./label-text.ts";
import { editDistance } from "./normalise/edit-distance.ts";
import type { Glyph, PageText, TextLine, Token } from "./page-text.ts";

/** Something printed as a label: a field, by its key, and the variants it is printed as. */
export interface LabelTarget {
  key: string;
  labels: readonly string[];
}

/** A printed label found on the page. */
export interface LabelHit {
  key: string;
  /** The variant it was read as. */
  variant: string;
  /** Misread characters against that variant. */
  edits: number;
  glyphIds: ReadonlySet<number>;
  bbox: BBox;
  /** The lines it spans: one, or more for a label wrapped inside a narrow label cell. */
  lines: TextLine[];
}

/** Tokens of a spaced-out label (対 象 者 氏 名) further apart than this are not one label. */
const MAX_SPACED_GAP_EM = 6;
/** Wrapped label lines: at most this far below the line before and this far off its centre. */
const WRAP_MAX_GAP_EM = 0.9;
const WRAP_MAX_SHIFT_EM = 1.5;
/** Only long labels wrap in a label cell. */
const WRAP_MIN_LENGTH = 5;

interface Variant {
  key: string;
  target: LabelTarget;
  label: string;
}

interface Candidate {
  glyphs: Glyph[];
  lines: TextLine[];
  /** The character after the candidate on its line, if any. */
  next?: Glyph;
}

/**
 * Finds the printed labels of `targets` on a page. A label is one token, or several tokens of
 * one line (a label spaced out by 均等割付), or the first tokens of up to three lines stacked in a
 * narrow label cell; it may also end inside a token where a value in Latin letters or digits
 * follows without a gap (相談番号R5-0123). Labels never start inside a token, so 氏名 is not found
 * in 担当者氏名, nor 日 in a date. Overlapping readings are settled by labelScore.
 */
export function findLabels(
  page: PageText,
  targets: readonly LabelTarget[],
  exclude: ReadonlySet<number> = new Set(),
  /** Misread characters allowed beyond allowedEdits: for a second look at a label not found. */
  extraEdits = 0,
): LabelHit[] {
  const variants = targets.flatMap((target) =>
    target.labels.map((label) => ({ key: labelKey(label), target, label })),
  );
  const longest = Math.max(0, ...variants.map((variant) => variant.key.length));
  const candidates = page.lines.flatMap((line) => lineCandidates(line, longest, exclude));
  const hits = select(candidates.flatMap((candidate) => matches(candidate, variants, extraEdits)));
  const claimed = new Set(hits.flatMap((hit) => [...hit.glyphIds]));
  const wrapped = wrappedCandidates(page.lines, new Set([...claimed, ...exclude]));
  const wrappedVariants = variants.filter((variant) => variant.key.length >= WRAP_MIN_LENGTH);
  return [
    ...hits,
    ...select(wrapped.flatMap((candidate) => matches(candidate, wrappedVariants, extraEdits))),
  ].sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
}

function lineCandidates(line: TextLine, longest: number, exclude: ReadonlySet<number>) {
  const candidates: Candidate[] = [];
  const tokens = line.tokens.filter((token) => !token.glyphs.some((g) => exclude.has(g.id)));
  for (let start = 0; start < tokens.length; start++) {
    let glyphs: Glyph[] = [];
    for (let end = start; end < tokens.length; end++) {
      const token = tokens[end] as Token;
      const previous = tokens[end - 1];
      if (
        end > start &&
        previous &&
        token.bbox[0] - right(previous.bbox) > MAX_SPACED_GAP_EM * line.em
      )
        break;
      for (const cut of valueCuts(token)) {
        const next = token.glyphs[cut];
        candidates.push({
          glyphs: [...glyphs, ...token.glyphs.slice(0, cut)],
          lines: [line],
          ...(next ? { next } : {}),
        });
      }
      glyphs = [...glyphs, ...token.glyphs];
      if (labelKey(charsOf(glyphs)).length > longest + 2) break;
      const next = token.colonAfter ? undefined : tokens[end + 1]?.glyphs[0];
      candidates.push({
        glyphs,
        lines: [line],
        ...(next ? { next } : {}),
      });
      if (token.colonAfter) break;
    }
  }
  return candidates;
}

/**
 * Where a value may follow a label inside one token: a digit or Latin letter after a character
 * of another kind (番号R5-0123, 〒260-0001, TEL043…), or an opening bracket, which OCR reads
 * for the loop round a circled option (…への同意(同意する).
 */
function valueCuts(token: Token): number[] {
  const cuts: number[] = [];
  const kind = (char: string) =>
    /[0-9０-９]/u.test(char)
      ? "digit"
      : /[A-Za-zＡ-Ｚａ-ｚ]/u.test(char)
        ? "latin"
        : /[(（]/u.test(char)
          ? "bracket"
          : "other";
  for (let index = 1; index < token.glyphs.length; index++) {
    const before = kind((token.glyphs[index - 1] as Glyph).char);
    const after = kind((token.glyphs[index] as Glyph).char);
    if (after !== "other" && after !== before) cuts.push(index);
  }
  return cuts;
}

/**
 * Runs of the leading tokens of lines stacked under each other, for labels wrapped in a narrow
 * label cell (アセスメ / ント実施日, 関係機関と / の情報共有 / への同意).
 */
function wrappedCandidates(lines: readonly TextLine[], claimed: ReadonlySet<number>): Candidate[] {
  const candidates: Candidate[] = [];
  lines.forEach((line, index) => {
    const first = leadingRun(line, claimed);
    if (!first) return;
    const chain = [{ line, run: first }];
    for (const next of lines.slice(index + 1)) {
      const last = chain.at(-1) as { line: TextLine; run: Run };
      const run = leadingRun(next, claimed);
      const gap = next.bbox[1] - bottom(last.run.bbox);
      if (gap > WRAP_MAX_GAP_EM * line.em) break;
      if (!run || gap < -0.3 * line.em || next.cell !== line.cell) continue;
      if (
        Math.abs(centreX(run.bbox) - centreX(last.run.bbox)) > WRAP_MAX_SHIFT_EM * line.em &&
        Math.abs(run.bbox[0] - last.run.bbox[0]) > line.em
      )
        continue;
      chain.push({ line: next, run });
      candidates.push({
        glyphs: chain.flatMap((link) => link.run.glyphs),
        lines: chain.map((link) => link.line),
      });
      if (chain.length === 3) break;
    }
  });
  return candidates;
}

interface Run {
  glyphs: Glyph[];
  bbox: BBox;
}

/** The tokens a line starts with, up to the first gap wider than an em or a colon. */
function leadingRun(line: TextLine, claimed: ReadonlySet<number>): Run | null {
  const tokens: Token[] = [];
  for (const token of line.tokens) {
    if (token.glyphs.some((glyph) => claimed.has(glyph.id))) break;
    const last = tokens.at(-1);
    if (last && (last.colonAfter || token.bbox[0] - right(last.bbox) > line.em)) break;
    tokens.push(token);
  }
  if (tokens.length === 0) return null;
  return {
    glyphs: tokens.flatMap((token) => token.glyphs),
    bbox: unionBoxes(tokens.map((token) => token.bbox)) as BBox,
  };
}

/** A reading of a label, and whether it ends on the label's last character. */
interface Match {
  hit: LabelHit;
  endsAsPrinted: boolean;
}

function matches(candidate: Candidate, variants: readonly Variant[], extraEdits: number): Match[] {
  const key = labelKey(charsOf(candidate.glyphs));
  if (key === "") return [];
  const nextKey = candidate.next ? labelKey(candidate.next.char) : "";
  const found: Match[] = [];
  for (const variant of variants) {
    // OCR boxes drift: the label's last character may have been put just after a gap, with
    // the value (生年月 日昭和…). It is the label's when it completes the label exactly.
    if (nextKey !== "" && variant.key === key + nextKey && candidate.next) {
      found.push(hit(candidate, variant, 0, [...candidate.glyphs, candidate.next]));
      continue;
    }
    // A relaxed look never takes a label with no character right.
    const allowed = Math.min(allowedEdits(variant.key.length) + extraEdits, variant.key.length - 1);
    if (Math.abs(variant.key.length - key.length) > allowed) continue;
    const edits = editDistance(key, variant.key);
    if (edits <= allowed) found.push(hit(candidate, variant, edits, candidate.glyphs));
  }
  return found;
}

function hit(candidate: Candidate, variant: Variant, edits: number, glyphs: Glyph[]): Match {
  return {
    hit: {
      key: variant.target.key,
      variant: variant.label,
      edits,
      glyphIds: new Set(glyphs.map((glyph) => glyph.id)),
      bbox: unionBoxes(glyphs.map((glyph) => glyph.bbox)) as BBox,
      lines: candidate.lines,
    },
    endsAsPrinted: labelKey(charsOf(glyphs)).at(-1) === variant.key.at(-1),
  };
}

/**
 * The best readings first; a reading overlapping a better one is dropped. Of two as good, the
 * one ending on the label's last character: フ リ ガ ナ spaced out in its cell, read フリ ガオ ナ,
 * is フリガオナ with one misread as well as フリガオ, which left ナ as the ふりがな on seed 25.
 */
function select(matches: Match[]): LabelHit[] {
  const ranked = [...matches].sort(
    (a, b) =>
      labelScore(labelKey(b.hit.variant).length, b.hit.edits) -
        labelScore(labelKey(a.hit.variant).length, a.hit.edits) ||
      a.hit.edits - b.hit.edits ||
      Number(b.endsAsPrinted) - Number(a.endsAsPrinted),
  );
  const taken = new Set<number>();
  const kept: LabelHit[] = [];
  for (const { hit } of ranked) {
    if ([...hit.glyphIds].some((id) => taken.has(id))) continue;
    for (const id of hit.glyphIds) taken.add(id);
    kept.push(hit);
  }
  return kept;
}

function charsOf(glyphs: readonly Glyph[]): string {
  return glyphs.map((glyph) => glyph.char).join("");
}
