/**
 * Characters that OCR confuses on these forms, folded to one representative so that an option
 * word still matches when it was read with the look-alike: ー/一/dashes, katakana カ/kanji 力,
 * ロ/口, エ/工, タ/夕, ト/卜, ニ/二, ハ/八, オ/才; the middle dots of 虐待・DV; and katakana against
 * hiragana (ヒキコモリ / ひきこもり, へ/ヘ). Only for comparing, never for output.
 */
const LOOKALIKES: Record<string, string> = {
  一: "ー",
  "-": "ー",
  "\u2010": "ー",
  "\u2015": "ー",
  "\u2212": "ー",
  力: "カ",
  口: "ロ",
  工: "エ",
  夕: "タ",
  卜: "ト",
  二: "ニ",
  八: "ハ",
  才: "オ",
  "\u00B7": "・",
  "\u2022": "・",
  "\u2219": "・",
  "\u22C5": "・",
  ".": "・",
};

export function foldLookalikes(text: string): string {
  return Array.from(text, (char) => {
    const folded = LOOKALIKES[char] ?? char;
    const code = folded.codePointAt(0) ?? 0;
    // Katakana ァ–ヶ to hiragana ぁ–ゖ, after the kanji look-alikes have become katakana.
    return code >= 0x30a1 && code <= 0x30f6 ? String.fromCodePoint(code - 0x60) : folded;
  }).join("");
}
