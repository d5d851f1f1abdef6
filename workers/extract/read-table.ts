import type { TableColumnDefinition } from "../../config/forms/form-definitions.ts";
import { toEdges } from "../ocr/grey-image.ts";
import type { BBox } from "../ocr/ocr-result.ts";
import {
  bottom,
  centreX,
  centreY,
  median,
  right,
  unionBoxes,
  verticalOverlapShare,
} from "./boxes.ts";
import { withDateRunOver } from "./date-run-over.ts";
import { findLabels, type LabelHit } from "./find-labels.ts";
import { horizontalRulings, verticalRulings } from "./ink-rulings.ts";
import type { PageText, Token } from "./page-text.ts";

/** The heading row of a table (日付 / 対応方法 / 内容 / 対応者) and where its columns run. */
export interface TableHeader {
  bbox: BBox;
  /** The headings' characters, never part of a value. */
  glyphIds: ReadonlySet<number>;
  columns: { column: TableColumnDefinition; left: number; right: number }[];
  em: number;
}

/** One row of a table: each column's text, line by line. */
export interface TableRow {
  cells: Map<string, Token[][]>;
  bbox: BBox;
  /** Columns of dates completed with digits that ran over into the next column. */
  runOver: string[];
}

/** At least this many of a table's headings on one row make it the table's heading row. */
const MIN_HEADINGS = 3;
/** Notes printed under a table (※…) end it. */
const NOTE = /^※/u;

/**
 * Finds a table's heading row: most of its column headings side by side. Column edges are the
 * ruled lines between the headings (from the cells, or found in the ink), else halfway between
 * them; a heading OCR lost still gets its column when the rules leave one column unnamed.
 */
export function findTableHeader(
  page: PageText,
  columns: readonly TableColumnDefinition[],
  claimed: ReadonlySet<number>,
): TableHeader | null {
  const hits = findLabels(
    page,
    columns.map((column) => ({ key: column.key, labels: column.labels })),
    claimed,
  );
  let row: LabelHit[] = [];
  for (const hit of hits) {
    const band = hits.filter((other) => verticalOverlapShare(other.bbox, hit.bbox) >= 0.5);
    const distinct = [...new Map(band.map((other) => [other.key, other])).values()];
    if (distinct.length > row.length) row = distinct;
  }
  if (row.length < MIN_HEADINGS) return null;
  row.sort((a, b) => a.bbox[0] - b.bbox[0]);
  const bbox = unionBoxes(row.map((hit) => hit.bbox)) as BBox;
  const em = Math.max(...row.map((hit) => hit.lines[0]?.em ?? 0));
  const edges = columnEdges(page, row, bbox);
  const byKey = new Map(columns.map((column) => [column.key, column]));
  const slots = edges
    .slice(1)
    .map((edge, index) => ({ left: edges[index] as number, right: edge }));
  const named = slots.map((slot) =>
    row.find((hit) => centreX(hit.bbox) > slot.left && centreX(hit.bbox) < slot.right),
  );
  const unnamed = columns.filter((column) => !row.some((hit) => hit.key === column.key));
  // A lost heading can be placed only when exactly its column is left without one.
  const spare = named.filter((hit) => hit === undefined).length === 1 && unnamed.length === 1;
  return {
    bbox,
    glyphIds: new Set(row.flatMap((hit) => [...hit.glyphIds])),
    em,
    columns: slots.flatMap((slot, index) => {
      const hit = named[index];
      const column = hit ? byKey.get(hit.key) : spare ? unnamed[0] : undefined;
      return column ? [{ column, ...slot }] : [];
    }),
  };
}

/** Column edges from the page's left to its right, through the heading row. */
function columnEdges(page: PageText, row: readonly LabelHit[], band: BBox): number[] {
  const fromCells = page.cells
    .filter((cell) => verticalOverlapShare(cell, band) >= 0.5)
    .flatMap((cell) => [cell[0], right(cell)]);
  const ruled =
    fromCells.length > 0
      ? mergeClose(fromCells, band[3] / 2)
      : page.ink
        ? verticalRulings(page.ink, toEdges([0, band[1], page.width, band[3]], page.ink))
        : [];
  const inner = row.slice(1).map((hit, index) => {
    const before = row[index] as LabelHit;
    const between = ruled.filter((x) => x > right(before.bbox) && x < hit.bbox[0]);
    const midpoint = (right(before.bbox) + hit.bbox[0]) / 2;
    return between.length > 0
      ? between.reduce((a, b) => (Math.abs(a - midpoint) <= Math.abs(b - midpoint) ? a : b))
      : midpoint;
  });
  const first = row[0] as LabelHit;
  const last = row.at(-1) as LabelHit;
  // Rules beyond the outer headings bound the outer columns, and columns whose heading was lost.
  const outerLeft = ruled.filter((x) => x < first.bbox[0]);
  const outerRight = ruled.filter((x) => x > right(last.bbox));
  // The table's outer rules are its edges; without them it runs to the page's.
  const leftEdges = outerLeft.length > 0 ? outerLeft : [0];
  const rightEdges = outerRight.length > 0 ? outerRight : [page.width];
  return [...leftEdges, ...inner, ...rightEdges].filter(
    (x, index, all) => index === 0 || x > (all[index - 1] as number),
  );
}

