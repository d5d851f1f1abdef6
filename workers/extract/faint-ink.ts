import type { GreyImage } from "../ocr/grey-image.ts";

/**
 * Grey level under which a pixel counts as ink where a character's shape is measured. The
 * check-mark reading's darker level (128) misses the thin strokes of a light Mincho face on a
 * grey page at 200 dpi: 中 or 川 fall apart into their vertical strokes, a digit into two short
 * pieces, the foot of 八 into a blot like a 、. Measured on generated forms, at this level a
 * 姓/名 space stands out from every gap inside a name.
 */
const FAINT_INK_LEVEL = 200;

/** The page's ink with faint strokes counted as ink. */
export function withFaintInk(ink: GreyImage): GreyImage {
  return { ...ink, inkLevel: FAINT_INK_LEVEL };
}
