/**
 * An age in parentheses after a family member (母(78歳)) whose closing parenthesis OCR lost: the
 * thin ) beside 歳 is dropped more often than any other mark on these forms. A parenthesis that
 * another ) closes before the next ( opens is left as it is (78歳以上).
 */
const UNCLOSED_AGE = /\((\d{1,3}歳)(?![^()]*\))/gu;

export function closeAgeParentheses(text: string): { text: string; closed: string[] } {
  const closed: string[] = [];
  const repaired = text.replace(UNCLOSED_AGE, (_, age: string) => {
    closed.push(`(${age}`);
    return `(${age})`;
  });
  return { text: repaired, closed };
}
