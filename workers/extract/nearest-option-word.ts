import type { ChoiceOptionDefinition } from "../../config/forms/form-definitions.ts";

/**
 * The option a cell's word was written for when OCR misread one of its characters (訪問 read
 * 太問, 会議 read 会衣): a column of a few short words, none sharing a character in the same
 * place with another, so one character right in its place names the word. Nothing when the
 * word is as near to two options, or is a single character.
 */
export function nearestOptionWord(
  written: string,
  options: readonly ChoiceOptionDefinition[],
): { option: ChoiceOptionDefinition; word: string } | null {
  const read = Array.from(written.normalize("NFKC").replace(/\s+/gu, ""));
  if (read.length < 2) return null;
  const near = options.flatMap((option) =>
    option.words
      .filter((word) => oneCharacterOff(read, Array.from(word)))
      .map((word) => ({ option, word })),
  );
  const [only, another] = near;
  return only && !another ? only : null;
}

function oneCharacterOff(read: readonly string[], word: readonly string[]): boolean {
  return (
    read.length === word.length && read.filter((char, index) => char !== word[index]).length === 1
  );
}
