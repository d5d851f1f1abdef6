import { alignTo } from "./text-alignment.ts";

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
