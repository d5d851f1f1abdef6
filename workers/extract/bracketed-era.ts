import type { EraName } from "./normalise/japanese-eras.ts";

const OPENING = "(〈<[{《「";
const CLOSING = ")〉>]}》」";

/**
 * The era of a printed 大正・昭和・平成 row that OCR read inside brackets (大正(昭和)平成, 大正〈昭和平成):
 * the hand-drawn circle around it, read as the nearest marks. Used only when the ink did not show
 * the circle clearly; exactly one era so marked, or none.
 */
export function bracketedEra(text: string, printedEras: readonly EraName[]): EraName | null {
  const compact = text.normalize("NFKC").replace(/\s+/gu, "");
  const marked = printedEras.filter((era) => {
    const at = compact.indexOf(era);
    if (at < 0) return false;
    const before = compact[at - 1] ?? "";
    const after = compact[at + era.length] ?? "";
    return (before !== "" && OPENING.includes(before)) || (after !== "" && CLOSING.includes(after));
  });
  const [only, another] = marked;
  return only && !another ? only : null;
}
