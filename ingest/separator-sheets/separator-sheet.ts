/**
 * A separator sheet (区切り紙): a printed page a clerk puts in front of each case file (or each
 * box) of a scan batch, so one scanned batch file can hold many case files. The split stage cuts
 * the file at each sheet, gives the pages after it the sheet's metadata, and drops the sheet.
 */
export interface SeparatorSheet {
  /** The batch name the sheets were printed for (バッチ名). */
  batch: string;
  /** 相談支援機関: the agency the case files belong to. */
  agency: string;
  /** 箱番号: the archive box the case file came out of; null when not given. */
  box: string | null;
  /** ケース番号: the case file's number; null on a sheet that only separates boxes or bundles. */
  caseNumber: string | null;
  /** 通番: the sheet's position in its print run, from 1. */
  serial: number;
}

/** Longest values, in characters: they must fit the QR code at a size a 150 dpi scan resolves. */
export const SHEET_FIELD_LIMITS = {
  batch: 30,
  agency: 30,
  box: 10,
  caseNumber: 20,
  serial: 9999,
} as const;

/** A value a sheet cannot carry; the message is for the person printing sheets. */
export class SeparatorSheetValueError extends Error {
  override name = "SeparatorSheetValueError";
}

// Control characters would make the printed text and the payload disagree.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Checks and normalises a sheet's values: trimmed text, empty optional values become null. */
export function separatorSheet(values: {
  batch: string;
  agency: string;
  box?: string | null;
  caseNumber?: string | null;
  serial: number;
}): SeparatorSheet {
  const sheet: SeparatorSheet = {
    batch: text("バッチ名", values.batch, SHEET_FIELD_LIMITS.batch),
    agency: text("相談支援機関", values.agency, SHEET_FIELD_LIMITS.agency),
    box: optionalText("箱番号", values.box, SHEET_FIELD_LIMITS.box),
    caseNumber: optionalText("ケース番号", values.caseNumber, SHEET_FIELD_LIMITS.caseNumber),
    serial: values.serial,
  };
  if (
    !Number.isInteger(sheet.serial) ||
    sheet.serial < 1 ||
    sheet.serial > SHEET_FIELD_LIMITS.serial
  ) {
    throw new SeparatorSheetValueError(
      `通番は 1〜${SHEET_FIELD_LIMITS.serial} の整数にしてください。`,
    );
  }
  return sheet;
}

function text(label: string, value: string, limit: number): string {
  const trimmed = value.normalize("NFC").trim();
  if (!trimmed) throw new SeparatorSheetValueError(`${label}を入力してください。`);
  if (CONTROL.test(trimmed)) {
    throw new SeparatorSheetValueError(`${label}に改行や制御文字は使えません。`);
  }
  if ([...trimmed].length > limit) {
    throw new SeparatorSheetValueError(`${label}は${limit}文字以内にしてください。`);
  }
  return trimmed;
}

function optionalText(label: string, value: string | null | undefined, limit: number) {
  return value?.trim() ? text(label, value, limit) : null;
}

/** Most sheets one print run makes: a box rarely holds more case files than this. */
export const MAX_SHEETS_PER_RUN = 500;

/**
 * `count` sheets with the same metadata and serials 1..count: one in front of each case file of
 * a box, the case number left out unless given (then every sheet carries it).
 */
export function separatorSheetRun(
  values: { batch: string; agency: string; box?: string | null; caseNumber?: string | null },
  count: number,
): SeparatorSheet[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_SHEETS_PER_RUN) {
    throw new SeparatorSheetValueError(`枚数は 1〜${MAX_SHEETS_PER_RUN} の整数にしてください。`);
  }
  return Array.from({ length: count }, (_, index) =>
    separatorSheet({ ...values, serial: index + 1 }),
  );
}
