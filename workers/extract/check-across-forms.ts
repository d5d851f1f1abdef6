import { agreedConfidence } from "./corroborate.ts";
import { checkDatesAfterIntake } from "./dates-after-intake.ts";
import {
  type ExtractedForm,
  type FieldItem,
  findItem,
  formNeedsReview,
  type RecordItems,
  sendToReview,
  splitReasons,
} from "./extracted-form.ts";
import { confirmKanaByName } from "./kana-matches-name.ts";
import type { LanguageModel } from "./language-model.ts";
import { isLowConfidenceReason, onlyLowConfidence } from "./low-confidence.ts";
import { DOUBTFUL_SPACE } from "./name-spacing.ts";
import { editDistance } from "./normalise/edit-distance.ts";
import { isKnownMisreading, withoutSpaces } from "./normalise/normalise-name.ts";
import { checkStaffInTables } from "./staff-in-tables.ts";
import { calibrated } from "./value-confidence.ts";

/**
 * `agreeing`: each of two forms that read a value alike must be at least this sure of its least
 * sure character for their agreement to pass it. Measured on generated case files (seeds 5–7,
 * 700 such values): the misreadings two forms shared (岡田 知子 for 智子, 井上上康弘) were read
 * 66–77 % sure.
 */
const AGREEING_FLOOR = 0.75;
/**
 * Case numbers were never seen misread alike on two forms, and their own reading has no check
 * behind it (a letter OCR added, RS5-0457, passes any): a second form's is what passes one read
 * 40–75 % sure. The two together must still reach the review threshold.
 */
const CASE_NUMBER_AGREEING_FLOOR = 0.4;
/**
 * Names likewise. A name is accepted alone from 60 % (value-confidence.ts), so the 75 % floor
 * never let agreement pass one. Measured on seeds 5–7 and held-out 18 (the code of the eleventh
 * session): of 90 names read exactly alike on two forms or more with one of them in review for
 * low confidence alone, none was wrong. A name two forms misread alike is still held back by a
 * third that reads it otherwise (acceptAgreedValue).
 */
const NAME_AGREEING_FLOOR = 0.4;

/**
 * Fields that name the case, its client and who handles it: the forms of one case file carry
 * the same ones, each read from its own page. Two forms that read one almost alike (R4-0453 /
 * R4-6453, 岡本 哲也 / 岡本 哲志) hold a misreading between them, however sure OCR was of each:
 * a handwritten 0 read as 6 by both readings at 85 % is the mistake no single form can see.
 * Two forms that read one exactly alike are two independent readings of it. Names are compared
 * without their spaces, since one form may print 田中 幸子 and the next 田中幸子; for the same
 * reason a name replaced by a rival keeps its own spacing.
 */
const CASE_KEYS = [
  { key: "case_number", type: "id", rival: "outvoting", agreeing: CASE_NUMBER_AGREEING_FLOOR },
  { key: "birth_date", type: "date", rival: "outvoting", agreeing: AGREEING_FLOOR },
  { key: "client_name", type: "name", rival: "better", agreeing: NAME_AGREEING_FLOOR },
  { key: "client_name_kana", type: "kana", rival: "outvoting", agreeing: AGREEING_FLOOR },
  { key: "staff_name", type: "name", rival: "better", agreeing: NAME_AGREEING_FLOOR },
  { key: "agency", type: "text", rival: "better", agreeing: AGREEING_FLOOR },
] as const;

/**
 * When a near rival replaces a value, for review still. "outvoting": only one more forms read
 * than read the value. "better": also one as many forms read when one of them read it surer than
 * any reading of the value, its least sure character at least RIVAL_FLOOR sure; a name keeps its
 * own form's spacing. Measured on generated case files (seeds 5–7): a name misread on one form
 * (村上談, 小野直甘, 岡田 知子) was read right on another at 85–99 %, while a rival read less than
 * 75 % sure was as often the misreading (小野 悠半 at 60 % against 小野悠斗). Not for kana, which
 * has no dictionary behind it: on held-out seed 9 a sure アノ アイ outread the right オノ アイ.
 */
type RivalRule = (typeof CASE_KEYS)[number]["rival"];
const RIVAL_FLOOR = 0.75;
/** Characters that may differ, per character of the value, for two values to be "almost alike". */
const NEAR_SHARE = 0.25;

export interface CheckAcrossFormsOptions {
  /** As extractForms': a value at least this sure is accepted. */
  reviewThreshold: number;
  /** For the ふりがな's check against the name's readings (kana-matches-name.ts); none: no check. */
  language?: LanguageModel;
}

