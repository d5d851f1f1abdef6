import type { Segment } from "./rulings.ts";

/** The pixels of one ruled line: at each position along it, the span [start, end) across it. */
export type SpanVisitor = (along: number, start: number, end: number) => void;

/**
 * Walks a segment's pixels following its fitted centre line, `margin` pixels wider on each side
 * than its measured thickness and `extend` pixels longer at each end, clipped to the image.
 * Vertical segments are walked with x and y exchanged: `along` is then y and the span is in x.
 */
export function visitSpans(
  s: Segment,
  vertical: boolean,
  size: { width: number; height: number },
  extend: number,
  margin: number,
  visit: SpanVisitor,
): void {
  const [along1, across1, along2, across2] = vertical
    ? [s.y1, s.x1, s.y2, s.x2]
    : [s.x1, s.y1, s.x2, s.y2];
  const alongSize = vertical ? size.height : size.width;
  const acrossSize = vertical ? size.width : size.height;
  const half = s.thickness / 2 + margin;
  const slope = along2 === along1 ? 0 : (across2 - across1) / (along2 - along1);
  const from = Math.max(0, Math.floor(along1 - extend));
  const to = Math.min(alongSize, Math.ceil(along2 + extend));
  for (let along = from; along < to; along++) {
    const centre = across1 + slope * (along + 0.5 - along1);
    const start = Math.max(0, Math.floor(centre - half));
    const end = Math.min(acrossSize, Math.ceil(centre + half));
    if (start < end) visit(along, start, end);
  }
}
