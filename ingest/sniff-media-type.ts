/**
 * Decides what a file is from its first bytes. Clerks rename files, and some systems save
 * everything as ".pdf", so the extension is never trusted.
 */

export type MediaType = "application/pdf" | "image/tiff" | "image/jpeg" | "image/png";

/** How many leading bytes the sniffers look at; callers should pass at least this many. */
export const SNIFF_LENGTH = 1024;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function sniffMediaType(head: Buffer): MediaType | null {
  // Some producers put a few bytes (a BOM, a mail header) before "%PDF-"; readers accept the
  // header anywhere in the first 1024 bytes, so we do too.
  if (head.subarray(0, SNIFF_LENGTH).includes("%PDF-", 0, "latin1")) return "application/pdf";
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) {
    return "image/tiff";
  }
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(head, PNG_SIGNATURE)) return "image/png";
  return null;
}

/**
 * A short Japanese guess, for the clerk, at what an unsupported file is instead, so the
 * message can say "this looks like a Word document" rather than just "unsupported".
 * Used as 「中身が〇〇のようです」.
 */
export function describeUnsupported(head: Buffer): string {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    return "ZIP形式（Word・Excelなどの文書、または圧縮ファイル）";
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return "Word・Excelなどの文書（古い形式）";
  }
  if (isHeif(head)) return "HEIC形式の写真（iPhoneなどで撮影した写真）";
  if (ascii(head, 0, 6) === "GIF87a" || ascii(head, 0, 6) === "GIF89a") return "GIF画像";
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 12) === "WEBP") return "WebP画像";
  // "BM" alone could start a text file; the reserved header words after the size are zero.
  if (ascii(head, 0, 2) === "BM" && head.length >= 14 && head.readUInt32LE(6) === 0) {
    return "BMP画像";
  }
  if (isText(head)) {
    const start = head.subarray(0, 256).toString("latin1").trimStart().toLowerCase();
    if (/^(<!doctype html|<html|<\?xml|<head|<body)/.test(start)) {
      return "ウェブページ（HTML）またはXMLのファイル";
    }
    return "文字だけのテキストファイル";
  }
  return "対応していない形式のデータ";
}

function startsWith(head: Buffer, bytes: ArrayLike<number>): boolean {
  if (head.length < bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (head[i] !== bytes[i]) return false;
  return true;
}

function ascii(head: Buffer, start: number, end: number): string {
  return head.subarray(start, end).toString("latin1");
}

/** HEIC/HEIF are ISO media files: a box of type "ftyp" at offset 4 with an image brand. */
function isHeif(head: Buffer): boolean {
  if (ascii(head, 4, 8) !== "ftyp") return false;
  return ["heic", "heix", "hevc", "heim", "heis", "mif1", "msf1"].includes(ascii(head, 8, 12));
}

/**
 * Text in any of the encodings clerks meet (UTF-8, Shift_JIS, EUC-JP) has no NUL and almost
 * no C0 control bytes; UTF-16 has NULs but announces itself with a byte-order mark.
 */
function isText(head: Buffer): boolean {
  if (head.length === 0) return false;
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return true;
  let controls = 0;
  for (const byte of head) {
    if (byte === 0) return false;
    const allowedControl = byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d;
    if ((byte < 0x20 && !allowedControl) || byte === 0x7f) controls++;
  }
  return controls <= head.length / 100;
}
