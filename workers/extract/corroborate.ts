import { isDeepStrictEqual } from "node:util";
import type { FieldDefinition, FieldType } from "../../config/forms/form-definitions.ts";
import type { BBox } from "../ocr/ocr-result.ts";
import type { AnalysedPage, PageAnalysis } from "./analyse-page.ts";
import { centreX, centreY, containsPoint } from "./boxes.ts";
import type { LanguageModel } from "./language-model.ts";
import { LIKELIER_MARGIN, likelierReading, replacementReason } from "./likelier-reading.ts";
import { majorityText } from "./majority-text.ts";
import { isDatePlausibilityWarning } from "./normalise/date-plausibility.ts";
import { normaliseValue } from "./normalise-value.ts";
import type { PageText } from "./page-text.ts";
import { readAtLabel } from "./read-at-label.ts";
import {
  type CellConfidence,
  DIGIT_TYPES,
  type FieldReading,
  normaliseContextOf,
  type ReadFieldContext,
} from "./read-field.ts";
import { differences } from "./text-alignment.ts";
import { calibrated } from "./value-confidence.ts";

/** Marks are read from ink, not from OCR: a second OCR reading says nothing about them. */
const MARKED: ReadonlySet<FieldType> = new Set(["choice", "boolean", "multichoice"]);

/**
 * Measured on generated forms, readings at both scales agreed on wrong values of these types:
 * kana has no dictionary behind it, and some confusions are shared by both scales (減/滅 and
 * 雇/尾 in a paragraph, whose many characters give them many chances).
 *
 * Names were held back too (三浦正男 read 三浦 正男 at both scales: the space between 姓 and 名 is
 * measured in the same ink for both, and 子/こ was read alike) until a name whose space the ink
 * leaves in doubt went to review on its own (name-spacing.ts), and so did one with a kanji
 * tesseract reads for another of names (normalise-name.ts). Raised since, on seeds 5, 6, 7
 * and 18: 76 names more accepted, all right once 半 joined those kanji (seed 7's two 悠半 for
 * 悠斗 had been read so at both scales).
 */
const NOT_RAISED: ReadonlySet<FieldType> = new Set(["kana", "longtext"]);

/**
 * The enlarged reading misreads names more often than the first (its 綾理 for 綾香, 太朗 for
 * 太郎): on seeds 5 and 6, each of 14 names accepted alone that it read otherwise was right.
 */
const NOT_DISPUTED: ReadonlySet<FieldType> = new Set(["name"]);

/**
 * The reading checked against the page's other readings, each parsed on its own from its own
 * labels. At another scale tesseract makes other mistakes, so a value the enlarged reading gives
 * in the same place too is far less likely wrong than either reading alone says, and one it
 * reads otherwise there goes to review. A text the enlarged and the whole-page readings both
 * read otherwise is put right where they agree, and where they do not (or the page has no
 * whole-page reading of its own), a stretch another reading gives otherwise is taken when it
 * reads likelier as Japanese (likelier-reading.ts), for review; in a paragraph, so is a character
 * of the same shape as one read.
 */
