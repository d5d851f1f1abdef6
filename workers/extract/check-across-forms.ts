import type { ExtractedForm, FieldItem, RecordItems } from "./extracted-form.ts";
import { editDistance } from "./normalise/edit-distance.ts";

/**
 * Fields that say whose case a form belongs to. Every form of one case file carries the same
 * ones, so two forms of a case file that read them almost alike (R4-0453 / R4-6453, 岡本 哲也 /
 * 岡本 哲志) hold one misreading between them, however sure OCR was of each: a handwritten 0 read
 * as 6 by both readings at 85 % is the mistake no single form can see. Names are compared
 * without their spaces, since one form may print 田中 幸子 and the next 田中幸子; for the same
 * reason an outvoted name is not replaced, as the others' spacing need not be its own.
 */
const CASE_KEYS = [
  { key: "case_number", replaceOutvoted: true },
  { key: "birth_date", replaceOutvoted: true },
  { key: "client_name", replaceOutvoted: false },
  { key: "client_name_kana", replaceOutvoted: false },
] as const;
/** Characters that may differ, per character of the value, for two values to be "almost alike". */
const NEAR_SHARE = 0.25;

/**
 * The forms of one case file, each identity field checked against the other forms': a value
 * almost like another form's but not the same goes to review, naming what the others read,
 * unless more forms read it than read any such rival. An outvoted value is replaced by the one
 * most forms agree on, still for review, so the reviewer confirms rather than retypes. Values far apart (two cases
 * scanned into one file without a separator sheet) are left alone.
 */
export function checkAcrossForms(forms: readonly ExtractedForm[]): ExtractedForm[] {
  const checked = forms.map((form) => ({ ...form, items: copyItems(form.items) }));
  for (const { key, replaceOutvoted } of CASE_KEYS) {
    const found = checked.flatMap((form) => {
      const item = findItem(form.items, key);
      return item && typeof item.value === "string"
        ? [{ form, item, shown: item.value, value: item.value.replace(/\s/gu, "") }]
        : [];
    });
    for (const own of found) {
      const near = found.filter(
        (other) => other.value !== own.value && almostAlike(own.value, other.value),
      );
      const [strongest, runnerUp] = tally(near);
      const agreeing = found.filter((other) => other.value === own.value).length;
      if (!strongest || agreeing > strongest.count) continue;
      const outvoted =
        replaceOutvoted && strongest.count > agreeing && strongest.count !== runnerUp?.count;
      const reason = outvoted
        ? `「${own.shown}」と読めましたが、同じケースファイルの他の様式（${strongest.count}件）では「${strongest.shown}」です`
        : `同じケースファイルの他の様式では「${[...new Set(near.map((other) => other.shown))].join("」「")}」と読めます`;
      if (outvoted) own.item.value = strongest.shown;
      own.item.needsReview = true;
      own.item.reason = own.item.reason ? `${own.item.reason} / ${reason}` : reason;
      own.form.needsReview = true;
    }
  }
  return checked;
}

function almostAlike(a: string, b: string): boolean {
  return editDistance(a, b) <= Math.max(1, Math.floor(NEAR_SHARE * Array.from(a).length));
}

/** The distinct values among `readings`, most often read first. */
function tally(
  readings: readonly { value: string; shown: string }[],
): { shown: string; count: number }[] {
  const counts = new Map<string, { shown: string; count: number }>();
  for (const { value, shown } of readings) {
    const entry = counts.get(value) ?? { shown, count: 0 };
    entry.count += 1;
    counts.set(value, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count);
}

function findItem(items: RecordItems, key: string): FieldItem | undefined {
  return items.common[key] ?? items.optional[key] ?? items.custom[key];
}

function copyItems(items: RecordItems): RecordItems {
  const copy = (group: Record<string, FieldItem>) =>
    Object.fromEntries(Object.entries(group).map(([key, item]) => [key, { ...item }]));
  return { common: copy(items.common), optional: copy(items.optional), custom: copy(items.custom) };
}