interface Found {
  form: ExtractedForm;
  item: FieldItem;
  /** The value as read. */
  shown: string;
  /** The value compared: without spaces. */
  value: string;
  /** In review on its form's own reading, before any other form was compared with it. */
  doubtedAlone: boolean;
  /**
   * So, and for a failed check of its own that bears on its characters: not only OCR's
   * confidence, nor only its 姓/名 space, which forms are not compared by.
   */
  failedAlone: boolean;
}

/**
 * The forms of one case file, each field of CASE_KEYS checked against the other forms'. A value
 * almost like another form's but not the same goes to review, naming what the others read,
 * unless more forms read it than read any such rival, or it passed its own checks and every
 * rival failed its own, read less sure; a value outvoted, for names and the agency outread
 * (see RivalRule), or doubted where a rival was not, is replaced by the rival, still for
 * review, so the reviewer confirms rather than retypes. A value in review only for low
 * confidence that another form reads exactly alike is accepted when the two readings together
 * are sure enough and no form reads it almost alike otherwise. First, a ふりがな that spells a
 * reading of the client's name is confirmed (kana-matches-name.ts). Values far apart (two
 * cases scanned into one file without a separator sheet) are left alone. Last, the
 * progress tables' 対応者 are checked against the 担当者 so settled (staff-in-tables.ts), and the
 * dates of the forms against the 受付日 (dates-after-intake.ts).
 */
export function checkAcrossForms(
  forms: readonly ExtractedForm[],
  options: CheckAcrossFormsOptions,
): ExtractedForm[] {
  const checked = forms.map((form) => ({ ...form, items: copyItems(form.items) }));
  if (options.language) confirmKanaByName(checked, options.language);
  for (const { key, type, rival, agreeing } of CASE_KEYS) {
    const floors = {
      rival: calibrated(type, RIVAL_FLOOR),
      agreeing: calibrated(type, agreeing),
    };
    const found = checked.flatMap((form): Found[] => {
      const item = findItem(form.items, key);
      return item && typeof item.value === "string"
        ? [
            {
              form,
              item,
              shown: item.value,
              value: withoutSpaces(item.value),
              doubtedAlone: item.needsReview,
              failedAlone: failedOnItsCharacters(item),
            },
          ]
        : [];
    });
    if (type === "kana") for (const own of found) takeConfirmedSpacing(own, found);
    const replaced = found.filter((own) =>
      disputeNearValues(own, found, type, rival, floors.rival),
    );
    for (const own of replaced) acceptSettledReplacement(own, found);
    for (const own of found)
      acceptAgreedValue(own, found, options.reviewThreshold, floors.agreeing);
  }
  checkStaffInTables(checked);
  checkDatesAfterIntake(checked);
  return checked.map((form) => ({ ...form, needsReview: formNeedsReview(form) }));
}

/**
 * A kana name whose 姓/名 space its own ink left in doubt (put at its widest blank, see
 * name-spacing.ts) takes the space of another form that reads the same characters with a space
 * its ink confirmed: the likelier spelling for the reviewer to confirm. It stays in review. Not
 * for names in kanji, which one form prints 田中 幸子 and the next, or the client's own hand,
 * 田中幸子.
 */
function takeConfirmedSpacing(own: Found, found: readonly Found[]): void {
  if (!own.item.reason?.includes(DOUBTFUL_SPACE)) return;
  const confirmed = found.find(
    (other) =>
      other.value === own.value &&
      /\s/u.test(other.shown) &&
      !other.item.reason?.includes(DOUBTFUL_SPACE),
  );
  if (!confirmed || confirmed.shown === own.shown) return;
  own.item.value = confirmed.shown;
  own.shown = confirmed.shown;
  own.item.reason = own.item.reason.replace(
    DOUBTFUL_SPACE,
    `${DOUBTFUL_SPACE}（他の様式の読み取りに合わせて「${confirmed.shown}」としました）`,
  );
}

/**
 * A value is disputed by another form's near rival, unless its own reading passed every check
 * and every rival's failed one, read less sure: then the rival's doubt explains the difference
 * (山口 節チ beside 山口 節子, R5-9221 in digits that look handwritten beside R5-0221).
 * Conversely a value every form doubted on its own reading gives way, for review, to a rival as
 * often read and never doubted (コパヤシ イチロウ read 38 % sure, アベベ マサル, ョヨシダ マサオ beside
 * the right kana on another form, on held-out seeds 31 and 34): the reviewer then confirms the
 * likelier reading instead of retyping it.
 */