export function corroborate(
  reading: FieldReading,
  field: FieldDefinition,
  page: AnalysedPage,
  context: ReadFieldContext,
  labelFactor: (edits: number) => number,
): FieldReading {
  if (MARKED.has(field.type) || reading.bbox === null) return reading;
  const place = reading.bbox;
  const readAt = (analysis: PageAnalysis | null) =>
    analysis === null ? [] : readingsAt(place, field, analysis, context, labelFactor);
  if (DIGIT_TYPES.has(field.type) && failedItsChecks(reading)) {
    const passed = [...readAt(page.rescaled), ...readAt(page.wholePage)].find(
      (other) => other.reasons.length === 0,
    );
    return passed ? readInstead(reading, passed) : reading;
  }
  if (reading.value === null) return reading;
  const rescaled = readAt(page.rescaled);
  const raised = !NOT_RAISED.has(field.type);
  const corroborated = raised ? agreed(reading, rescaled) : reading;
  const [second] = rescaled;
  const [third] = readAt(page.wholePage);
  const voted =
    VOTED.has(field.type) && second && third
      ? majorityText(String(reading.value), String(second.value), String(third.value))
      : reading.value;
  const likelier =
    VOTED.has(field.type) && context.language
      ? likelierReading(
          String(voted),
          [second, third].flatMap((other) => (other ? [String(other.value)] : [])),
          context.language,
          { lookalikes: field.type === "longtext" },
        )
      : null;
  const value = likelier?.text ?? voted;
  const result =
    value === reading.value
      ? corroborated
      : {
          ...reading,
          value,
          reasons: [
            ...reading.reasons,
            ...votedValueWarnings(field, value, context),
            ...(likelier?.replaced ?? []).map(replacementReason),
          ],
        };
  if (field.type === "longtext" && value === reading.value) {
    const agreedAlike = second ? agreedParagraph(reading, second, third) : reading;
    const confirmed = page.rescaled ? confirmedCharacters(reading, page.rescaled.text) : undefined;
    return confirmed !== undefined && confirmed > agreedAlike.confidence
      ? { ...agreedAlike, confidence: confirmed }
      : agreedAlike;
  }
  return raised && !NOT_DISPUTED.has(field.type)
    ? disputed(result, rescaled, field.type, context.language)
    : result;
}

/**
 * A value of digits that cannot be (R4.83.28: 83月はありません; 2023/7/139) or is unlikely for
 * its field (令和83年, a record dated past today) where a speck or a stroke was read as a digit:
 * the enlarged or the whole-page reading, misreading other things, often read it so that it
 * passes (held-out seeds 31 and 34). Not for names or text, where passing says little.
 */
function failedItsChecks(reading: FieldReading): boolean {
  return reading.value === null || reading.reasons.some(isDatePlausibilityWarning);
}

/**
 * Another reading's value in place of one that failed its checks, always for review: one
 * reading alone vouches for it, and the reviewer sees what the first read.
 */
function readInstead(reading: FieldReading, other: FieldReading): FieldReading {
  const first = reading.value === null ? (reading.raw ?? "") : String(reading.value);
  return {
    ...other,
    reasons: [
      ...reading.reasons,
      `「${first}」と読めましたが、別の読み取りでは「${String(other.value)}」と読めます`,
    ],
  };
}

/**
 * A paragraph the enlarged reading gives alike, character for character, with no doubt of its
 * own, so bearing out any repair of the first reading's: raised when the first two readings are
 * sure enough of their least sure characters, less sure when the whole-page reading agrees too,
 * and then raised further. A page without ruled cells has no whole-page reading apart from its
 * first (analyse-page.ts): there the first two readings are all there is.
 */
function agreedParagraph(
  reading: FieldReading,
  second: FieldReading,
  third: FieldReading | undefined,
): FieldReading {
  if (!witnesses(second, reading)) return reading;
  const unanimous = third !== undefined && witnesses(third, reading);
  const confidence = unanimous
    ? unanimousParagraphConfidence(reading.confidence, second.confidence)
    : twoReadingsParagraphConfidence(reading.confidence, second.confidence);
  return confidence === null ? reading : { ...borneOut(reading), confidence };
}

/**
 * A typed paragraph's confidence with each character the enlarged reading reads alike in the
 * same place raised as two readings that agree are: OCR is at times unsure of one character in
 * a sure line (貯 of 貯金 read 0 % sure at 200 dpi, 66 % enlarged), and the enlarged reading as
 * unsure of a stretch it garbles elsewhere (母の年金だけで read 0才誠本員員条 at 0 %), which keeps
 * the paragraph from agreeing as a whole. A character the enlarged reading reads otherwise keeps
 * its own confidence, as in a paragraph read alone. Undefined where the paragraph is not typed.
 */
