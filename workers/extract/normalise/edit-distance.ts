/** Levenshtein distance by code point: one wrong, missing or extra character counts 1. */
export function editDistance(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  let previous = right.map((_, j) => j + 1);
  previous.unshift(0);
  for (const [i, char] of left.entries()) {
    const current = [i + 1];
    for (const [j, other] of right.entries()) {
      const substitution = (previous[j] ?? 0) + (char === other ? 0 : 1);
      current.push(Math.min(substitution, (previous[j + 1] ?? 0) + 1, (current[j] ?? 0) + 1));
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}
