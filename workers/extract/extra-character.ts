import type { GreyImage } from "../ocr/grey-image.ts";
import { excessCharacters } from "./character-count.ts";
import type { LanguageModel } from "./language-model.ts";
import { ITEM_NUMBER } from "./normalise/normalise-text.ts";
import { type Token, tokenText } from "./page-text.ts";

/**
 * A line whose OCR text holds this many characters more than its ink spans (in character cells)
 * was read with one character too many. Measured on generated case files (seeds 16 and 25,
 * 1,784 lines measured): lines read right stood between -0.8 and 0.9 but for one at 1.0 (・地域…,
 * before a leading mark's late ink was allowed for), most lines with a character too many
 * between 1.0 and 1.4.
 */
const ONE_TOO_MANY = 0.95;
/** Beyond this the line is no single character off: its pitch was not measured right. */
const MOST_EXCESS = 1.5;
/**
 * How much likelier (language-model.ts) the value must read without the character, and by how
 * much more than without any other: the ink says one is too many, the language which. A
 * shorter text costs less for being shorter, and some right lines read likelier still without
 * one of their characters (見守り as 守り, by 5403), so only a clear winner is taken.
 */
const DROP_MARGIN = 3000;
const DROP_LEAD = 1500;
/**
 * A character that stands as a word of its own in the text's likeliest segmentation counts this
 * much likelier to be the one too many: a character read that is not there joins no word
 * (ために|人|欠勤, の|和|希望), where taking out one of a word's characters may leave another word
 * (見守り as 守り). Measured on the lines of seeds 16 and 25 read with one too many: 人欠勤 then
 * wins over 見 by 2620; 本人は人夜間, where 人 and 夜 read alike likely gone, stays for review;
 * みろられる (ろ inside the word みろ) too, and うつくる, whose う stands in no word of one, still
 * loses it.
 */
const LONE_CHARACTER_BONUS = 1500;
/**
 * The ring of a ① read apart, as 〇 before it (〇①相談センターが…): the character too many, which
 * the language cannot judge (the dictionary has no ①).
 */
const RING_BEFORE_NUMBER = /^[〇○◯](?=[\d\u2460-\u2473])/u;
/**
 * A long-vowel mark doubled where no katakana stands before it: 一 read as ーー (7年ほどーー人で, on
 * seeds 24 and 25), the mark too many, which the text's normaliser reads as 一 for review; the
 * language would drop the 人 after it instead.
 */
const DOUBLED_LONG_VOWEL = /(?<![\p{Script=Katakana}ー])ーー/u;
/**
 * A list item's number read with a digit too many (34本人が, for 3本人が週1回): the digit is the
 * character too many, which the text's normaliser puts back from the list's count; the language
 * would drop a kanji after it instead (週, on seed 27).
 */
function hasLongItemNumber(read: string): boolean {
  return Array.from(read.matchAll(ITEM_NUMBER)).some((match) => (match[1]?.length ?? 0) >= 2);
}
/** Kana and kanji: a digit or a mark too many is not for the language to find. */
const DROPPABLE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

export interface ExtraCharacters {
  lines: Token[][];
  /** A character dropped, named for the reviewer. */
  repairs: string[];
  /** A line read with one character too many that the language could not place. */
  warnings: string[];
}

/**
 * Tesseract now and then reads a character of type that is not there: a stroke of 欠 read as
 * 人 before it (ために人欠勤), 希 read as 和希. All three readings read it alike, and the
 * boxes of the characters after it shift by one, so nothing but a count tells. The ink of a
 * typed line spans as many character cells as were printed (character-count.ts); a line read
 * with one more is given the deletion that makes it likeliest Japanese, for review. When the
 * language finds none likelier, the line goes to review as it was read.
 */
export function withExtraCharactersDropped(
  lines: readonly Token[][],
  ink: GreyImage,
  em: number,
  language: LanguageModel,
): ExtraCharacters {
  const repairs: string[] = [];
  const warnings: string[] = [];
  const kept = lines.map((line) => [...line]);
  kept.forEach((line, index) => {
    if (!readWithOneTooMany(line, ink, em)) return;
    const dropped = likeliestDeletion(kept, index, language);
    if (dropped === null) {
      warnings.push("印字の字数より一字多く読まれた行があります");
      return;
    }
    repairs.push(`印字より一字多く読まれた行の「${dropped.char}」を除きました`);
    kept[index] = dropped.line;
  });
  return { lines: kept, repairs, warnings };
}

/** The typed line was read with one character more than its ink spans (character-count.ts). */
export function readWithOneTooMany(line: readonly Token[], ink: GreyImage, em: number): boolean {
  const excess = excessCharacters(line, ink, em);
  return excess !== undefined && excess >= ONE_TOO_MANY && excess <= MOST_EXCESS;
}

/**
 * The character of line `at` whose loss makes the whole value likeliest Japanese (a line ends
 * mid-word: the lines around it are read with it), when it clearly does.
 */
function likeliestDeletion(
  lines: readonly Token[][],
  at: number,
  language: LanguageModel,
): { char: string; line: Token[] } | null {
  const line = lines[at] as Token[];
  const read = lineText(line);
  if (RING_BEFORE_NUMBER.test(read)) return withoutFirstCharacter(line);
  if (DOUBLED_LONG_VOWEL.test(read) || hasLongItemNumber(read)) return null;
  const before = lines.slice(0, at).map(lineText).join("");
  const after = lines
    .slice(at + 1)
    .map(lineText)
    .join("");
  const text = before + read + after;
  const loners = wordsOfOneCharacter(text, language);
  const cost = language.cost(text);
  let position = Array.from(before).length - 1;
  const deletions = line
    .flatMap((token, tokenIndex) =>
      token.glyphs.flatMap((glyph, glyphIndex) => {
        position++;
        if (!DROPPABLE.test(glyph.char)) return [];
        const glyphs = token.glyphs.filter((_, index) => index !== glyphIndex);
        const shorter = [
          ...line.slice(0, tokenIndex),
          ...(glyphs.length > 0 ? [{ ...token, glyphs }] : []),
          ...line.slice(tokenIndex + 1),
        ];
        const gain = cost - language.cost(before + lineText(shorter) + after);
        const standing = gain + (loners.has(position) ? LONE_CHARACTER_BONUS : 0);
        return [{ char: glyph.char, line: shorter, gain, standing }];
      }),
    )
    .sort((a, b) => b.standing - a.standing);
  const [best, runnerUp] = deletions;
  if (!best || best.gain < DROP_MARGIN || best.standing - (runnerUp?.standing ?? 0) < DROP_LEAD)
    return null;
  return { char: best.char, line: best.line };
}

/** The positions of the characters that stand as words of their own in the text's segmentation. */
function wordsOfOneCharacter(text: string, language: LanguageModel): Set<number> {
  const positions = new Set<number>();
  let at = 0;
  for (const word of language.words(text)) {
    const length = Array.from(word).length;
    if (length === 1) positions.add(at);
    at += length;
  }
  return positions;
}

function withoutFirstCharacter(line: readonly Token[]): { char: string; line: Token[] } | null {
  const [first, ...rest] = line;
  const [char, ...glyphs] = first?.glyphs ?? [];
  if (!first || !char) return null;
  return { char: char.char, line: glyphs.length > 0 ? [{ ...first, glyphs }, ...rest] : rest };
}

function lineText(line: readonly Token[]): string {
  return line.map(tokenText).join("");
}