function confirmedCharacters(reading: FieldReading, enlarged: PageText): number | undefined {
  if (!reading.typeset || !reading.glyphs || !reading.bbox) return undefined;
  const place = reading.bbox;
  const others = enlarged.lines
    .filter((line) => containsPoint(place, centreX(line.bbox), centreY(line.bbox)))
    .flatMap((line) => line.tokens.flatMap((token) => token.glyphs));
  const confidences = reading.glyphs
    .filter((glyph) => glyph.char.trim() !== "")
    .map((glyph) => {
      const alike = others.find(
        (other) =>
          other.char === glyph.char &&
          containsPoint(glyph.bbox, centreX(other.bbox), centreY(other.bbox)),
      );
      return alike ? agreedConfidence(glyph.confidence, alike.confidence) : glyph.confidence;
    });
  return confidences.length === 0 ? undefined : calibrated("longtext", Math.min(...confidences));
}

/** A paragraph's confidence when every reading gives it alike; null when not raised. */
function unanimousParagraphConfidence(first: number, second: number): number | null {
  if (Math.min(first, second) < UNANIMOUS_LONG_TEXT) return null;
  return 1 - (1 - agreedConfidence(first, second)) * UNANIMOUS_DOUBT_LEFT;
}

/** The same when the whole-page reading differs; null when not raised. */
function twoReadingsParagraphConfidence(first: number, second: number): number | null {
  if (Math.min(first, second) < TWO_READINGS_LONG_TEXT) return null;
  return agreedConfidence(first, second);
}

/**
 * Where agreement raises a value's confidence, disagreement is evidence too: when the enlarged
 * reading gives another value in the same place, one of the two is wrong, and a reading sure
 * enough on its own cannot tell which (both read 85 % sure when one dropped the ー of センター).
 * Not where the enlarged reading is the one far less likely, and where it only kept a thin mark
 * the first lost, its value is taken.
 */
function disputed(
  reading: FieldReading,
  rescaled: readonly FieldReading[],
  type: FieldType,
  language: LanguageModel | undefined,
): FieldReading {
  if (
    rescaled.length === 0 ||
    rescaled.some((other) => isDeepStrictEqual(other.value, reading.value))
  )
    return reading;
  const [other] = rescaled;
  if (language && VOTED.has(type) && farLessLikely(other?.value, reading.value, language))
    return reading;
  if (type === "address" && onlyCharacterAfterNumberAdded(String(reading.value), other?.value))
    return reading;
  const reason = `拡大した読み取りでは「${String(other?.value)}」と読めます`;
  const mended =
    other &&
    (withMarkLostAdded(type, String(reading.value), other.value) ||
      (reading.oneTooMany === true && withOneCharacterLess(String(reading.value), other.value)));
  return {
    ...reading,
    ...(mended ? { value: other.value } : {}),
    reasons: [...reading.reasons, reason],
  };
}

/**
 * A text the enlarged reading gives otherwise is no dispute when each stretch it reads
 * otherwise would make the text far less likely Japanese (language-model.ts): the enlarged
 * reading misread it (久六米市 for 久留米市, four agencies on seeds 26 and 27). By the margin by
 * which likelier-reading.ts takes a stretch of another reading; stretch by stretch, since a
 * reading wrong in one place may be right in another (フードバンク against the first reading's
 * フードバンクタク, in a reading that misread 支援員 as 支援只, on seed 16), and in words only,
 * which the dictionary judges: a bracket or a digit more reads less likely for it.
 */
function farLessLikely(other: unknown, value: unknown, language: LanguageModel): boolean {
  if (typeof other !== "string" || typeof value !== "string") return false;
  const chars = Array.from(value);
  const stretches = differences(value, other);
  const cost = language.cost(value);
  return (
    stretches.length > 0 &&
    stretches.every((stretch) => {
      const read = chars.slice(stretch.start, stretch.end).join("");
      if (!WORDS_ONLY.test(read) || !WORDS_ONLY.test(stretch.text)) return false;
      const taken = [...chars.slice(0, stretch.start), stretch.text, ...chars.slice(stretch.end)];
      return language.cost(taken.join("")) - cost >= LIKELIER_MARGIN;
    })
  );
}

