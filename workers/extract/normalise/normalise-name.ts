import { kanjiForLoneKatakana } from "./kanji-lookalikes.ts";
import { accept, type Normalised, reject } from "./normalise-result.ts";
import { rulingsToSpaces, stripEdgeNoise } from "./ocr-noise.ts";

// The seal after 担当者 (㊞, 印, (印)) and honorifics a clerk adds after a client's name. 印 alone
// goes only after a gap, since it could end a name.
const SEAL = /(?:\s+印|\s*\(印\))$/u;
const HONORIFIC = /\s*(?:様|殿|さま)$/u;
// A name begins and ends with a character of the name: a mark standing apart at either end is
// a speck of dirt or a ruling's end OCR read as the nearest symbol (中川恵子 ・, + 青木美咲).
// A dot or star after the last character is one too, even touching it (中川義男.).
const STRAY_MARK_AT_EDGE = /^[\p{P}\p{S}]+\s+|\s+[\p{P}\p{S}]+$|[.,*・]+$/u;

/**
 * 氏名 / 担当者: NFKC, with one ASCII space where the paper separates family and given name (a
 * gap or the ruling between 姓 and 名 boxes), and the honorific or seal after the name removed.
 * Digits cannot be part of a name, so a name with digits goes to review.
 */
export function normaliseName(raw: string): Normalised<string> {
  let text = stripEdgeNoise(rulingsToSpaces(raw.replace(/㊞\s*$/u, "").normalize("NFKC")));
  for (let previous = ""; previous !== text; ) {
    previous = text;
    text = text.replace(SEAL, "").replace(HONORIFIC, "").replace(STRAY_MARK_AT_EDGE, "").trim();
  }
  text = kanjiForLoneKatakana(text.replace(/\s+/gu, " "));
  if (text === "") return reject("氏名が記入されていません");
  if (/\p{Nd}/u.test(text)) return reject("氏名に数字が含まれています");
  return accept(text);
}
