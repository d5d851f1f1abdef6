const OPENING = "(〈<[{《「";
const CLOSING = ")〉>]}》」";

/**
 * The one of `words` that OCR read inside brackets (大正(昭和)平成, 男性(女性その他, (有)無): a
 * hand-drawn circle around it, read as the nearest marks. Used only where the ink did not show
 * the circle clearly, and only for review; exactly one word so marked, or none.
 */
export function bracketedWord<Word extends string>(
  text: string,
  words: readonly Word[],
): Word | null {
  const compact = text.normalize("NFKC").replace(/\s+/gu, "");
  const marked = words.filter((word) => {
    const at = compact.indexOf(word);
    if (at < 0) return false;
    const before = compact[at - 1] ?? "";
    const after = compact[at + word.length] ?? "";
    return (before !== "" && OPENING.includes(before)) || (after !== "" && CLOSING.includes(after));
  });
  const [only, another] = marked;
  return only && !another ? only : null;
}