/**
 * An address holds nothing between a block number and the 番, 号 or 丁目 after it. The enlarged
 * reading now and then reads a character into the gap a half-width digit leaves before a
 * full-width kanji (15番8人号, on seeds 25, 28 and 29, where the first and whole-page readings
 * read 8号): no dispute, the language being of no help there (8人 is likelier to it).
 */
const BETWEEN_NUMBER_AND_COUNTER = /(?<=\d)[^\d\s-](?=[番号丁])/gu;

function onlyCharacterAfterNumberAdded(value: string, other: unknown): boolean {
  return (
    typeof other === "string" &&
    other !== value &&
    other.replace(BETWEEN_NUMBER_AND_COUNTER, "") === value
  );
}

const WORDS_ONLY = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]*$/u;

/**
 * Thin marks one reading loses and another keeps: a case number's hyphen (20200153 against the
 * enlarged reading's 2020-0153, on seed 26), and the parenthesis that closes one left open
 * (単身世帯(長女は県外在住, on seed 27). The reading with the mark, the rest alike, is taken, for
 * review.
 */
function withMarkLostAdded(type: FieldType, value: string, other: unknown): boolean {
  if (typeof other !== "string") return false;
  if (type === "id") return withDashOnlyAdded(value, other);
  return (
    VOTED.has(type) && other === `${value})` && value.lastIndexOf("(") > value.lastIndexOf(")")
  );
}

/**
 * The enlarged reading gives the value with one of its characters left out, where the count of
 * the typed line's ink found one too many (read-field.ts): a digit OCR read twice in a block
 * number (春日6-116-11 on held-out seed 34, the enlarged reading right). Taken, for review. The
 * count takes a digit at a typical width, so it finds a digit too many only where the line is
 * kanji and kana enough (サンメゾン3003号室 on the same seed it did not).
 */
function withOneCharacterLess(value: string, other: unknown): boolean {
  if (typeof other !== "string") return false;
  const chars = Array.from(value);
  return chars.some((_, at) => [...chars.slice(0, at), ...chars.slice(at + 1)].join("") === other);
}

function withDashOnlyAdded(value: string, other: string): boolean {
  const dashes = (text: string) => (text.match(/-/gu) ?? []).length;
  return other.replaceAll("-", "") === value.replaceAll("-", "") && dashes(other) > dashes(value);
}

/**
 * A paragraph that the first, the enlarged and the whole-page readings give alike, character
 * for character, none with a doubt of its own, the first two at least this sure of their least
 * sure character. The wrong ones the readings agreed on were a dropped 、 or 。 and a kanji
 * misread alike (雇/尾): the marks are now found in the ink and the welfare terms put back, each
 * with a doubt. Measured since on generated forms (seeds 5–7), 100 paragraphs so read at 40 % or
 * more were all right; the wrong ones were read 23 % sure or less. Measured again once
 * lookalikes, list numbers and quotes were checked (fifteenth session, seeds 15, 16, 22 and
 * 23): of the paragraphs so read at 10–40 %, 32 were all right; the wrong ones stood at 0–7 %
 * (ド貯金 for 貯金, a character OCR made of a speck).
 */
const UNANIMOUS_LONG_TEXT = 0.1;
/**
 * The share of the first two readings' doubt left when the whole-page reading gives the
 * paragraph alike too. It reads the same scale as the first, so it is not a third independent
 * reading, but it cuts the page otherwise. Measured on seeds 5, 7 and held-out 18: of the
 * paragraphs so read, the wrong ones stood at 64 % together at most (one reading's character
 * 0 % sure), while 35 right ones stood at 70–85 % and waited in review.
 */
const UNANIMOUS_DOUBT_LEFT = 0.5;
/**
 * The same when only the first two readings agree and the whole-page reading differs: 24 of 24
 * so read at 60 % or more were right (seeds 5–7); the wrong ones were read 19 and 29 % sure.
 * Paragraphs of label-colon forms, which have no whole-page reading of their own, were held
 * back at any confidence until seeds 5 and 6 showed 16 so read at 60–85 %, all right.
 */
const TWO_READINGS_LONG_TEXT = 0.6;

/** Text types, where a character outvoted is a character put right. */
const VOTED: ReadonlySet<FieldType> = new Set(["text", "longtext", "address"]);

