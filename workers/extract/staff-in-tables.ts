import { type ExtractedForm, sendToReview } from "./extracted-form.ts";
import { editDistance } from "./normalise/edit-distance.ts";
import { withoutSpaces } from "./normalise/normalise-name.ts";
import { cellReasonPrefix } from "./read-table-field.ts";

/** The progress table, and its column of who handled each contact (対応者). */
const TABLE_KEY = "entries";
const STAFF_COLUMN = "staff";
/** The 担当者 each form of the case file names. */
const STAFF_KEY = "staff_name";

interface KnownName {
  /** As a form read it, with its 姓/名 space if it has one. */
  shown: string;
  /** Without spaces: what a row's reading is compared with. */
  bare: string;
  /** A family name alone, taken from a full name printed with its space. */
  family: boolean;
}

/**
 * The 対応者 of each row of a case file's progress tables checked against the 担当者 its forms
 * name, by full name or by family name (a row is signed 藤田 or 藤田 花子). A cell read at a few
 * characters from exactly one of them (田申 遠也 for 田中 達也, 山田 人節子) is put back to it, and
 * a space OCR put inside a family name (佐々 木) is taken out; each such row is named in the
 * table's review reason. Family names of two characters are left alone: one wrong character
 * there is as likely a colleague's name (田村 beside 田中) as a misreading.
 */
export function checkStaffInTables(forms: readonly ExtractedForm[]): void {
  const known = knownNames(forms);
  if (known.length === 0) return;
  for (const form of forms) {
    const table = form.items.common[TABLE_KEY];
    if (!table || !Array.isArray(table.value)) continue;
    const notes: string[] = [];
    table.value = table.value.map((row: Record<string, unknown>, index) => {
      const read = row[STAFF_COLUMN];
      if (typeof read !== "string" || read === "") return row;
      const meant = nameMeant(read, known);
      if (meant === null || meant === read) return row;
      notes.push(
        `${cellReasonPrefix(index + 1, "対応者")}「${read}」を担当者の「${meant}」と読みました`,
      );
      return { ...row, [STAFF_COLUMN]: meant };
    });
    if (notes.length > 0) sendToReview(table, notes);
  }
}

/**
 * The case file's 担当者 read surely (accepted, or read alike on two forms), and each one's
 * family name where a form printed it apart. A 担当者 misread on its one form (長谷川 美極) would
 * put its misreading into the rows that read it right.
 */
function knownNames(forms: readonly ExtractedForm[]): KnownName[] {
  const items = forms.flatMap((form) => {
    const item = form.items.common[STAFF_KEY];
    return item && typeof item.value === "string" && item.value !== "" ? [item] : [];
  });
  const readOn = (value: unknown) => items.filter((item) => item.value === value).length;
  const names = new Map<string, KnownName>();
  for (const item of items) {
    const staff = item.value as string;
    if (item.needsReview && readOn(staff) < 2) continue;
    const bare = withoutSpaces(staff);
    if (!names.has(bare)) names.set(bare, { shown: staff, bare, family: false });
    const [family] = staff.split(" ");
    if (staff.includes(" ") && family && !names.has(family))
      names.set(family, { shown: family, bare: family, family: true });
  }
  return [...names.values()];
}

/** The known name `read` stands for, in its spelling; null when none or more than one. */
function nameMeant(read: string, known: readonly KnownName[]): string | null {
  const bare = withoutSpaces(read);
  const exact = known.find((name) => name.bare === bare);
  if (exact) return exact.family ? exact.shown : read;
  if (Array.from(bare).length < 3) return null;
  const near = known.filter((name) => misreadOf(bare, name.bare));
  const [only, another] = near;
  if (!only || another) return null;
  return /\s/u.test(read) ? inRowSpacing(read, only) : only.bare;
}

/**
 * A row read with a 姓/名 space keeps one: where a form printed the name's, there; else where
 * the row's part before or after its space begins or ends the name (山田 人節子: 山田 節子), or
 * at the row's place when the two have as many characters. A family name has none.
 */
function inRowSpacing(read: string, name: KnownName): string {
  if (name.family || /\s/u.test(name.shown)) return name.shown;
  const [before = "", after = ""] = read.split(/\s+/u);
  const characters = Array.from(name.bare);
  const at = name.bare.startsWith(before)
    ? Array.from(before).length
    : name.bare.endsWith(after)
      ? characters.length - Array.from(after).length
      : Array.from(read).length - 1 === characters.length
        ? Array.from(before).length
        : null;
  return at === null || at === 0 || at === characters.length
    ? name.bare
    : [...characters.slice(0, at), " ", ...characters.slice(at)].join("");
}

/**
 * `read` can be a misreading of `name`: as many characters with at most half of them wrong, or
 * one character more or fewer (山田人節子 for 山田節子, 浦義男 for 三浦義男).
 */
function misreadOf(read: string, name: string): boolean {
  const readLength = Array.from(read).length;
  const nameLength = Array.from(name).length;
  if (nameLength < 3) return false;
  const edits = editDistance(read, name);
  return readLength === nameLength
    ? edits <= Math.floor(nameLength / 2)
    : Math.abs(readLength - nameLength) === 1 && edits === 1;
}
