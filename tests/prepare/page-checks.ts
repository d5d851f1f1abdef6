/** Reading prepared pages back and comparing them with what was drawn. */
import sharp from "sharp";
import type { BBox } from "../../workers/ocr/ocr-result.ts";
import type { GreyImage } from "../../workers/prepare/raster.ts";

export async function decodeGrey(png: Buffer): Promise<GreyImage> {
  const { data, info } = await sharp(png)
    .flatten({ background: "#ffffff" })
    .toColourspace("b-w")
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { pixels: new Uint8Array(data), width: info.width, height: info.height };
}

/**
 * Pearson correlation of two same-sized pages shrunk to `size` pixels wide: close to 1 for the
 * same page the same way up, near 0 for a page turned against the other.
 */
export async function pageCorrelation(a: Buffer, b: Buffer, size = 200): Promise<number> {
  const shrink = async (png: Buffer) =>
    (await sharp(png)
      .toColourspace("b-w")
      .resize(size, Math.round(size * Math.SQRT2), { fit: "fill" })
      .raw()
      .toBuffer()) as Buffer;
  const [x, y] = await Promise.all([shrink(a), shrink(b)]);
  const n = x.length;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i] as number;
    sy += y[i] as number;
  }
  const mx = sx / n;
  const my = sy / n;
  let cov = 0;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    cov += dx * dy;
    vx += dx * dx;
    vy += dy * dy;
  }
  return cov / Math.sqrt(vx * vy);
}

export function isDark(image: GreyImage, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x >= image.width || y >= image.height) return false;
  return (image.pixels[y * image.width + x] as number) < 128;
}

/** Share of the dark pixels of `reference` inside `box` that are dark in `image` too, within `slack` pixels. */
export function inkKept(reference: GreyImage, image: GreyImage, box: BBox, slack = 1): number {
  const [bx, by, bw, bh] = box;
  let ink = 0;
  let kept = 0;
  for (let y = by; y < by + bh; y++) {
    for (let x = bx; x < bx + bw; x++) {
      if (!isDark(reference, x, y)) continue;
      ink++;
      search: for (let dy = -slack; dy <= slack; dy++) {
        for (let dx = -slack; dx <= slack; dx++) {
          if (isDark(image, x + dx, y + dy)) {
            kept++;
            break search;
          }
        }
      }
    }
  }
  return ink === 0 ? 1 : kept / ink;
}

/** Share of the pixels inside `box` that are dark. */
export function darkShare(image: GreyImage, [bx, by, bw, bh]: BBox): number {
  let dark = 0;
  for (let y = by; y < by + bh; y++) {
    for (let x = bx; x < bx + bw; x++) if (isDark(image, x, y)) dark++;
  }
  return dark / (bw * bh);
}

/** The largest difference between any coordinate of `found[i]` and `drawn[i]`. */
export function largestBoxError(found: readonly BBox[], drawn: readonly BBox[]): number {
  return Math.max(
    ...drawn.map((box, index) =>
      Math.max(...box.map((value, i) => Math.abs(value - (found[index]?.[i] ?? Number.NaN)))),
    ),
  );
}
