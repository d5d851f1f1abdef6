/** Long side of A4, the paper nearly all consultation forms are printed on. */
const A4_LONG_SIDE_INCHES = 297 / 25.4;
/** A5 to A3: a stated resolution outside this page size is a software default, not the scan's. */
const MIN_LONG_SIDE_INCHES = 8;
const MAX_LONG_SIDE_INCHES = 17;

/**
 * Resolution to tell tesseract. Without one (canvas and many converter PNGs carry none) it
 * falls back to guessing from text size, and at 200 dpi guessed ~350: layout analysis then took
 * label and value columns of a form for separate blocks and read them apart. Any figure within
 * about 0.6–2× of the truth gave the same text, so assuming A4 is close enough when the file's
 * own figure is missing or implausible.
 */
export function pageResolution(width: number, height: number, statedDpi?: number): number {
  const longSide = Math.max(width, height);
  if (statedDpi) {
    const inches = longSide / statedDpi;
    if (inches >= MIN_LONG_SIDE_INCHES && inches <= MAX_LONG_SIDE_INCHES) return statedDpi;
  }
  return Math.round(longSide / A4_LONG_SIDE_INCHES);
}
