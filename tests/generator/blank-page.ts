/**
 * The back of a sheet scanned in duplex: plain paper, and on thin paper the front's ink showing
 * through faintly, mirrored and soft. It holds no text, so it must produce no record.
 */
import sharp from "sharp";
import type { Random } from "./random.ts";

/** A clean render of the back of `front` (a clean render), ready for applyScanEffects. */
export async function renderBlankBack(front: Buffer, dpi: number, random: Random): Promise<Buffer> {
  // Share of the front's darkness that shows through; often none at all.
  const showThrough = random.chance(0.4) ? 0 : random.float(0.03, 0.1);
  return sharp(front)
    .flatten({ background: "#ffffff" })
    .flop()
    .blur((1.5 * dpi) / 200)
    .linear(showThrough, 255 * (1 - showThrough))
    .png({ compressionLevel: 1 })
    .toBuffer();
}
