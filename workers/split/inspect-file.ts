import { open } from "node:fs/promises";
import {
  describeUnsupported,
  type MediaType,
  SNIFF_LENGTH,
  sniffMediaType,
} from "../../ingest/sniff-media-type.ts";
import { inspectImage } from "./inspect-image.ts";
import { inspectPdf } from "./inspect-pdf.ts";
import { emptyFile, unsupportedType } from "./refusals.ts";

export interface InspectFileOptions {
  /** Largest image, in pixels, that a page may have before the file is refused. */
  maxPixels: number;
}

export interface InspectedFile {
  mediaType: MediaType;
  pageCount: number;
}

/**
 * Checks that a handed-in file can be split, before any work is queued for it, and throws an
 * InputFileError whose message tells the clerk what to do otherwise. It reads headers and
 * file structure only; no image is decoded, so a hostile or huge file is refused cheaply.
 */
export async function inspectFile(
  path: string,
  options: InspectFileOptions,
): Promise<InspectedFile> {
  const head = await readHead(path);
  if (head.length === 0) throw emptyFile();
  const mediaType = sniffMediaType(head);
  if (!mediaType) throw unsupportedType(describeUnsupported(head));
  const pageCount =
    mediaType === "application/pdf"
      ? await inspectPdf(path, options)
      : await inspectImage(path, { ...options, mediaType });
  return { mediaType, pageCount };
}

async function readHead(path: string): Promise<Buffer> {
  const file = await open(path, "r");
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(SNIFF_LENGTH), 0, SNIFF_LENGTH, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}
