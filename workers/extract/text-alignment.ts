/** Another reading of a text aligned to the base reading, character by character. */
export interface Alignment {
  /** What the other text has where the base has character i ("" when it lacks it). */
  at: string[];
  /** What the other text has before base character i that the base lacks; index n: at the end. */
  before: string[];
}

/** A stretch of the base, characters start to end (exclusive), that the other text reads as `text`. */
export interface Difference {
  start: number;
  end: number;
  text: string;
}

/** The other text aligned to the base by least edits (Levenshtein), matches preferred. */
export function alignTo(base: readonly string[], other: readonly string[]): Alignment {
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

/**
 * The stretches where `other` reads `base` otherwise: each run of characters read otherwise,
 * dropped or added, with what the other text has there.
 */
export function differences(base: string, other: string): Difference[] {
  const chars = Array.from(base);
  const { at, before } = alignTo(chars, Array.from(other));
  const found: Difference[] = [];
  let open: Difference | null = null;
  for (let i = 0; i <= chars.length; i++) {
    const inserted = before[i] as string;
    const differs = i < chars.length && at[i] !== chars[i];
    if (inserted !== "" || differs) {
      open ??= { start: i, end: i, text: "" };
      open.text += inserted;
    }
    if (differs && open) {
      open.text += at[i] as string;
      open.end = i + 1;
    } else if (open && (i === chars.length || !differs)) {
      found.push(open);
      open = null;
    }
  }
  return found;
}
