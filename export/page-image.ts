import { JpegEmbedder, type PDFContext, type PDFRawStream } from "pdf-lib";
import sharp from "sharp";
import { pngImageStream } from "./png-image-stream.ts";

/**
 * The stored page images are PNGs written for speed (zlib level 1): a grey 200 dpi scan of a
 * form is 1.3–1.5 MB, its paper grain costing most of it. As greyscale JPEG at this quality the
 * same page is 130–215 KB (the bundled samples, a 1-bit TIFF scan included) and, side by side at
 * 2×, not told apart from the PNG. So a page goes in as JPEG unless its PNG is smaller already,
 * as a clean page's is (a form rendered without paper grain: 132 KB PNG, 195 KB JPEG), where
 * JPEG would only add ringing around the strokes.
 */
const JPEG_OPTIONS = { quality: 85, mozjpeg: true } as const;

/**
 * A stored page image (PNG) as an image XObject, whichever encoding is smaller. Not registered in
 * `context`: the caller writes it out and lets it go (pdf-lib's `embedJpg` would keep the JPEG
 * until the whole document is saved).
 */
export async function pageImageXObject(context: PDFContext, png: Buffer): Promise<PDFRawStream> {
  const { channels = 3 } = await sharp(png).metadata();
  const jpeg = await sharp(png)
    // Otherwise a grey page would come out as a colour JPEG.
    .toColourspace(channels <= 2 ? "b-w" : "srgb")
    .jpeg(JPEG_OPTIONS)
    .toBuffer();
  const stream = pngImageStream(png);
  if (!stream || stream.data.length > jpeg.length) {
    // Grey or RGB as sharp wrote it, never CMYK, which would need a /Decode array as well.
    const { width, height, bitsPerComponent, colorSpace } = await JpegEmbedder.for(jpeg);
    return context.stream(jpeg, {
      Type: "XObject",
      Subtype: "Image",
      Width: width,
      Height: height,
      ColorSpace: colorSpace,
      BitsPerComponent: bitsPerComponent,
      Filter: "DCTDecode",
    });
  }
  return context.stream(stream.data, {
    Type: "XObject",
    Subtype: "Image",
    Width: stream.width,
    Height: stream.height,
    ColorSpace: stream.colors === 1 ? "DeviceGray" : "DeviceRGB",
    BitsPerComponent: stream.bitsPerComponent,
    Filter: "FlateDecode",
    DecodeParms: {
      Predictor: 15,
      Colors: stream.colors,
      BitsPerComponent: stream.bitsPerComponent,
      Columns: stream.width,
    },
  });
}
