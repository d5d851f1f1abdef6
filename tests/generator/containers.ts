/**
 * The files clerks hand in: a scanner's PDF (one image per page at its physical size), a
 * multi-page TIFF from a multifunction printer, or a single JPEG/PNG (the output of
 * applyScanEffects as is).
 */
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";

export interface ScannedPage {
  data: Buffer;
  format: "jpeg" | "png";
  width: number;
  height: number;
  dpi: number;
}

export interface ScannedPdfOptions {
  /** Written as the creation and modification date; fixed so that the bytes are reproducible. */
  date?: Date;
}

const POINTS_PER_INCH = 72;
const REPRODUCIBLE_DATE = new Date("2023-04-12T09:00:00+09:00");

/**
 * A PDF as a scanner writes it: each page exactly the paper size, holding one image. JPEG pages
 * are embedded as they are (DCT streams), so the page images are the very bytes scanned.
 */
export async function toScannedPdf(
  pages: readonly ScannedPage[],
  options: ScannedPdfOptions = {},
): Promise<Buffer> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const date = options.date ?? REPRODUCIBLE_DATE;
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  pdf.setProducer("Kamiroku sample generator");
  for (const page of pages) {
    const image =
      page.format === "jpeg" ? await pdf.embedJpg(page.data) : await pdf.embedPng(page.data);
    const width = (page.width / page.dpi) * POINTS_PER_INCH;
    const height = (page.height / page.dpi) * POINTS_PER_INCH;
    pdf.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
  }
  return Buffer.from(await pdf.save());
}

export interface TiffOptions {
  dpi?: number;
  /** Grey or 1-bit black and white pages, as most scanners store documents. */
  mode?: "colour" | "grey" | "bilevel";
}

/** A multi-page LZW TIFF; all pages must have the same size. */
export async function toMultipageTiff(
  images: readonly Buffer[],
  options: TiffOptions = {},
): Promise<Buffer> {
  const mode = options.mode ?? "colour";
  const pixelsPerMm = options.dpi ? options.dpi / 25.4 : undefined;
  // Joining single-channel pages yields garbage band counts in libvips, so every page is
  // brought to RGB first and reduced again after the join.
  const pages = await Promise.all(
    images.map((image) =>
      sharp(image).toColourspace("srgb").png({ compressionLevel: 1 }).toBuffer(),
    ),
  );
  let joined = sharp(pages, { join: { animated: true } });
  if (mode !== "colour") joined = joined.toColourspace("b-w");
  return joined
    .tiff({
      compression: "lzw",
      ...(mode === "bilevel" ? { bitdepth: 1 as const, predictor: "none" } : {}),
      ...(pixelsPerMm ? { xres: pixelsPerMm, yres: pixelsPerMm } : {}),
    })
    .toBuffer();
}
