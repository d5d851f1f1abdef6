import { blockMeans } from "./block-means.ts";
import type { OrientationSample } from "./orientation.ts";
import { type GreyImage, rawGrey } from "./raster.ts";

/** A few lines of a dozen characters at 10–11 pt: enough to tell upright text from turned. */
const SAMPLE_MM = 45;
const CELL_MM = 5;
/** 10 pt type is still ~28 px tall at 200 dpi, ample for tesseract; fewer pixels read faster. */
const SAMPLE_DPI = 200;

/**
 * The square of the binarised page (ruled lines already removed) with the most ink, as an 8-bit
 * grey PNG at no more than 200 dpi: what the orientation detector reads in each candidate turn.
 */
export async function orientationSample(page: GreyImage, dpi: number): Promise<OrientationSample> {
  const pxPerMm = dpi / 25.4;
  const cell = Math.max(1, Math.round(CELL_MM * pxPerMm));
  const span = Math.round(SAMPLE_MM / CELL_MM);
  // Paper is 255, so the darkest cells hold the most ink.
  const { values, columns, rows } = blockMeans(page, cell);
  const across = Math.min(span, columns);
  const down = Math.min(span, rows);
  let best = { column: 0, row: 0, ink: -1 };
  // A few thousand windows of under a hundred cells each: summed directly.
  for (let row = 0; row + down <= rows; row++) {
    for (let column = 0; column + across <= columns; column++) {
      let ink = 0;
      for (let r = row; r < row + down; r++) {
        for (let c = column; c < column + across; c++)
          ink += 255 - (values[r * columns + c] as number);
      }
      if (ink > best.ink) best = { column, row, ink };
    }
  }
  const left = best.column * cell;
  const top = best.row * cell;
  const width = Math.min(page.width - left, across * cell);
  const height = Math.min(page.height - top, down * cell);
  const scale = Math.min(1, SAMPLE_DPI / dpi);
  const { data, info } = await rawGrey(page)
    .extract({ left, top, width, height })
    .resize(Math.round(width * scale), Math.round(height * scale))
    .toColourspace("b-w")
    .withDensity(dpi * scale)
    .png({ compressionLevel: 1 })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, dpi: dpi * scale };
}
