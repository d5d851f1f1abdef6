import { constants, inflateSync } from "node:zlib";
import { PDFArray, PDFBool, PDFDict, PDFName, PDFNumber, PDFRawStream } from "pdf-lib";
import sharp from "sharp";
import { jpegReachesEnd } from "./image-end-marker.ts";
import type { PageImage } from "./page-image.ts";
import { damagedPdf, imageTooLarge } from "./refusals.ts";
import { undoPngPredictor } from "./undo-png-predictor.ts";

export type ExtractedImage = Omit<PageImage, "pageNumber">;

type Polarity = "normal" | "inverted";

const name = (text: string) => PDFName.of(text);

/**
 * Takes a scan image's pixels straight out of the PDF when that loses nothing: a
 * JPEG is copied byte for byte, an 8-bit (or 1-bit grey) Flate image is inflated and stored as
 * PNG. Returns null when the image needs a real PDF interpreter (CCITT, JBIG2, JPEG 2000,
 * masks, palettes, CMYK, unusual decode arrays…); the caller then renders the page.
 * Throws the clerk-facing refusal when the image data is cut short.
 */
export async function extractPdfImage(
  image: PDFRawStream,
  options: { maxPixels: number },
): Promise<ExtractedImage | null> {
  const { dict } = image;
  if (dict.lookup(name("ImageMask")) === PDFBool.True) return null;
  if (dict.has(name("Mask")) || dict.has(name("SMask"))) return null;
  const filter = soleFilter(dict);
  const components = colourComponents(dict);
  const width = numberAt(dict, "Width");
  const height = numberAt(dict, "Height");
  const bitsPerComponent = numberAt(dict, "BitsPerComponent");
  if (!filter || !components || !width || !height || !bitsPerComponent) return null;
  const polarity = decodePolarity(dict, components);
  if (!polarity) return null;

  if (filter.name === "DCTDecode") {
    if (polarity !== "normal" || filter.parameters?.has(name("ColorTransform"))) return null;
    return copyJpeg(image.contents, components, options.maxPixels);
  }
  if (filter.name === "FlateDecode") {
    if (width * height > options.maxPixels) throw imageTooLarge(width, height);
    const layout = { width, height, components, bitsPerComponent, polarity };
    return inflateToPng(image.contents, layout, filter.parameters);
  }
  return null;
}

async function copyJpeg(
  contents: Uint8Array,
  components: number,
  maxPixels: number,
): Promise<ExtractedImage | null> {
  if (!jpegReachesEnd(contents)) throw damagedPdf();
  // Copied so the page does not keep the whole parsed PDF alive through a shared buffer.
  const data = Buffer.from(contents);
  const { width, height, channels } = await sharp(data, { limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw damagedPdf();
    });
  // A 4-channel (CMYK) JPEG would need the PDF's colour handling to look right.
  if (channels !== components) return null;
  if (width * height > maxPixels) throw imageTooLarge(width, height);
  return { data, format: "jpeg", width, height, method: "embedded-image" };
}

interface RasterLayout {
  width: number;
  height: number;
  components: 1 | 3;
  bitsPerComponent: number;
  polarity: Polarity;
}

async function inflateToPng(
  contents: Uint8Array,
  layout: RasterLayout,
  parameters: PDFDict | undefined,
): Promise<ExtractedImage | null> {
  const { width, height, components, bitsPerComponent, polarity } = layout;
  if (!(bitsPerComponent === 8 || (bitsPerComponent === 1 && components === 1))) return null;
  const predictor = parameters ? numberAt(parameters, "Predictor") : undefined;
  const pngRows = predictor !== undefined && predictor >= 10;
  if (predictor !== undefined && predictor !== 1 && !pngRows) return null;
  if (
    pngRows &&
    ((numberAt(parameters, "Colors") ?? 1) !== components ||
      (numberAt(parameters, "BitsPerComponent") ?? 8) !== bitsPerComponent ||
      (numberAt(parameters, "Columns") ?? 1) !== width)
  ) {
    return null;
  }

  const rowBytes = Math.ceil((width * components * bitsPerComponent) / 8);
  const expected = (rowBytes + (pngRows ? 1 : 0)) * height;
  let inflated: Buffer;
  try {
    // SYNC_FLUSH hands back what a cut-off stream holds instead of throwing, so the length
    // check below is the one judge of "ends early"; the output cap stops a zip bomb.
    inflated = inflateSync(contents, {
      finishFlush: constants.Z_SYNC_FLUSH,
      maxOutputLength: expected * 2 + 4096,
    });
  } catch {
    throw damagedPdf();
  }
  if (inflated.length < expected) throw damagedPdf();

  let rows: Buffer;
  try {
    rows = pngRows
      ? undoPngPredictor(inflated, { rowBytes, bytesPerPixel: components, rows: height })
      : inflated.subarray(0, expected);
  } catch {
    throw damagedPdf();
  }
  const pixels =
    bitsPerComponent === 1
      ? unpackBits(rows, width, height, polarity)
      : invertIf(rows, polarity === "inverted");
  // sharp would otherwise widen grey to RGB on output.
  const data = await sharp(pixels, { raw: { width, height, channels: components } })
    .toColourspace(components === 1 ? "b-w" : "srgb")
    .png()
    .toBuffer();
  return { data, format: "png", width, height, method: "decoded-image" };
}

