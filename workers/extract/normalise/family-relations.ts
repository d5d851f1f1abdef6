/**
 * 続柄: the words a case record names a family member by, before their age (母(78歳),
 * 長男(2歳), 同居している実母(74歳)). A word there that is none of them was misread.
 */
const RELATIONS: ReadonlySet<string> = new Set([
  "本人",
  "夫",
  "妻",
  "配偶者",
  "内縁の夫",
  "内縁の妻",
  "父",
  "母",
  "実父",
  "実母",
  "義父",
  "義母",
  "養父",
  "養母",
  "継父",
  "継母",
  "祖父",
  "祖母",
  "兄",
  "姉",
  "弟",
  "妹",
  "義兄",
  "義姉",
  "義弟",
  "義妹",
  "長男",
  "次男",
  "三男",
  "四男",
  "長女",
  "次女",
  "三女",
  "四女",
  "子",
  "子ども",
  "子供",
  "息子",
  "娘",
  "孫",
  "叔父",
  "叔母",
  "伯父",
  "伯母",
  "おじ",
  "おば",
  "甥",
  "姪",
  "おい",
  "めい",
  "いとこ",
  "同居人",
  "知人",
  "友人",
]);
const LONGEST = Math.max(...Array.from(RELATIONS, (word) => word.length));

/** An age in parentheses and the kanji and kana written before it. */
const AGE_AFTER_WORD = /([\p{Script=Han}\p{Script=Hiragana}]+)\(\d{1,3}歳\)/gu;

/**
 * The words before an age in parentheses that end in no 続柄 (天 in 本人、天(48歳), typed 夫
 * read 天 by every reading and accepted on held-out seed 32; 母央(76歳)). A household list or a
 * paragraph names each member by relation, so such a word is a misreading, for review.
 */
export function unknownRelations(text: string): string[] {
  return Array.from(text.matchAll(AGE_AFTER_WORD), (match) => match[1] as string).filter(
    (written) => {
      for (let length = 1; length <= Math.min(LONGEST, written.length); length++)
        if (RELATIONS.has(written.slice(-length))) return false;
      return true;
    },
  );
}
