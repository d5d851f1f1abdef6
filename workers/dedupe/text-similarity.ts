/**
 * Dice similarity of the character bigrams of two OCR texts, spaces ignored (0..1). Two scans of
 * one sheet read nearly alike; two filled copies of one printed form share their labels but not
 * their values, and score clearly lower.
 */
export function textSimilarity(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  const total = sum(left) + sum(right);
  if (total === 0) return 0;
  let shared = 0;
  for (const [gram, count] of left) shared += Math.min(count, right.get(gram) ?? 0);
  return (2 * shared) / total;
}

function bigrams(text: string): Map<string, number> {
  const chars = [...text.replace(/\s+/g, "")];
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = `${chars[i]}${chars[i + 1]}`;
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

function sum(grams: Map<string, number>): number {
  let total = 0;
  for (const count of grams.values()) total += count;
  return total;
}
