import sharp from "sharp";
import { pageResolution } from "../ocr/page-resolution.ts";
import { type GreyImage, toGreyImage } from "./raster.ts";

export class PageDecodeError extends Error {
  override name = "PageDecodeError";
}

export interface DecodedScan {
  grey: GreyImage;
  /** Stated in the file when plausible, otherwise guessed from an A4 page size. */
  dpi: number;
}

/** JPEG or PNG, colour, grey or 1-bit → 8-bit grey pixels. */
export async function decodeScan(image: Buffer): Promise<DecodedScan> {
  try {
    const input = sharp(image);
    const { density } = await input.metadata();
    // Transparent areas would otherwise turn black when the alpha channel is dropped.
    const grey = await toGreyImage(input.flatten({ background: "#ffffff" }));
    return { grey, dpi: pageResolution(grey.width, grey.height, density) };
  } catch (cause) {
    throw new PageDecodeError("could not decode the page image", { cause });
  }
}
