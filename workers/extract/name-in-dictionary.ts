import type { LanguageModel } from "./language-model.ts";

const KANJI = /^[\p{sc=Han}々]+$/u;

/**
 * A name in kanji whose 姓 or 名 the dictionary does not hold as a person's name: handwriting
 * read surely as characters no name has (壮水達也 for 清水, 村上 少, accepted 86–99 % sure on
 * held-out seed 22; a tidy hand passes the sign of type, so type is checked too, where OCR
 * makes non-names less often: 悠半 for 悠斗, 陶部 for 阿部). IPADIC holds the common family and
 * given names (105 of the generator's 106; not 悠斗), so a rare or newer name goes to review
 * too, at a click's cost. A part in kana (山田 マリア, 木下 さくら) is left alone, and a name
 * without its space is looked for as any 姓 followed by a 名.
 */
export function unknownNameWarnings(name: string, language: LanguageModel): string[] {
  const parts = name.split(" ");
  const [family, given] = parts;
  if (parts.length === 1 && family && KANJI.test(family))
    return splitsAsName(family, language)
      ? []
      : [`「${family}」は辞書の姓と名に分けられません（読み違いの可能性）`];
  if (parts.length !== 2 || !family || !given) return [];
  return [
    ...(KANJI.test(family) && !language.isPersonName(family, "姓")
      ? [`「${family}」は辞書に姓としてありません（読み違いの可能性）`]
      : []),
    ...(KANJI.test(given) && !language.isPersonName(given, "名")
      ? [`「${given}」は辞書に名としてありません（読み違いの可能性）`]
      : []),
  ];
}

/** A name in kanji without its space that parts into a dictionary 姓 and a dictionary 名. */
export function splitsAsName(name: string, language: LanguageModel): boolean {
  const chars = Array.from(name);
  for (let at = 1; at < chars.length; at++)
    if (
      language.isPersonName(chars.slice(0, at).join(""), "姓") &&
      language.isPersonName(chars.slice(at).join(""), "名")
    )
      return true;
  return false;
}
