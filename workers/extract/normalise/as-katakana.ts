const HIRAGANA = /[\u3041-\u3096\u309D\u309E]/gu;

/** Hiragana as the katakana of the same sound (ゝゞ as ヽヾ); every other character as it is. */
export function asKatakana(text: string): string {
  return text.replace(HIRAGANA, (kana) => String.fromCodePoint((kana.codePointAt(0) ?? 0) + 0x60));
}
