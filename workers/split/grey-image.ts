import sharp from "sharp";

/** One byte per pixel, row by row, 0 black to 255 white. */
export interface GreyImage {
  pixels: Uint8Array;
  width: number;
  height: number;
}

/**
 * Decodes a page image to grey, shrunk by the largest of 1, 2, 4 or 8 that keeps its shorter
 * side at least `minShortSide` pixels. Those factors are the ones libjpeg can shrink by while
 * decoding, so a 300 dpi JPEG scan is never decoded in full here: that is most of the cost.
 */
export async function greyImage(
  image: { data: Buffer; width: number; height: number },
  minShortSide: number,
): Promise<GreyImage> {
  const shortSide = Math.min(image.width, image.height);
  let shrink = 1;
  while (shrink < 8 && shortSide / (shrink * 2) >= minShortSide) shrink *= 2;
  const { data, info } = await sharp(image.data, { limitInputPixels: false })
    .resize({
      width: Math.max(1, Math.round(image.width / shrink)),
      height: Math.max(1, Math.round(image.height / shrink)),
      fit: "fill",
      kernel: "linear",
    })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { pixels: data, width: info.width, height: info.height };
}

/**
 * The grey level between paper and ink: half the paper's brightness, taken as the level 80% of
 * pixels reach or stay under. Scanners differ in how white they make paper and how black ink,
 * so a fixed level would fail one of them; a page is mostly paper, even a separator sheet.
 */
export function inkThreshold({ pixels }: GreyImage): number {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < pixels.length; i += 7) {
    const level = pixels[i] as number;
    histogram[level] = (histogram[level] as number) + 1;
  }
  const samples = Math.ceil(pixels.length / 7);
  let seen = 0;
  for (let level = 0; level < 256; level++) {
    seen += histogram[level] as number;
    if (seen >= samples * 0.8) return Math.max(40, level / 2);
  }
  return 128;
}

/** The part of an image inside a box, clipped to the image. */
export function cropGrey(
  image: GreyImage,
  box: { left: number; top: number; right: number; bottom: number },
): GreyImage {
  const left = Math.max(0, Math.floor(box.left));
  const top = Math.max(0, Math.floor(box.top));
  const width = Math.min(image.width, Math.ceil(box.right)) - left;
  const height = Math.min(image.height, Math.ceil(box.bottom)) - top;
  if (width <= 0 || height <= 0) return { pixels: new Uint8Array(0), width: 0, height: 0 };
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const from = (top + y) * image.width + left;
    pixels.set(image.pixels.subarray(from, from + width), y * width);
  }
  return { pixels, width, height };
}
