import { closeAgeParentheses } from "./age-parentheses.ts";
import { correctMisreadTerms, type TermList, WELFARE_TERM_LIST } from "./correct-misread-terms.ts";
import { replaceDashesBetweenAlphanumerics } from "./dashes.ts";
import { kanjiForLoneKatakana } from "./kanji-lookalikes.ts";
import { accept, type Normalised, reject } from "./normalise-result.ts";
import {
  joinListNumbers,
  joinSplitNumbers,
  stripEdgeNoise,
  stripTrailingSpeck,
} from "./ocr-noise.ts";

/**
 * Japanese script, CJK punctuation and full-width forms: no space is written next to them, so a
 * line break beside one joins without a space. (NFKC has run, so full-width letters are ASCII.)
 */
const JAPANESE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\u30FB\u30FC\uFF01-\uFFEF]/u;

/**
 * `text` and `longtext` (主訴, 相談内容 …): NFKC, the lines the form wrapped joined again — without
 * a space between Japanese characters, with one between Latin words — runs of spaces
 * collapsed to one, a kanji OCR read as its katakana look-alike put back (ほどー人), and a word of
 * the consultation records read with one wrong character put back, for review (世淀 → 世帯).
 */
export function normaliseText(
  raw: string,
  terms: TermList = WELFARE_TERM_LIST,
): Normalised<string> {
  const lines = textLines(raw).map((line) => line.replace(/\s+/gu, " "));
  const cleaned = stripTrailingSpeck(
    kanjiForLoneKatakana(
      joinListNumbers(
        joinSplitNumbers(
          lines.reduce(
            (joined, line) =>
              joined === "" ? line : `${joined}${needsSpace(joined, line) ? " " : ""}${line}`,
            "",
          ),
        ),
      ),
    ),
  );
  if (cleaned === "") return reject("記入がありません");
  const aged = closeAgeParentheses(cleaned);
  const { text, corrections } = correctMisreadTerms(aged.text, terms);
  return accept(text, [
    ...aged.closed.map((age) => `「${age}」の閉じ括弧を補いました`),
    ...corrections.map(({ read, term }) => `「${read}」を「${term}」と読み替えました`),
  ]);
}

/**
 * 住所: as `text`, with digits ASCII, no spaces at all, a dash between numbers a hyphen, and a dot
 * at the end (102号室.) dropped as a speck. 目 after a block number read as 日 or 自 (4丁日) is
 * put back, for review: no address has a 丁日.
 */
export function normaliseAddress(raw: string): Normalised<string> {
  const read = stripTrailingSpeck(
    replaceDashesBetweenAlphanumerics(
      kanjiForLoneKatakana(textLines(raw).join("").replace(/\s+/gu, "")),
    ),
  ).replace(/[.,]+$/u, "");
  if (read === "") return reject("住所が記入されていません");
  const misread = read.match(MISREAD_CHOME)?.[0];
  return misread
    ? accept(read.replace(MISREAD_CHOME, "丁目"), [`「${misread}」を「丁目」と読み替えました`])
    : accept(read);
}

const MISREAD_CHOME = /(?<=\d)丁[日自]/gu;

/**
 * 相談番号 (`id`): as printed, NFKC, no spaces (R5-0123). A number ends in a digit or letter: a
 * dot or star after it is a speck (R4-0457*).
 */
export function normaliseId(raw: string): Normalised<string> {
  const text = replaceDashesBetweenAlphanumerics(
    textLines(raw).join("").replace(/\s+/gu, ""),
  ).replace(/[.,*・。、]+$/u, "");
  return text === "" ? reject("番号が記入されていません") : accept(text);
}

/** NFKC lines with the rulings of the box at either end removed; blank lines dropped. */
function textLines(raw: string): string[] {
  return raw
    .normalize("NFKC")
    .split(/\r\n|[\r\n\u2028\u2029]/u)
    .map(stripEdgeNoise)
    .filter((line) => line !== "");
}

function needsSpace(before: string, after: string): boolean {
  // By code point, on the last two units only: a kanji outside the BMP (𠮷) is a surrogate pair.
  const last = Array.from(before.slice(-2)).at(-1) ?? "";
  const first = Array.from(after.slice(0, 2))[0] ?? "";
  return !JAPANESE.test(last) && !JAPANESE.test(first);
}
