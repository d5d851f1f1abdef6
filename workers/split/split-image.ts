import { readFile } from "node:fs/promises";
import sharp from "sharp";
import type { PageImage } from "./page-image.ts";
import { damagedImage, imageTooLarge } from "./refusals.ts";

/**
 * A single JPEG or PNG is already a page: its bytes are passed on untouched, so a JPEG is not
 * recompressed. Width and height are as stored: an EXIF Orientation tag is NOT applied (that
 * would mean re-encoding), so for orientations 5–8 a viewer shows the page with the two
 * swapped; page orientation is left to the OCR stage, which detects it from the text anyway.
 */
export async function* splitImage(
  path: string,
  options: { mediaType: "image/jpeg" | "image/png"; maxPixels: number },
): AsyncGenerator<PageImage> {
  const data = await readFile(path);
  const { width, height } = await sharp(data, { limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw damagedImage();
    });
  if (width * height > options.maxPixels) throw imageTooLarge(width, height);
  const format = options.mediaType === "image/jpeg" ? "jpeg" : "png";
  yield { pageNumber: 1, data, format, width, height, method: "embedded-image" };
}
