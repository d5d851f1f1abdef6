import { findRuns, labelComponents } from "./ink-runs.ts";
import type { BinaryImage, GreyImage } from "./raster.ts";

/** Smallest mark that reads as writing: a small kana at 8 pt is about 2 mm tall. */
const SMALLEST_GLYPH_MM = 1.2;
/** A stray hair, fold or punched hole or two does not make a page worth reading. */
const FEWEST_GLYPHS = 3;
/**
 * Printed or written ink is darker than this somewhere on every mark (on paper normalised to
 * white); show-through of the other side of the sheet stays lighter.
 */
const FAINTEST_INK = 128;

/**
 * Stage 3: a page is blank (typically the back of a duplex scan) when, after binarisation and
 * despeckling, fewer than three marks the size of a character are left that are dark anywhere.
 * Marks touching the page edge are the scanner's shadows, not writing. A title or a couple of
 * words are several such marks.
 */
export function isBlankPage(image: BinaryImage, grey: GreyImage, dpi: number): boolean {
  const smallest = (SMALLEST_GLYPH_MM * dpi) / 25.4;
  const runs = findRuns(image);
  const components = labelComponents(runs);
  const darkest = new Uint8Array(components.count).fill(255);
  for (let y = 0; y < runs.height; y++) {
    const offset = y * runs.width;
    for (let run = runs.rowStart[y] as number; run < (runs.rowStart[y + 1] as number); run++) {
      const c = components.ofRun[run] as number;
      let level = darkest[c] as number;
      for (let x = runs.start[run] as number; x < (runs.end[run] as number); x++) {
        level = Math.min(level, grey.pixels[offset + x] as number);
      }
      darkest[c] = level;
    }
  }
  let glyphs = 0;
  for (let c = 0; c < components.count; c++) {
    if (components.touchesBorder[c] || (darkest[c] as number) >= FAINTEST_INK) continue;
    const width = (components.right[c] as number) - (components.left[c] as number);
    const height = (components.bottom[c] as number) - (components.top[c] as number);
    if (Math.max(width, height) >= smallest && ++glyphs >= FEWEST_GLYPHS) return false;
  }
  return true;
}