function disputeNearValues(
  own: Found,
  found: readonly Found[],
  type: (typeof CASE_KEYS)[number]["type"],
  rule: RivalRule,
  rivalFloor: number,
): boolean {
  const near = found.filter((other) => isNearRival(own, other));
  if (near.length > 0 && near.every((rival) => explainedByItsOwnDoubt(rival, own))) return false;
  if (type === "name") {
    const misread = byKnownMisreading(own, near);
    if (misread !== undefined) return misread;
  }
  const [strongest, runnerUp] = tally(near);
  const agreeing = tally(found.filter((other) => other.value === own.value))[0];
  if (!strongest || !agreeing || agreeing.count > strongest.count) return false;
  const outvoted = strongest.count > agreeing.count && strongest.count !== runnerUp?.count;
  const betterRead =
    rule === "better" &&
    strongest.count === agreeing.count &&
    strongest.best > agreeing.best &&
    strongest.best >= rivalFloor;
  const passedWhereOwnFailed =
    strongest.count === agreeing.count &&
    everyReading(found, own.value, (other) => other.doubtedAlone) &&
    everyReading(found, strongest.value, (other) => !other.doubtedAlone);
  const reason = outvoted
    ? `「${own.shown}」と読めましたが、同じケースファイルの他の様式（${strongest.count}件）では「${strongest.shown}」です`
    : betterRead
      ? `「${own.shown}」と読めましたが、同じケースファイルの他の様式ではよりはっきり「${strongest.shown}」と読めます`
      : passedWhereOwnFailed
        ? `「${own.shown}」と読めましたが、同じケースファイルの他の様式では確かめられた「${strongest.shown}」と読めます`
        : readOtherwise(near);
  if (outvoted || betterRead || passedWhereOwnFailed) {
    own.item.value = rule === "better" ? inOwnSpacing(own.shown, strongest.shown) : strongest.shown;
  }
  sendToReview(own.item, [reason]);
  return outvoted || betterRead || passedWhereOwnFailed;
}

function everyReading(
  found: readonly Found[],
  value: string,
  test: (reading: Found) => boolean,
): boolean {
  return found.every((other) => other.value !== value || test(other));
}

/**
 * Names against rivals that differ from them only by a kanji tesseract reads for another (悠半
 * for 悠斗, 和志 for 和也: normalise-name.ts): the rival that reads the meant kanji is the likelier,
 * however many forms read the misreading (on seed 35 three forms read 藤田 悠半 and one 藤田悠斗,
 * which they outvoted). A name so misread takes that rival's characters, for review; a name
 * every rival only misreads so is not outvoted by them, and goes to review naming them. Undefined
 * where neither holds, for the other rules to settle.
 */
function byKnownMisreading(own: Found, near: readonly Found[]): boolean | undefined {
  const meant = near.find((rival) => isKnownMisreading(own.value, rival.value));
  if (meant) {
    own.item.value = inOwnSpacing(own.shown, meant.shown);
    sendToReview(own.item, [
      `「${own.shown}」と読めましたが、同じケースファイルの他の様式では「${meant.shown}」と読めます`,
    ]);
    return true;
  }
  if (near.length === 0 || !near.every((rival) => isKnownMisreading(rival.value, own.value)))
    return undefined;
  sendToReview(own.item, [readOtherwise(near)]);
  return false;
}

/** The reason naming what the other forms read. */
function readOtherwise(near: readonly Found[]): string {
  return `同じケースファイルの他の様式では「${[...new Set(near.map((other) => other.shown))].join("」「")}」と読めます`;
}

/**
 * A value replaced by its rival is accepted when its own reading was in doubt on its own and
 * every other form that reads the rival accepted it, disputes settled, and shows it as it now
 * stands, 姓/名 space and all: the case file then holds one value, accepted where it was read
 * well, and the misreading it replaced was doubted where it was read. Not where the rival
 * adds or drops a character: the space cannot be placed from the value's own ink then (on
 * seed 5 a handwritten 遠藤 拓 took the typed forms' 遠藤拓也 where the form had written
 * 遠藤 拓也).
 */
