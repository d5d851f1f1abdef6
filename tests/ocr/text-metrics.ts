/** Levenshtein distance over code points (kanji outside the BMP count as one character). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/** Full-width ASCII (（ ３ Ａ) to half-width; unlike NFKC this keeps ③ and ㈱ as they are. */
function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Share of the expected characters read right, 1 − CER. Width variants and whitespace are
 * ignored: spacing has its own tests.
 */
export function characterRecall(expected: string, actual: string): number {
  const norm = (text: string) => foldWidth(text).replace(/\s+/g, "");
  const reference = norm(expected);
  const length = [...reference].length;
  if (length === 0) return 1;
  return Math.max(0, 1 - editDistance(reference, norm(actual)) / length);
}
