/**
 * Line breaking for Japanese text in a box: any character may start a new line, except that
 * closing punctuation and small kana may not start one and opening brackets may not end one
 * (kinsoku shori), and numbers, Latin words and circled words stay whole.
 */

/** Commas and full stops may hang past the right edge (burasage) rather than start a line. */
const HANGING = new Set([..."、。，．,."]);
const NO_LINE_START = new Set([
  ..."、。，．・：；？！）」』】〕〉》ー～ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々)]}.,:;!?%％",
]);
const NO_LINE_END = new Set([..."（「『【〔〈《([{"]);

// A run of half- or full-width digits and Latin letters with their joiners (2023/4/12, R5.4.12,
// ０４３－２２３, 62年11月3日), which a typesetter keeps on one line.
const WORD =
  /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ](?:[0-9A-Za-z０-９Ａ-Ｚａ-ｚ./\-－()（）]|[年月](?=[0-9０-９])|日)*/y;

function tokenize(text: string, unbreakable: readonly string[]): string[] {
  const tokens: string[] = [];
  let index = 0;
  while (index < text.length) {
    const keep = unbreakable.find((word) => word && text.startsWith(word, index));
    if (keep) {
      tokens.push(keep);
      index += keep.length;
      continue;
    }
    WORD.lastIndex = index;
    const word = WORD.exec(text);
    if (word) {
      tokens.push(word[0]);
      index += word[0].length;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(index) as number);
    tokens.push(char);
    index += char.length;
  }
  return tokens;
}

/**
 * Breaks `text` into lines no wider than `maxWidth` (a closing mark may hang just past it, as in
 * print). "\n" forces a break.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  measure: (text: string) => number,
  unbreakable: readonly string[] = [],
): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const token of tokenize(paragraph, unbreakable)) {
      if (line === "" || HANGING.has(token) || measure(line + token) <= maxWidth) {
        line += token;
        continue;
      }
      // Characters that may not start a line take the one before them along (oidashi);
      // brackets that may not end a line move down to what they open.
      let carried = "";
      if (NO_LINE_START.has(token) && [...line].length > 1) {
        carried = [...line].at(-1) as string;
        line = line.slice(0, -carried.length);
      }
      while ([...line].length > 1 && NO_LINE_END.has([...line].at(-1) as string)) {
        const bracket = [...line].at(-1) as string;
        carried = bracket + carried;
        line = line.slice(0, -bracket.length);
      }
      lines.push(line);
      line = carried + token;
    }
    lines.push(line);
  }
  return lines;
}
