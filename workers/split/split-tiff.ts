import sharp, { type Metadata } from "sharp";
import type { PageImage } from "./page-image.ts";
import { damagedImage, imageTooLarge } from "./refusals.ts";

/**
 * Yields each page of a (multi-page) TIFF as a PNG. TIFF scans use compressions OCR and
 * storage downstream do not all read (CCITT G4, LZW, JPEG-in-TIFF); PNG keeps every pixel.
 * A TIFF Orientation tag is not applied, as with JPEG files: pages come out as stored.
 */
export async function* splitTiff(
  path: string,
  options: { maxPixels: number },
): AsyncGenerator<PageImage> {
  const { pages = 1 } = await sharp(path, { limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw damagedImage();
    });
  for (let index = 0; index < pages; index++) {
    const pageNumber = index + 1;
    const header = await sharp(path, { page: index, limitInputPixels: false })
      .metadata()
      .catch(() => {
        throw damagedImage(pageNumber);
      });
    const { width, height } = header;
    if (width * height > options.maxPixels) throw imageTooLarge(width, height, pageNumber);
    const { data, info } = await sharp(path, {
      page: index,
      limitInputPixels: options.maxPixels,
      // Truncated or corrupt strips fail; libtiff's warnings about odd tags do not.
      failOn: "error",
    })
      .toColourspace(losslessColourspace(header))
      .png()
      .toBuffer({ resolveWithObject: true })
      .catch(() => {
        throw damagedImage(pageNumber);
      });
    yield {
      pageNumber,
      data,
      format: "png",
      width: info.width,
      height: info.height,
      method: "decoded-image",
    };
  }
}

/**
 * sharp converts to 8-bit sRGB on output unless told otherwise; keep grey scans grey and
 * 16-bit scans 16-bit so that nothing is lost. CMYK is converted to RGB.
 */
function losslessColourspace({ channels, depth }: Metadata): string {
  const grey = channels === 1 || channels === 2;
  if (depth === "ushort") return grey ? "grey16" : "rgb16";
  return grey ? "b-w" : "srgb";
}
