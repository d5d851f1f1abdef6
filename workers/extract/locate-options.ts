import type { ChoiceOptionDefinition } from "../../config/forms/form-definitions.ts";
import type { BBox } from "../ocr/ocr-result.ts";
import { unionBoxes } from "./boxes.ts";
import { labelKey } from "./label-text.ts";
import { editDistance } from "./normalise/edit-distance.ts";
import type { Glyph, Token } from "./page-text.ts";

/** Where one option of a choice field is printed among the value's characters. */
export interface LocatedOption {
  option: ChoiceOptionDefinition;
  /** The option word as printed on the form. */
  word: string;
  glyphs: Glyph[];
  bbox: BBox;
  /** The glyph OCR read just before the word: often its check box, as 口, 図, ☑, ■ … */
  before: Glyph | null;
  /** Index of the value line it is printed on. */
  line: number;
  /**
   * Where it comes in OCR's reading of the line (its first glyph's id): OCR's order is kept
   * when a circle throws its positions off.
   */
  order: number;
  edits: number;
  /**
   * Not read by OCR: placed between the options read on either side by the printed order
   * (options-between.ts). Its box is the whole stretch between them.
   */
  placedByOrder?: true;
}

/** Option words this long may be found with one misread character (家族・知 for 家族・知人). */
const FUZZY_MIN_LENGTH = 4;

/**
 * Finds each option's printed word in the value's lines. Longer words are placed first and
 * their characters taken, so その他 is not also found as 他, nor 支援会議 inside 重層的支援会議.
 * An option appears once; one not found is left out.
 */
export function locateOptions(
  lines: readonly Token[][],
  options: readonly ChoiceOptionDefinition[],
): LocatedOption[] {
  const words = options
    .flatMap((option) => option.words.map((word) => ({ option, word, key: labelKey(word) })))
    .filter((entry) => entry.key !== "")
    .sort((a, b) => b.key.length - a.key.length);
  const sequences = lines.map((line) => keyedGlyphs(line.flatMap((token) => token.glyphs)));
  const taken = new Set<number>();
  const found = new Map<ChoiceOptionDefinition, LocatedOption>();
  for (const { option, word, key } of words) {
    if (found.has(option)) continue;
    for (const [line, sequence] of sequences.entries()) {
      const match = findWord(sequence, key, taken);
      if (!match) continue;
      const glyphs = sequence.glyphs.slice(match.start, match.end);
      for (const glyph of glyphs) taken.add(glyph.id);
      found.set(option, {
        option,
        word,
        glyphs,
        bbox: unionBoxes(glyphs.map((glyph) => glyph.bbox)) as BBox,
        before: sequence.glyphs[match.start - 1] ?? null,
        line,
        order: (glyphs[0] as Glyph).id,
        edits: match.edits,
      });
      break;
    }
  }
  return options.flatMap((option) => {
    const located = found.get(option);
    return located ? [located] : [];
  });
}

interface KeyedGlyphs {
  glyphs: Glyph[];
  /** The glyphs' label keys joined, and for each key character the glyph it came from. */
  key: string;
  owner: number[];
}

function keyedGlyphs(glyphs: Glyph[]): KeyedGlyphs {
  let key = "";
  const owner: number[] = [];
  glyphs.forEach((glyph, index) => {
    for (const char of labelKey(glyph.char)) {
      key += char;
      owner.push(index);
    }
  });
  return { glyphs, key, owner };
}

/** Glyph range [start, end) of the word in the sequence, exactly or with one misread character. */
function findWord(
  sequence: KeyedGlyphs,
  word: string,
  taken: ReadonlySet<number>,
): { start: number; end: number; edits: number } | undefined {
  const free = (from: number, to: number) =>
    sequence.glyphs.slice(from, to).every((glyph) => !taken.has(glyph.id));
  const range = (keyStart: number, keyEnd: number) => ({
    start: sequence.owner[keyStart] as number,
    end: (sequence.owner[keyEnd - 1] as number) + 1,
  });
  for (let at = sequence.key.indexOf(word); at >= 0; at = sequence.key.indexOf(word, at + 1)) {
    const { start, end } = range(at, at + word.length);
    if (free(start, end)) return { start, end, edits: 0 };
  }
  if (word.length < FUZZY_MIN_LENGTH) return undefined;
  for (const length of [word.length - 1, word.length + 1, word.length]) {
    for (let at = 0; at + length <= sequence.key.length; at++) {
      if (editDistance(sequence.key.slice(at, at + length), word) !== 1) continue;
      const { start, end } = range(at, at + length);
      if (free(start, end)) return { start, end, edits: 1 };
    }
  }
  return undefined;
}