function mergeClose(positions: readonly number[], distance: number): number[] {
  const sorted = [...positions].sort((a, b) => a - b);
  const merged: number[][] = [];
  for (const position of sorted) {
    const group = merged.at(-1);
    if (group && position - (group.at(-1) as number) <= distance) group.push(position);
    else merged.push([position]);
  }
  return merged.map((group) => group.reduce((sum, x) => sum + x, 0) / group.length);
}

/**
 * The table's rows under its heading: rows run between the ruled lines under the heading
 * (cells' tops, or rules found in the ink), else from each entry in the first column to the
 * next. Each word goes to the column and row its centre lies in.
 */
export function readTableRows(
  page: PageText,
  header: TableHeader,
  options: { claimed: ReadonlySet<number>; stops: readonly BBox[] },
): TableRow[] {
  const top = bottom(header.bbox);
  const end = Math.min(
    page.height,
    ...options.stops.filter((stop) => stop[1] > top).map((stop) => stop[1]),
  );
  const tokens: Token[] = [];
  for (const line of page.lines) {
    if (centreY(line.bbox) <= top || centreY(line.bbox) >= end) continue;
    const free = line.tokens.filter(
      (token) => !token.glyphs.some((g) => options.claimed.has(g.id)),
    );
    if (NOTE.test(free[0]?.glyphs[0]?.char ?? "")) break;
    tokens.push(...free);
  }
  const columnOf = (token: Token) =>
    header.columns.find(
      (slot) => centreX(token.bbox) >= slot.left && centreX(token.bbox) < slot.right,
    );
  const edges = rowEdges(page, header, tokens, columnOf, { top, end });
  const rows: TableRow[] = [];
  edges.slice(1).forEach((rowBottom, index) => {
    const rowTop = edges[index] as number;
    const inRow = tokens.filter(
      (token) => centreY(token.bbox) >= rowTop && centreY(token.bbox) < rowBottom,
    );
    if (inRow.length === 0) return;
    const cells = new Map<string, Token[][]>();
    for (const slot of header.columns) {
      const inColumn = inRow.filter((token) => columnOf(token) === slot);
      cells.set(slot.column.key, intoLines(inColumn));
    }
    const runOver = withDateRunOver(
      header.columns.map((slot) => slot.column),
      cells,
    );
    rows.push({ cells, bbox: unionBoxes(inRow.map((token) => token.bbox)) as BBox, runOver });
  });
  return rows;
}

type ColumnOf = (token: Token) => TableHeader["columns"][number] | undefined;

function rowEdges(
  page: PageText,
  header: TableHeader,
  tokens: readonly Token[],
  columnOf: ColumnOf,
  span: { top: number; end: number },
): number[] {
  const widest = [...header.columns]
    .filter((slot) => slot.left > 0 && slot.right < page.width)
    .sort((a, b) => b.right - b.left - (a.right - a.left))[0];
  if (widest) {
    const inColumn = (cell: BBox) => centreX(cell) > widest.left && centreX(cell) < widest.right;
    const cellTops = page.cells
      .filter((cell) => cell[1] >= span.top - header.em && cell[1] < span.end && inColumn(cell))
      .flatMap((cell) => [cell[1], bottom(cell)]);
    const ruled =
      cellTops.length > 0
        ? mergeClose(cellTops, header.em / 2)
        : page.ink
          ? horizontalRulings(
              page.ink,
              toEdges(
                [widest.left + 3, span.top, widest.right - widest.left - 6, span.end - span.top],
                page.ink,
              ),
            )
          : [];
    if (ruled.length >= 2) return ruled;
  }
  // Unruled: a row starts at each line of text in the first column.
  const first = header.columns[0];
  const starts = tokens.filter((token) => columnOf(token) === first).map((token) => token.bbox[1]);
  // A date wrapped onto a second line is still one start: rows are over two em apart.
  const edges = mergeClose(starts, 1.8 * header.em).map((y) => y - header.em / 4);
  return [...edges, span.end];
}

const SPECK = /^[\p{P}]+$/u;

/** Tokens of one table cell as lines, top to bottom, left to right. */
function intoLines(tokens: readonly Token[]): Token[][] {
  const lines: Token[][] = [];
  const height = median(tokens.map((token) => token.bbox[3]));
  // A speck read as punctuation, far smaller than the cell's characters, is not written text.
  const speck = (token: Token) =>
    SPECK.test(token.glyphs.map((glyph) => glyph.char).join("")) &&
    Math.max(token.bbox[2], token.bbox[3]) < 0.3 * height;
  for (const token of [...tokens]
    .filter((token) => !speck(token))
    .sort((a, b) => centreY(a.bbox) - centreY(b.bbox))) {
    const line = lines.find(
      (candidate) => verticalOverlapShare((candidate[0] as Token).bbox, token.bbox) >= 0.5,
    );
    if (line) line.push(token);
    else lines.push([token]);
  }
  return lines.map((line) => line.sort((a, b) => a.bbox[0] - b.bbox[0]));
}
