/**
 * Character recall of OCR output against ground truth: the share of the truth's characters that
 * the OCR text reproduces in order (longest common subsequence), whitespace ignored on both sides.
 */
export function characterRecall(truth: string, ocr: string): number {
  const expected = [...truth.replace(/\s/g, "")];
  const actual = [...ocr.replace(/\s/g, "")];
  if (expected.length === 0) return 1;
  let previous = new Uint32Array(actual.length + 1);
  let current = new Uint32Array(actual.length + 1);
  for (const char of expected) {
    for (let j = 1; j <= actual.length; j++) {
      current[j] =
        char === actual[j - 1]
          ? (previous[j - 1] ?? 0) + 1
          : Math.max(previous[j] ?? 0, current[j - 1] ?? 0);
    }
    [previous, current] = [current, previous];
  }
  return (previous[actual.length] ?? 0) / expected.length;
}
