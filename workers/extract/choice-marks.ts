import {
  type Edges,
  type GreyImage,
  inkRuns,
  inkShare,
  isInk,
  shrinkToInk,
} from "../ocr/grey-image.ts";

/**
 * Check boxes printed before choice options, measured in the page's ink: where they are and
 * how much of each is inked (a tick or a fill). OCR cannot be trusted with them: it reads ☑ as
 * 図/回/团/較, ■ as 墨/置 and □ as 口/ロ, and drifts its word boxes by a character. (Circled
 * options: circled-words.ts.)
 */

/** A check box is about 0.8 em square. */
const BOX_MIN_EM = 0.45;
const BOX_MAX_EM = 1.15;
/** Each side of a box is inked along this share of its length at least. */
const SIDE_COVER = 0.85;
/** Only the middle of the box counts: its outline is ink whether ticked or not. */
const BOX_INSET = 0.25;

/** The check boxes printed along one line of options, left to right. */
export function findCheckBoxes(ink: GreyImage, band: Edges, em: number): Edges[] {
  return inkBlobs(ink, band).filter((blob) => isCheckBox(ink, blob, em));
}

/** Share of the inside of a check box that is inked: a tick or a fill, against nothing. */
export function boxFill(ink: GreyImage, box: Edges): number {
  const insetX = Math.round((box.right - box.left) * BOX_INSET);
  const insetY = Math.round((box.bottom - box.top) * BOX_INSET);
  return inkShare(
    {
      left: box.left + insetX,
      top: box.top + insetY,
      right: box.right - insetX,
      bottom: box.bottom - insetY,
    },
    ink,
  );
}

/**
 * Runs of inked columns in the band, left to right, each shrunk onto the tallest stretch of
 * inked rows in it: a speck of the scan above or below a box, in the same columns, is not
 * part of it.
 */
function inkBlobs(ink: GreyImage, band: Edges): Edges[] {
  return inkRuns(ink, band, "columns").flatMap(({ start: left, end: right }) => {
    const columns = { ...band, left, right };
    const { start: top, end: bottom } = inkRuns(ink, columns, "rows").reduce((tallest, run) =>
      run.end - run.start > tallest.end - tallest.start ? run : tallest,
    );
    const blob = shrinkToInk({ ...columns, top, bottom }, ink);
    return blob ? [blob] : [];
  });
}

/**
 * A printed check box: about 0.8 em square with all four sides inked along their length,
 * which tells it from a character (even 口 has open corners) and from a pen stroke.
 */
function isCheckBox(ink: GreyImage, blob: Edges, em: number): boolean {
  const width = blob.right - blob.left;
  const height = blob.bottom - blob.top;
  const sized = [width, height].every((side) => side >= BOX_MIN_EM * em && side <= BOX_MAX_EM * em);
  if (!sized || Math.abs(width - height) > 0.3 * em) return false;
  const sides: Edges[] = [
    { ...blob, bottom: blob.top + 2 },
    { ...blob, top: blob.bottom - 2 },
    { ...blob, right: blob.left + 2 },
    { ...blob, left: blob.right - 2 },
  ];
  return sides.every((side) => lineCover(ink, side) >= SIDE_COVER);
}

/** Share of a side's length that has ink within the side's two-pixel depth. */
function lineCover(ink: GreyImage, side: Edges): number {
  const across = side.right - side.left > side.bottom - side.top;
  const length = across ? side.right - side.left : side.bottom - side.top;
  let covered = 0;
  for (let i = 0; i < length; i++) {
    let inked = false;
    for (let d = 0; d < 2 && !inked; d++) {
      inked = across
        ? isInk(ink, side.left + i, side.top + d)
        : isInk(ink, side.left + d, side.top + i);
    }
    if (inked) covered++;
  }
  return length > 0 ? covered / length : 0;
}
