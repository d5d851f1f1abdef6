import sharp from "sharp";
import type { GreyImage } from "./grey-image.ts";
import { pageResolution } from "./page-resolution.ts";

export interface TesseractInput extends GreyImage {
  pixels: Buffer;
  /** The same pixels as an 8-bit grey PNG for tesseract, its resolution set. */
  png: Buffer;
  dpi: number;
}

export class TesseractInputError extends Error {
  override name = "TesseractInputError";
}

interface DecodedPage {
  pixels: Buffer;
  width: number;
  height: number;
  /** Resolution stated in the file, if any. */
  density: number | undefined;
}

/** Share of pixels, from the light end, that clip to white: paper, show-through, scanner noise. */
const WHITE_CLIP = 0.01;

/**
 * Grey-scale and contrast-stretch a scan so tesseract's binariser sees dark ink on white paper.
 * Nothing moves: boxes found on the result map 1:1 onto the stored page image.
 */
export async function toTesseractInput(
  image: Buffer,
  options: { dpi?: number } = {},
): Promise<TesseractInput> {
  const { pixels, width, height, density } = await decodeGrey(image);
  stretchContrast(pixels);
  const inkLevel = otsuThreshold(pixels);
  // A region cut from a page (one ruled cell) keeps the page's resolution: its own size says nothing.
  const dpi = options.dpi ?? pageResolution(width, height, density);
  const png = await sharp(pixels, { raw: { width, height, channels: 1 } })
    .toColourspace("b-w")
    .withDensity(dpi)
    // Speed over size: the PNG only travels to the tesseract worker thread.
    .png({ compressionLevel: 1 })
    .toBuffer();
  return { png, pixels, width, height, inkLevel, dpi };
}

async function decodeGrey(image: Buffer): Promise<DecodedPage> {
  try {
    const input = sharp(image);
    const { density } = await input.metadata();
    const { data, info } = await input
      // Transparent areas would otherwise turn black when the alpha channel is dropped.
      .flatten({ background: "#ffffff" })
      .toColourspace("b-w")
      .raw({ depth: "uchar" })
      .toBuffer({ resolveWithObject: true });
    return { pixels: data, width: info.width, height: info.height, density };
  } catch (cause) {
    throw new TesseractInputError("could not decode the page image", { cause });
  }
}

/**
 * In place: the darkest pixel becomes black and the lightest 1 % white. Done here rather than
 * with sharp's normalise(), which took 0.3–0.6 s on an A4 page against ~20 ms for this, and
 * whose default black point (the 1st percentile) is paper itself on a page with under 1 % ink.
 */
function stretchContrast(pixels: Uint8Array): void {
  const histogram = new Uint32Array(256);
  for (const value of pixels) histogram[value] = (histogram[value] ?? 0) + 1;
  let black = 0;
  while (black < 255 && histogram[black] === 0) black++;
  let white = 255;
  let lighter = histogram[255] ?? 0;
  while (white > black && lighter < WHITE_CLIP * pixels.length) {
    white--;
    lighter += histogram[white] ?? 0;
  }
  // A blank or single-tone page has nothing to stretch.
  if (white <= black) return;
  const table = new Uint8Array(256);
  for (let v = 0; v < 256; v++) {
    table[v] = Math.max(0, Math.min(255, Math.round(((v - black) * 255) / (white - black))));
  }
  for (let i = 0; i < pixels.length; i++) pixels[i] = table[pixels[i] ?? 255] ?? 255;
}

/**
 * Otsu's threshold: the grey level that best splits the page into ink and paper. A fixed level
 * of 128 lost thin Mincho strokes (ー, the tail of ト) on blurred scans, so blank runs opened up
 * inside words and turned into false spaces; this measured 140–195 on rendered and scanned forms.
 */
function otsuThreshold(pixels: Uint8Array): number {
  const histogram = new Float64Array(256);
  for (const value of pixels) histogram[value] = (histogram[value] ?? 0) + 1;
  let weightedTotal = 0;
  for (let v = 0; v < 256; v++) weightedTotal += v * (histogram[v] ?? 0);
  let darkCount = 0;
  let darkWeighted = 0;
  let bestLevel = 128;
  let bestVariance = 0;
  for (let v = 0; v < 255; v++) {
    darkCount += histogram[v] ?? 0;
    darkWeighted += v * (histogram[v] ?? 0);
    const lightCount = pixels.length - darkCount;
    if (darkCount === 0 || lightCount === 0) continue;
    const meanGap = darkWeighted / darkCount - (weightedTotal - darkWeighted) / lightCount;
    const variance = darkCount * lightCount * meanGap * meanGap;
    if (variance > bestVariance) {
      bestVariance = variance;
      bestLevel = v + 1;
    }
  }
  return bestLevel;
}
