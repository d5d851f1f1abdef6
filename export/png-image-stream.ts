/** A PNG's compressed pixel data as a PDF image stream can carry it unchanged. */
export interface PngImageStream {
  width: number;
  height: number;
  bitsPerComponent: number;
  colors: 1 | 3;
  /** The IDAT chunks joined: one zlib stream of PNG-filtered rows, i.e. FlateDecode, Predictor 15. */
  data: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const COLORS: Partial<Record<number, 1 | 3>> = { 0: 1, 2: 3 };

/**
 * The pixel data of a grey or RGB, non-interlaced PNG, which PDF's FlateDecode with PNG
 * predictors reads as it is: no decoding and no recompression. null for any other PNG (alpha,
 * palette, interlaced), which the caller re-encodes instead.
 */
export function pngImageStream(png: Uint8Array): PngImageStream | null {
  if (png.length < 8 || SIGNATURE.some((byte, i) => png[i] !== byte)) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const idat: Uint8Array[] = [];
  let header: Omit<PngImageStream, "data"> | null = null;
  let offset = 8;
  while (offset + 8 <= png.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (data.length !== length) return null;
    if (type === "IHDR") {
      const colors = COLORS[data[9] ?? -1];
      const interlaced = data[12] !== 0;
      if (!colors || interlaced) return null;
      header = {
        width: view.getUint32(offset + 8),
        height: view.getUint32(offset + 12),
        bitsPerComponent: data[8] ?? 0,
        colors,
      };
    } else if (type === "IDAT") {
      idat.push(data);
    } else if (type === "IEND") {
      break;
    }
    offset += 12 + length;
  }
  if (!header || idat.length === 0) return null;
  return { ...header, data: Buffer.concat(idat) };
}
