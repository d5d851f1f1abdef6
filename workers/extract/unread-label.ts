import type { FieldDefinition } from "../../config/forms/form-definitions.ts";
import type { BBox } from "../ocr/ocr-result.ts";
import { REDACTED_INDIVIDUAL_NUMBER } from "../redact/find-individual-numbers.ts";
import type { AnalysedPage } from "./analyse-page.ts";
import { bottom, centreX, centreY, containsPoint, median, unionBoxes } from "./boxes.ts";
import type { LabelHit } from "./find-labels.ts";
import { labelKey } from "./label-text.ts";
import type { TextLine, Token } from "./page-text.ts";
import { readAtLabel } from "./read-at-label.ts";
import type { FieldReading, ReadFieldContext } from "./read-field.ts";

/** A label is printed in the labels' type size: between these shares of theirs. */
const LABEL_EM_SHARE = { min: 0.8, max: 1.15 };
const NOTE = /^※/u;
const NO_LABEL_CHARACTERS = /[0-9０-９]/u;
const WRITTEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * A field none of whose labels was read, even with a misread character allowed (議題 read as
 * 識遇, 主訴 as 計放): a two-character label misread in both characters is no label any more.
 * The page still shows where it is: a short line in the labels' type size, below the title, on
 * no value read already, with a value at it that no other field has taken. When the form lacks
 * exactly one such field and shows exactly one such line, the value there is offered for it,
 * always for review.
 *
 * `missing` are the form's own fields (not the header fields every form may carry) that
 * nothing was read for; `readBoxes` are the boxes of every value read on the form.
 */
export function readAtUnreadLabel(
  missing: readonly FieldDefinition[],
  pages: readonly AnalysedPage[],
  readBoxes: readonly { page: number; bbox: BBox }[],
  context: ReadFieldContext,
): { field: FieldDefinition; reading: FieldReading } | null {
  // A choice has its row of options, a date or a number its shape, to be found by; a field
  // of the 選択項目 group may well not be printed at all.
  const [field, another] = missing.filter(
    (candidate) =>
      candidate.group === "common" && (candidate.type === "longtext" || candidate.type === "text"),
  );
  if (!field || another) return null;
  const found = pages.flatMap((page) =>
    unreadLabelLines(page, readBoxes)
      .map((line) => labelHitOf(field, line))
      .filter((hit) => mayBeLabelOf(field, hit.variant))
      .map((hit) => ({ hit, reading: readAtLabel(field, hit, page, context) }))
      .filter(
        ({ reading }) =>
          reading.value !== null &&
          reading.bbox !== null &&
          !onRead(page, reading.bbox, readBoxes) &&
          // The 個人番号 row: a label of the form that is no field's.
          !reading.raw?.includes(REDACTED_INDIVIDUAL_NUMBER),
      ),
  );
  const [only, second] = found;
  if (!only || second) return null;
  return {
    field,
    reading: {
      ...only.reading,
      confidence: 0,
      reasons: [
        ...only.reading.reasons,
        `項目名「${field.labels[0]}」が読めず、その位置の「${only.hit.variant}」を項目名として読みました`,
      ],
    },
  };
}

/** Lines that look like a label and are none of the labels read. */
function unreadLabelLines(
  page: AnalysedPage,
  readBoxes: readonly { page: number; bbox: BBox }[],
): TextLine[] {
  const labelEms = page.labels.map((hit) => hit.lines[0]?.em ?? hit.bbox[3]);
  if (labelEms.length === 0) return [];
  const labelEm = median(labelEms);
  const titleBottom = page.title ? bottom(page.title.bbox) : 0;
  return page.text.lines.filter(
    (line) =>
      line.bbox[1] > titleBottom &&
      line.em >= LABEL_EM_SHARE.min * labelEm &&
      line.em <= LABEL_EM_SHARE.max * labelEm &&
      line.tokens.every((token) => token.glyphs.every((glyph) => !page.claimed.has(glyph.id))) &&
      !onRead(page, line.bbox, readBoxes),
  );
}

/** Whether `bbox` lies on a value read already: it is that value's, or its label's value is. */
function onRead(
  page: AnalysedPage,
  bbox: BBox,
  readBoxes: readonly { page: number; bbox: BBox }[],
): boolean {
  return readBoxes.some(
    (box) =>
      box.page === page.text.pageNumber && containsPoint(box.bbox, centreX(bbox), centreY(bbox)),
  );
}

/** The line read as the field's label: its tokens up to a colon. */
function labelHitOf(field: FieldDefinition, line: TextLine): LabelHit {
  const colon = line.tokens.findIndex((token) => token.colonAfter);
  const tokens: Token[] = colon === -1 ? line.tokens : line.tokens.slice(0, colon + 1);
  const glyphs = tokens.flatMap((token) => token.glyphs);
  const text = glyphs.map((glyph) => glyph.char).join("");
  return {
    key: field.key,
    variant: text,
    edits: Array.from(labelKey(text)).length,
    glyphIds: new Set(glyphs.map((glyph) => glyph.id)),
    bbox: unionBoxes(tokens.map((token) => token.bbox)) as BBox,
    lines: [line],
  };
}

/**
 * Whether `read` may be a misreading of one of the field's labels: as long as one, give or take
 * a character, and written as a label is (no digits, not a note).
 */
function mayBeLabelOf(field: FieldDefinition, read: string): boolean {
  if (NOTE.test(read) || NO_LABEL_CHARACTERS.test(read) || !WRITTEN.test(read)) return false;
  const length = Array.from(labelKey(read)).length;
  return (
    length > 0 &&
    field.labels.some((label) => Math.abs(Array.from(labelKey(label)).length - length) <= 1)
  );
}
