/** Small synthetic binary and grey images for testing one stage at a time. */
import type { BinaryImage, GreyImage } from "../../workers/prepare/raster.ts";

export function blankInk(width: number, height: number): BinaryImage {
  return { ink: new Uint8Array(width * height), width, height };
}

/** Sets the pixels of [x, x + w) × [y, y + h) to ink. */
export function fillInk(image: BinaryImage, x: number, y: number, w: number, h: number): void {
  for (let row = y; row < y + h; row++)
    image.ink.fill(1, row * image.width + x, row * image.width + x + w);
}

/** A straight line `thickness` pixels thick from (x1, y1) to (x2, y2), drawn as ink. */
export function drawLine(
  image: BinaryImage,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  thickness: number,
): void {
  const length = Math.hypot(x2 - x1, y2 - y1);
  const steps = Math.ceil(length * 2);
  for (let i = 0; i <= steps; i++) {
    const cx = x1 + ((x2 - x1) * i) / steps;
    const cy = y1 + ((y2 - y1) * i) / steps;
    for (let dy = -thickness / 2; dy < thickness / 2; dy++) {
      for (let dx = -thickness / 2; dx < thickness / 2; dx++) {
        const x = Math.round(cx + dx);
        const y = Math.round(cy + dy);
        if (x >= 0 && y >= 0 && x < image.width && y < image.height)
          image.ink[y * image.width + x] = 1;
      }
    }
  }
}

export function inkAt(image: BinaryImage, x: number, y: number): boolean {
  return image.ink[y * image.width + x] === 1;
}

export function countInk(image: BinaryImage): number {
  let count = 0;
  for (const value of image.ink) count += value;
  return count;
}

export function greyPage(
  width: number,
  height: number,
  level: (x: number, y: number) => number,
): GreyImage {
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++)
      pixels[y * width + x] = Math.max(0, Math.min(255, Math.round(level(x, y))));
  }
  return { pixels, width, height };
}