function acceptSettledReplacement(own: Found, found: readonly Found[]): void {
  if (!own.doubtedAlone || typeof own.item.value !== "string") return;
  const value = withoutSpaces(own.item.value);
  // A name's 姓/名 space is the form's own: kept from its ink only where a character was misread
  // for another (inOwnSpacing), and then settled only where the others space it alike.
  const spacedByOwnInk =
    Array.from(value).length === Array.from(own.value).length &&
    !own.item.reason?.includes(DOUBTFUL_SPACE);
  const readers = found.filter((other) => other !== own && other.value === value);
  const settled = readers.every(
    (other) => !other.item.needsReview && other.shown === own.item.value,
  );
  if (!spacedByOwnInk || readers.length === 0 || !settled) return;
  own.item.needsReview = false;
  own.item.confidence = Math.max(...readers.map((other) => other.item.confidence));
  delete own.item.reason;
}

/**
 * The rival's own reading failed a check of its own, not only OCR's confidence: on held-out seed
 * 23 a handwritten 山本 二, read 86 % sure, stood beside a typed 山本 請 in review for low
 * confidence alone, and both were 山本 博.
 */
function explainedByItsOwnDoubt(rival: Found, own: Found): boolean {
  return !own.doubtedAlone && rival.failedAlone && rival.item.confidence < own.item.confidence;
}

/**
 * In review for a check of its own on its characters. A doubt of the 姓/名 space alone says
 * nothing of them: on seed 25 a typed 中川 照子 in doubt only of its space stood beside a
 * handwritten 中川 昭子 read 87 % sure, and did not dispute it, which was accepted wrong.
 */
function failedOnItsCharacters(item: FieldItem): boolean {
  return (
    item.needsReview &&
    splitReasons(item.reason).some(
      (reason) => reason !== DOUBTFUL_SPACE && !isLowConfidenceReason(reason),
    )
  );
}

/**
 * The rival's characters with the value's own 姓/名 space, where the two have as many
 * characters: one form prints 田中 幸子 and the next 田中幸子.
 */
function inOwnSpacing(shown: string, rival: string): string {
  const characters = Array.from(withoutSpaces(rival));
  const own = Array.from(shown);
  const space = own.indexOf(" ");
  if (space === -1) return characters.join("");
  if (own.length - 1 !== characters.length) return rival;
  return [...characters.slice(0, space), " ", ...characters.slice(space)].join("");
}

function acceptAgreedValue(
  own: Found,
  found: readonly Found[],
  threshold: number,
  agreeingFloor: number,
): void {
  if (!onlyLowConfidence(own.item) || own.item.confidence < agreeingFloor) return;
  // Outvoting a rival settles which value the file holds, not that it was read right: two forms
  // may share a misreading a third form escaped (岡田 知子 twice beside 岡田 智子).
  if (found.some((other) => isNearRival(own, other))) return;
  const partners = found.filter(
    (other) =>
      other.form !== own.form &&
      other.value === own.value &&
      other.item.confidence >= agreeingFloor &&
      (!other.item.needsReview || onlyLowConfidence(other.item)),
  );
  if (partners.length === 0) return;
  const confidence = agreedConfidence(
    own.item.confidence,
    Math.max(...partners.map((other) => other.item.confidence)),
  );
  if (confidence < threshold) return;
  own.item.confidence = Math.round(confidence * 1000) / 1000;
  own.item.needsReview = false;
  delete own.item.reason;
}

/** Another form's reading of the value almost like it but not the same: one of them misread. */
function isNearRival(own: Found, other: Found): boolean {
  return other.value !== own.value && almostAlike(own.value, other.value);
}

function almostAlike(a: string, b: string): boolean {
  return editDistance(a, b) <= Math.max(1, Math.floor(NEAR_SHARE * Array.from(a).length));
}

/**
 * The distinct values among `readings`, each shown as its surest reading shows it: most often
 * read first, then most surely.
 */
function tally(
  readings: readonly Found[],
): { value: string; shown: string; count: number; best: number }[] {
  const counts = new Map<string, { value: string; shown: string; count: number; best: number }>();
  for (const { value, shown, item } of readings) {
    const entry = counts.get(value) ?? { value, shown, count: 0, best: -1 };
    entry.count += 1;
    if (item.confidence > entry.best) {
      entry.best = item.confidence;
      entry.shown = shown;
    }
    counts.set(value, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || b.best - a.best);
}

function copyItems(items: RecordItems): RecordItems {
  const copy = (group: Record<string, FieldItem>) =>
    Object.fromEntries(Object.entries(group).map(([key, item]) => [key, { ...item }]));
  return { common: copy(items.common), optional: copy(items.optional), custom: copy(items.custom) };
}
