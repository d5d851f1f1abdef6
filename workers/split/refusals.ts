/**
 * The clerk-facing refusals of the split stage, in one place so the wording stays consistent.
 * Each says what is wrong and what the clerk can do about it, and never quotes the file.
 */
import { InputFileError } from "../../ingest/input-file-error.ts";

const ACCEPTED = "紙録で読み取れるのは、PDF・TIFF・JPEG・PNG のファイルです。";

export function emptyFile(): InputFileError {
  return new InputFileError(
    "empty",
    "ファイルの中身が空です（0バイト）。送信が途中で失敗した可能性があります。元のファイルをもう一度選んで登録してください。",
  );
}

/** @param looksLike a guess from `describeUnsupported`, e.g. 「文字だけのテキストファイル」 */
export function unsupportedType(looksLike: string): InputFileError {
  return new InputFileError(
    "unsupported_type",
    `このファイルは読み取れない形式です（中身が${looksLike}のようです）。${ACCEPTED}紙の書類はスキャナーで PDF として保存し、そのファイルを登録してください。`,
  );
}

export function encryptedPdf(): InputFileError {
  return new InputFileError(
    "pdf_encrypted",
    "このPDFにはパスワード（暗号化）が設定されているため、開くことができません。パスワードを解除したPDFを作成するか、紙の書類をスキャンし直してから登録してください。",
  );
}

export function damagedPdf(): InputFileError {
  return new InputFileError(
    "pdf_damaged",
    "このPDFは途中で切れているか壊れているため、読み取れません。元のファイルがパソコンで正しく開けるか確認し、保存またはスキャンをやり直してから、もう一度登録してください。",
  );
}

export function pdfWithoutPages(): InputFileError {
  return new InputFileError(
    "pdf_no_pages",
    "このPDFにはページが1枚もありません。スキャンした内容が保存されているか確認し、保存し直してから登録してください。",
  );
}

/** @param pageNumber given for multi-page files, so the clerk knows which sheet to rescan */
export function imageTooLarge(width: number, height: number, pageNumber?: number): InputFileError {
  const where = pageNumber === undefined ? "" : `${pageNumber}ページ目の`;
  return new InputFileError(
    "image_too_large",
    `${where}画像が大きすぎるため処理できません（${width}×${height}ピクセル）。解像度を 300〜400 dpi に設定してスキャンし直してから登録してください。`,
  );
}

export function damagedImage(pageNumber?: number): InputFileError {
  const where = pageNumber === undefined ? "" : `（${pageNumber}ページ目）`;
  return new InputFileError(
    "image_damaged",
    `画像ファイルが途中で切れているか壊れているため、読み取れません${where}。元の画像がパソコンで正しく開けるか確認し、スキャンまたは保存をやり直してから、もう一度登録してください。`,
  );
}

/**
 * A page that looks like a separator sheet but cannot be read. The split stops there: going on
 * would put the case files before and after the sheet together as one.
 */
export function unreadableSeparatorSheet(
  pageNumber: number,
  cause: "damaged" | "unsupported_version",
): InputFileError {
  const what =
    cause === "damaged"
      ? "区切り紙のようですが、QRコードが汚れ・破れ・かすれなどで読み取れません"
      : "区切り紙ですが、この紙録では読めない新しい形式で印刷されています";
  return new InputFileError(
    "separator_sheet_unreadable",
    `${pageNumber}ページ目は${what}。前後のケースファイルが混ざらないよう、このファイルの処理をこのページで止めました。区切り紙を印刷し直して差し替え、ファイルをスキャンし直してから、もう一度登録してください。`,
  );
}
