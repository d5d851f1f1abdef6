/**
 * Character error rate of extracted long text: Levenshtein distance over code points (so a kanji
 * counts once), divided by the truth's length.
 */
export function editDistance(a: string, b: string): number {
  const source = [...a];
  const target = [...b];
  let previous = Array.from({ length: target.length + 1 }, (_, index) => index);
  let current = new Array<number>(target.length + 1).fill(0);
  source.forEach((char, i) => {
    current[0] = i + 1;
    for (let j = 1; j <= target.length; j++) {
      const substitution = (previous[j - 1] as number) + (char === target[j - 1] ? 0 : 1);
      current[j] = Math.min(
        substitution,
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
      );
    }
    [previous, current] = [current, previous];
  });
  return previous[target.length] as number;
}

/** A missing or non-text value has lost every character: 1. */
export function characterErrorRate(truth: string, extracted: unknown): number {
  const length = [...truth].length;
  if (typeof extracted !== "string") return 1;
  if (length === 0) return extracted.length === 0 ? 0 : 1;
  return editDistance(extracted, truth) / length;
}
