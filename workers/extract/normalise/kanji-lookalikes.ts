/**
 * Kanji that OCR reads as the katakana of the same shape: 一 as the long-vowel mark ー (ほどー人),
 * 口 as ロ (窓ロ), 力 as カ (協カ), 工 as エ, 夕 as タ, 二 as ニ, 八 as ハ, 才 as オ. Katakana come
 * in words: one standing alone beside a kanji, with no katakana on either side, is the kanji.
 * ー lengthens the vowel before it, so after anything but katakana it is 一 as well, when a
 * kanji stands beside it.
 */
const KANJI_FOR: Record<string, string> = {
  ー: "一",
  ロ: "口",
  カ: "力",
  エ: "工",
  タ: "夕",
  ニ: "二",
  ハ: "八",
  オ: "才",
};

const NUMERAL_KANJI: ReadonlySet<string> = new Set(["一", "二", "八"]);
const KATAKANA = /[\p{Script=Katakana}ー]/u;
const HAN = /\p{Script=Han}/u;
const DIGIT = /\p{Nd}/u;

export function kanjiForLoneKatakana(text: string): string {
  const chars = Array.from(text);
  return chars
    .map((char, index) => {
      const kanji = KANJI_FOR[char];
      if (!kanji) return char;
      const before = chars[index - 1] ?? "";
      const after = chars[index + 1] ?? "";
      // 第 is followed by a number (第二コーポ), never by katakana.
      if (before === "第" && NUMERAL_KANJI.has(kanji)) return kanji;
      if (KATAKANA.test(before)) return char;
      // Beside a digit it is a dash (1丁目ー2).
      if (char === "ー")
        return (HAN.test(before) || HAN.test(after)) && !DIGIT.test(before + after) ? kanji : char;
      // 3カ月: the counter ヵ is written カ after a number.
      if (char === "カ" && DIGIT.test(before)) return char;
      // 78才: the age.
      if (char === "オ" && DIGIT.test(before) && !KATAKANA.test(after)) return kanji;
      return !KATAKANA.test(after) && (HAN.test(before) || HAN.test(after)) ? kanji : char;
    })
    .join("");
}
