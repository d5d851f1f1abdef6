import { editDistance } from "../../workers/extract/normalise/edit-distance.ts";

/** Full-width ASCII (（ ３ Ａ) to half-width; unlike NFKC this keeps ③ and ㈱ as they are. */
function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function comparable(text: string): string {
  return foldWidth(text).replace(/\s+/g, "");
}

/**
 * Character error rate: edit distance / expected length, width variants and whitespace ignored
 * (spacing has its own tests). Used for text read as a whole, e.g. one long-text field.
 */
export function characterErrorRate(expected: string, actual: string): number {
  const reference = comparable(expected);
  const length = [...reference].length;
  if (length === 0) return actual.trim() === "" ? 0 : 1;
  return editDistance(reference, comparable(actual)) / length;
}

/** 1 − CER, floored at 0. */
export function characterAccuracy(expected: string, actual: string): number {
  return Math.max(0, 1 - characterErrorRate(expected, actual));
}

/**
 * Character recall of page text: the share of the truth's characters that the OCR text
 * reproduces in order (longest common subsequence), so reading order between blocks matters
 * less than in the error rate.
 */
export function characterRecall(truth: string, ocr: string): number {
  const expected = [...comparable(truth)];
  const actual = [...comparable(ocr)];
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