/**
 * A value the other readings voted for was checked only as their own reading: the first
 * reading's confidence stands for characters it did not read. The voted value goes through its
 * type's checks again: on seed 6 the first reading's 小坂本町4-3-1 was outvoted by two readings'
 * 4.3-1, which the address check sends to review, and was accepted 91 % sure.
 */
function votedValueWarnings(field: FieldDefinition, voted: unknown, context: ReadFieldContext) {
  if (typeof voted !== "string") return [];
  const checked = normaliseValue(field.type, voted, normaliseContextOf(field, context));
  return checked.ok ? (checked.warnings ?? []) : [checked.reason];
}

/** The field's values that a reading of the page gives in `place`. */
function readingsAt(
  place: BBox,
  field: FieldDefinition,
  analysis: PageAnalysis,
  context: ReadFieldContext,
  labelFactor: (edits: number) => number,
): FieldReading[] {
  return analysis.labels
    .filter((hit) => hit.key === field.key)
    .map((hit) => {
      const other = readAtLabel(field, hit, analysis, context);
      return { ...other, confidence: other.confidence * labelFactor(hit.edits) };
    })
    .filter(
      (other) =>
        other.value !== null &&
        other.bbox !== null &&
        containsPoint(place, centreX(other.bbox), centreY(other.bbox)),
    );
}

/**
 * A table field (the progress entries) read again from the second reading's table: every row
 * and column alike, or no corroboration. Its 内容 are paragraphs, whose misreadings both scales
 * may share (紹介さきれた, accepted so on held-out seed 13): as for a paragraph read alike by
 * two readings only, the whole-page reading of the ruled cells must give the table alike too.
 * Each cell is then raised as a value of its column's type would be, a 内容 as a paragraph.
 */
export function corroborateTable(
  reading: FieldReading,
  second: FieldReading | null,
  third: FieldReading | null,
): FieldReading {
  if (second === null || second.value === null || third === null) return reading;
  if (!witnesses(third, reading) || !witnesses(second, reading)) return reading;
  const cells = reading.cells?.map((cell, index): CellConfidence => {
    const other = second.cells?.[index]?.confidence ?? 0;
    const confidence =
      cell.type === "longtext"
        ? unanimousParagraphConfidence(cell.confidence, other)
        : agreedConfidence(cell.confidence, other);
    return confidence === null ? cell : { ...cell, confidence };
  });
  if (!cells)
    return {
      ...borneOut(reading),
      confidence: agreedConfidence(reading.confidence, second.confidence),
    };
  return {
    ...borneOut(reading),
    confidence: Math.min(...cells.map((cell) => cell.confidence)),
    cells,
  };
}

/** The reading, its confidence raised by the most confident of `others` that agrees with it. */
function agreed(reading: FieldReading, others: readonly FieldReading[]): FieldReading {
  const agreeing = others.filter((other) => witnesses(other, reading));
  if (agreeing.length === 0) return reading;
  const best = Math.max(...agreeing.map((other) => other.confidence));
  return { ...borneOut(reading), confidence: agreedConfidence(reading.confidence, best) };
}

/**
 * The reading with its repairs borne out: another reading gave the repaired value as it read it
 * (督促状 where the first reading's 骨促状 was put back). They no longer send the value to review
 * on their own; one that goes for another reason still shows them (extract-forms.ts).
 */
function borneOut(reading: FieldReading): FieldReading {
  return reading.repairs ? { ...reading, repairsBorneOut: true } : reading;
}

/**
 * Another reading bears out `reading` when it gives the same value with no doubt of its own: a
 * value it reached only by a repair (世淀 put back as 世帯, a closing parenthesis supplied) was
 * not read alike, only made alike.
 */
export function witnesses(other: FieldReading, reading: FieldReading): boolean {
  return other.reasons.length === 0 && isDeepStrictEqual(other.value, reading.value);
}

/** Two independent readings that agree are wrong only when both are. */
export function agreedConfidence(first: number, second: number): number {
  return 1 - (1 - first) * (1 - second);
}
