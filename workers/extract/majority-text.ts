/**
 * Three readings of one text, character by character: where the two others agree against the
 * first (a character read otherwise, dropped or added), they outvote it. OCR readings at other
 * scales or with other segmentation misread different characters, so a misreading in one
 * of them is mostly outvoted by the two others.
 */
export function majorityText(first: string, second: string, third: string): string {
  const base = Array.from(first);
  const b = alignTo(base, Array.from(second));
  const c = alignTo(base, Array.from(third));
  let voted = "";
  for (let i = 0; i <= base.length; i++) {
    const insertedB = b.before[i] as string;
    if (insertedB !== "" && insertedB === c.before[i]) voted += insertedB;
    if (i === base.length) break;
    const own = base[i] as string;
    const atB = b.at[i] as string;
    voted += atB !== own && atB === c.at[i] ? atB : own;
  }
  return voted;
}

interface Alignment {
  /** What the other text has where the base has character i ("" when it lacks it). */
  at: string[];
  /** What the other text has before base character i that the base lacks; index n: at the end. */
  before: string[];
}

/** The other text aligned to the base by least edits (Levenshtein), matches preferred. */
function alignTo(base: readonly string[], other: readonly string[]): Alignment {
  const n = base.length;
  const m = other.length;
  const cost: number[][] = Array.from({ length: n + 1 }, (_, i) =>
    Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => (cost[i] as number[])[j] as number;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const same = base[i - 1] === other[j - 1] ? 0 : 1;
      (cost[i] as number[])[j] = Math.min(
        at(i - 1, j - 1) + same,
        at(i - 1, j) + 1,
        at(i, j - 1) + 1,
      );
    }
  }
  const aligned: Alignment = { at: new Array(n).fill(""), before: new Array(n + 1).fill("") };
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && at(i, j) === at(i - 1, j - 1) + (base[i - 1] === other[j - 1] ? 0 : 1)) {
      aligned.at[i - 1] = other[j - 1] as string;
      i--;
      j--;
    } else if (i > 0 && at(i, j) === at(i - 1, j) + 1) {
      i--;
    } else {
      aligned.before[i] = (other[j - 1] as string) + aligned.before[i];
      j--;
    }
  }
  return aligned;
}
