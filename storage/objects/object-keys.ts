import { InvalidObjectKeyError } from "./valid-object-key.ts";

/**
 * The content-addressed key scheme. Every key derives from the SHA-256 of the original file, so
 * a retried stage writes to the same keys and two uploads of one file share one original.
 */

export type PageImageFormat = "png" | "jpeg";

const SHA256 = /^[0-9a-f]{64}$/;

const EXTENSIONS: Record<PageImageFormat, string> = { png: "png", jpeg: "jpg" };

/** `originals/ab/cd/<sha256>`: two levels of fan-out keep any one folder small. */
export function originalKey(sha256: string): string {
  assertSha256(sha256);
  return `originals/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** `searchable/ab/cd/<sha256>.pdf`: the case file's page images with an invisible text layer. */
export function searchablePdfKey(sha256: string): string {
  assertSha256(sha256);
  return `searchable/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}.pdf`;
}

/** `pages/<sha256>/0001.png` or `.jpg`. */
export function pageImageKey(
  fileSha256: string,
  pageNumber: number,
  format: PageImageFormat,
): string {
  return `${pagePrefix(fileSha256, pageNumber)}.${EXTENSIONS[format]}`;
}

/** `pages/<sha256>/0001.upright.png`: the page as stored after OCR, upright and redacted. */
export function uprightPageImageKey(fileSha256: string, pageNumber: number): string {
  return `${pagePrefix(fileSha256, pageNumber)}.upright.png`;
}

/** `pages/<sha256>/0001.ocr.json`. */
export function ocrResultKey(fileSha256: string, pageNumber: number): string {
  return `${pagePrefix(fileSha256, pageNumber)}.ocr.json`;
}

function pagePrefix(fileSha256: string, pageNumber: number): string {
  assertSha256(fileSha256);
  if (!Number.isSafeInteger(pageNumber) || pageNumber < 1) {
    throw new InvalidObjectKeyError(
      `pages/${fileSha256}/${pageNumber}`,
      "page number must be an integer >= 1",
    );
  }
  // Four digits keep keys in page order when listed; longer files still get unique keys.
  return `pages/${fileSha256}/${String(pageNumber).padStart(4, "0")}`;
}

function assertSha256(sha256: string): void {
  if (!SHA256.test(sha256)) {
    throw new InvalidObjectKeyError(sha256, "sha256 must be 64 lowercase hex digits");
  }
}