/** One byte per pixel, 0 black and 255 white, from rows packed 8 pixels a byte. */
function unpackBits(rows: Buffer, width: number, height: number, polarity: Polarity): Buffer {
  const rowBytes = Math.ceil(width / 8);
  const out = Buffer.alloc(width * height);
  const [zero, one] = polarity === "normal" ? [0, 255] : [255, 0];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const byte = rows[y * rowBytes + (x >> 3)] as number;
      out[y * width + x] = (byte >> (7 - (x & 7))) & 1 ? one : zero;
    }
  }
  return out;
}

function invertIf(pixels: Buffer, invert: boolean): Buffer {
  if (!invert) return pixels;
  const out = Buffer.alloc(pixels.length);
  for (let i = 0; i < pixels.length; i++) out[i] = 255 - (pixels[i] as number);
  return out;
}

/** The one filter and its parameters; a chain of filters (e.g. ASCII85 + DCT) is rendered. */
function soleFilter(dict: PDFDict): { name: string; parameters: PDFDict | undefined } | null {
  let filter = dict.lookup(name("Filter"));
  let parameters = dict.lookup(name("DecodeParms"));
  if (filter instanceof PDFArray) {
    if (filter.size() !== 1) return null;
    filter = filter.lookup(0);
    parameters = parameters instanceof PDFArray ? parameters.lookup(0) : parameters;
  }
  if (!(filter instanceof PDFName)) return null;
  return {
    name: filter.decodeText(),
    parameters: parameters instanceof PDFDict ? parameters : undefined,
  };
}

/** Grey or RGB only: 1 or 3. ICC-based and calibrated spaces count by their component count. */
function colourComponents(dict: PDFDict): 1 | 3 | null {
  const space = dict.lookup(name("ColorSpace"));
  if (space === name("DeviceGray")) return 1;
  if (space === name("DeviceRGB")) return 3;
  if (!(space instanceof PDFArray)) return null;
  const family = space.lookup(0);
  if (family === name("CalGray")) return 1;
  if (family === name("CalRGB")) return 3;
  const profile = family === name("ICCBased") ? space.lookup(1) : undefined;
  const count = profile instanceof PDFRawStream ? numberAt(profile.dict, "N") : undefined;
  return count === 1 || count === 3 ? count : null;
}

/** /Decode [0 1 …] is the default; a grey image may also be stored negative with [1 0]. */
function decodePolarity(dict: PDFDict, components: number): Polarity | null {
  const decode = dict.lookup(name("Decode"));
  if (decode === undefined) return "normal";
  if (!(decode instanceof PDFArray) || decode.size() !== components * 2) return null;
  const values = Array.from({ length: decode.size() }, (_, i) => {
    const value = decode.lookup(i);
    return value instanceof PDFNumber ? value.asNumber() : Number.NaN;
  });
  if (values.every((value, i) => value === i % 2)) return "normal";
  if (components === 1 && values[0] === 1 && values[1] === 0) return "inverted";
  return null;
}

function numberAt(dict: PDFDict | undefined, key: string): number | undefined {
  const value = dict?.lookup(name(key));
  return value instanceof PDFNumber ? value.asNumber() : undefined;
}
