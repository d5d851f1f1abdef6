import {
  type ChoiceCode,
  type ChoiceField,
  type ChoiceOption,
  choiceOptions,
} from "./choice-options.ts";
import { editDistance } from "./edit-distance.ts";
import { accept, type Normalised, reject } from "./normalise-result.ts";
import { foldLookalikes } from "./ocr-lookalikes.ts";
import { stripEdgeNoise } from "./ocr-noise.ts";

/**
 * One wrong, missing or extra character is forgiven only in words this long: in 男 or 有 a single
 * character is the whole answer.
 */
const FUZZY_MIN_LENGTH = 4;
/**
 * …and only when every other option is at least this far off, so that a misread between two
 * options that differ by little (同意する / 同意しない) goes to review rather than to either.
 */
const FUZZY_MIN_MARGIN = 2;

// What is read around the option word: the box or circle (☑, ■, ○, or parentheses for a
// circle), its number (1. ①), and the write-in after その他 (その他（近隣住民）), which the `raw`
// text keeps for the reviewer.
const CHECK_MARKS = /^[☑☒■□☐✓✔✅○◯●◎]+/u;
const OPTION_NUMBER = /^\(?\d{1,2}[.)、:]?/u;
const WRITE_IN = /(?<=.)\(.*\)?$/u;
const WRAPPING_PARENTHESES = /^\((.*)\)$/u;
const LIST_SEPARATORS = /[、,/\n]/u;
const WORD_SEPARATORS = /[\s・]+/u;

/** Maps the wording of the chosen option (男性, 関係機関からの紹介, 同意する …) to its code. */
export function normaliseChoice<F extends ChoiceField>(
  field: F,
  raw: string,
): Normalised<ChoiceCode<F>> {
  const word = optionWord(raw);
  if (word === "") return reject("選択が読み取れません");
  return matchOption(options(field), word);
}

/**
 * For `issues`: every chosen option, as separate words or one text listing them (就労、住まい /
 * 就労・住まい), in the order of the option table, each once.
 */
export function normaliseMultiChoice<F extends ChoiceField>(
  field: F,
  raw: string | readonly string[],
): Normalised<ChoiceCode<F>[]> {
  const table = options(field);
  const codes = new Set<ChoiceCode<F>>();
  const warnings: string[] = [];
  for (const word of listedWords(table, [raw].flat())) {
    const match = matchOption(table, word);
    if (!match.ok) return match;
    codes.add(match.value);
    warnings.push(...(match.warnings ?? []));
  }
  if (codes.size === 0) return reject("選択が読み取れません");
  const ordered = table.map((option) => option.code).filter((code) => codes.has(code));
  return accept(ordered, warnings);
}

/**
 * Each piece between commas is tried whole first: OCR may put a space inside one word, and
 * 虐待・DV is one option. Only when the whole piece is no option is it split at spaces and ・.
 */
function listedWords<Code>(table: readonly ChoiceOption<Code>[], texts: string[]): string[] {
  return texts
    .flatMap((text) => text.normalize("NFKC").split(LIST_SEPARATORS))
    .flatMap((piece) => {
      const whole = optionWord(piece);
      if (whole === "") return [];
      if (matchOption(table, whole).ok) return [whole];
      return piece
        .split(WORD_SEPARATORS)
        .map(optionWord)
        .filter((word) => word !== "");
    });
}

function options<F extends ChoiceField>(field: F): readonly ChoiceOption<ChoiceCode<F>>[] {
  return choiceOptions[field] as readonly ChoiceOption<ChoiceCode<F>>[];
}

function optionWord(raw: string): string {
  return stripEdgeNoise(raw.normalize("NFKC"))
    .replace(/\s+/gu, "")
    .replace(CHECK_MARKS, "")
    .replace(OPTION_NUMBER, "")
    .replace(WRAPPING_PARENTHESES, "$1")
    .replace(WRITE_IN, "")
    .toUpperCase();
}

function matchOption<Code>(table: readonly ChoiceOption<Code>[], word: string): Normalised<Code> {
  const folded = foldLookalikes(word);
  const ranked = table
    .map((option) => ({ option, ...closestWord(option, folded) }))
    .sort((a, b) => a.distance - b.distance);
  const [best, second] = ranked;
  if (!best) return reject("選択肢がありません");
  if (best.distance === 0) return accept(best.option.code);
  const forgivable =
    best.distance === 1 &&
    Array.from(best.word).length >= FUZZY_MIN_LENGTH &&
    (!second || second.distance >= best.distance + FUZZY_MIN_MARGIN);
  return forgivable
    ? accept(best.option.code, [`「${word}」を「${best.word}」として読みました`])
    : reject(`「${word}」は選択肢にありません`);
}

/** On a tie the longer word wins, since only a long word may be matched with an error. */
function closestWord<Code>(
  option: ChoiceOption<Code>,
  folded: string,
): { word: string; distance: number } {
  let closest = { word: "", distance: Number.POSITIVE_INFINITY };
  for (const word of option.words) {
    const distance = editDistance(folded, foldLookalikes(word));
    const longer = word.length > closest.word.length;
    if (distance < closest.distance || (distance === closest.distance && longer))
      closest = { word, distance };
  }
  return closest;
}
