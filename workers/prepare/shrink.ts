import type { GreyImage } from "./raster.ts";

/**
 * The page at 1/factor of its resolution, each pixel the darkest of the square it covers.
 * Averaging would fade a 2-pixel ruled line or a mincho hairline to a grey that binarises in
 * dashes; the darkest pixel keeps every stroke (scanner grain only darkens paper a few levels).
 */
export function shrinkDarkest({ pixels, width, height }: GreyImage, factor: number): GreyImage {
  if (factor === 1) return { pixels, width, height };
  const columns = Math.ceil(width / factor);
  const rows = Math.ceil(height / factor);
  const out = new Uint8Array(columns * rows).fill(255);
  for (let y = 0; y < height; y++) {
    const row = ((y / factor) | 0) * columns;
    const offset = y * width;
    for (let c = 0; c < columns; c++) {
      let darkest = out[row + c] as number;
      const end = offset + Math.min(width, (c + 1) * factor);
      for (let i = offset + c * factor; i < end; i++) {
        if ((pixels[i] as number) < darkest) darkest = pixels[i] as number;
      }
      out[row + c] = darkest;
    }
  }
  return { pixels: out, width: columns, height: rows };
}
