import { centreInside } from "./centre-inside.ts";
import type { GreyImage } from "./grey-image.ts";
import { joinLineWords } from "./japanese-spacing.ts";
import type { BBox, OcrCell, OcrLine, OcrWord } from "./ocr-result.ts";
import { readCells } from "./read-cells.ts";
import type { TesseractPool } from "./tesseract-pool.ts";
import { unreadInk } from "./unread-ink.ts";

/**
 * Scale at which a region of unread ink read as nothing is read once more. tesseract.js reads
 * nothing at all in some short lines of type at 200 dpi that it reads right from 1.25× (くれている。,
 * a paragraph's last line, which the whole page's reading and its cell's reading had lost too,
 * on seed 27; the tesseract CLI reads it at 1×).
 */
const ENLARGED = 1.5;

/**
 * Regions of `image` read one by one, each read as nothing read again enlarged: the words read
 * in each region, in the order of `regions`.
 */
export async function readRegions(
  image: GreyImage,
  regions: readonly BBox[],
  pool: TesseractPool,
  dpi: number,
): Promise<OcrWord[][]> {
  const read = await readCells(image, regions, pool, { dpi });
  const empty = read.flatMap((region, index) => (region.words.length === 0 ? [index] : []));
  const enlarged = await readCells(
    image,
    empty.map((index) => regions[index] as BBox),
    pool,
    { dpi, scale: ENLARGED },
  );
  const words = read.map((region) => region.words);
  empty.forEach((index, at) => {
    words[index] = enlarged[at]?.words ?? [];
  });
  return words;
}

/**
 * Ruled cells with the lines their own reading lost read again: tesseract's block mode drops a
 * short last line of a paragraph now and then (くれている。 under …支えて, in a box under its
 * label, on seed 27), and the value is then accepted cut short. Only cells that were read at
 * all are looked into: ink in a cell read as nothing is a mark or a box, which choice reading
 * looks at in the ink itself. `image` is the page the cells were read from.
 */
export async function withLostLinesRead(
  image: GreyImage,
  cells: readonly OcrCell[],
  pool: TesseractPool,
  dpi: number,
): Promise<OcrCell[]> {
  const read = cells.filter((cell) => cell.words.length > 0);
  if (read.length === 0) return [...cells];
  const lines: OcrLine[] = read.map((cell) => ({
    text: cell.text,
    confidence: cell.confidence,
    bbox: cell.bbox,
    words: cell.words,
  }));
  const unread = unreadInk(
    onlyInside(
      image,
      read.map((cell) => cell.bbox),
    ),
    lines,
    [],
    dpi,
  );
  const lost = unread.regions.flatMap((region) => {
    const cell = read.find((candidate) => centreInside(region, candidate.bbox));
    return cell ? [{ region, cell }] : [];
  });
  if (lost.length === 0) return [...cells];
  const words = await readRegions(
    unread.image,
    lost.map(({ region }) => region),
    pool,
    dpi,
  );
  return cells.map((cell) => {
    const found = lost.flatMap(({ cell: owner }, index) =>
      owner === cell && (words[index]?.length ?? 0) > 0 ? [words[index] as OcrWord[]] : [],
    );
    if (found.length === 0) return cell;
    return {
      ...cell,
      text: [cell.text, ...found.map(joinLineWords)].join("\n"),
      words: [...cell.words, ...found.flat()],
    };
  });
}

/** The image with everything outside `boxes` painted white. */
function onlyInside(image: GreyImage, boxes: readonly BBox[]): GreyImage {
  const pixels = new Uint8Array(image.pixels.length).fill(255);
  for (const [x, y, w, h] of boxes)
    for (let row = y; row < Math.min(image.height, y + h); row++) {
      const start = row * image.width + x;
      pixels.set(image.pixels.subarray(start, start + Math.min(w, image.width - x)), start);
    }
  return { ...image, pixels };
}
