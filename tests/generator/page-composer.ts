/**
 * What every form layout shares: the header (form number, stamp, title, date line), values laid
 * out as lines of text and check boxes, typed or handwritten, circled words, the progress table
 * and the footnote. A layout decides only how labels and values are arranged on the sheet.
 */
import type { SKRSContext2D } from "@napi-rs/canvas";
import type { Op, Target } from "./draw-ops.ts";
import { PROGRESS_TABLE_HEADINGS } from "./field-vocabulary.ts";
import { cssFont, type FormFonts, handFont } from "./fonts.ts";
import type {
  ChoiceContent,
  FormField,
  FormRow,
  FormSpec,
  ProgressEntry,
  TextContent,
} from "./form-spec.ts";
import type { BoxState } from "./hand-marks.ts";
import type { Geometry } from "./page-geometry.ts";
import { createRandom, type Random } from "./random.ts";
import { wrapText } from "./text-wrap.ts";

export const MARGIN_MM = { side: 18, top: 12, bottom: 12 };
export const SIZE_PT = { title: 18, label: 10.5, value: 11, table: 10, small: 8.5, stamp: 10 };
export const LINE_SPACING = 1.55;
// Share of the CJK em box above the baseline; the em box is what lines are centred on.
export const EM_ASCENT = 0.88;
export const EM_CENTRE = 0.38;
const INK = "#111111";
const RULE = "#222222";
const STAMP_RED = "#b8322a";
const PEN = "#1d2033";
// Handwriting runs larger than type of the same line height, and its letters wander wider than
// the typeface's advance; wrapping allows for the widest.
const HAND_SCALE = [0.98, 1.1] as const;
const HAND_SPREAD = HAND_SCALE[1] * 1.03;

/** One visual line of a value: text pieces and check boxes at offsets from the line start. */
export type Piece =
  | { kind: "text"; text: string; dx: number; circled: string[] }
  | { kind: "box"; dx: number; state: BoxState };

/** Where the extra height of a page that is not full goes. */
export interface Slack {
  blockExtra: Map<number, number>;
  tableBottom?: number;
}

export interface Composition {
  ops: Op[];
  /** Bottom of the rows, before the footnote: the progress table may grow down to the page's. */
  gridBottom: number;
  bottom: number;
}

/** A label and its value as a layout places them: a form field, or the 個人番号 row. */
export interface Cell {
  label: string;
  content: TextContent | ChoiceContent;
  target: Target;
  handwritten: boolean;
}

export function fieldCell(field: FormField): Cell {
  return {
    label: field.label,
    content: field.content,
    target: { field: field.key },
    handwritten: field.handwritten ?? false,
  };
}

export abstract class PageComposer {
  protected readonly ops: Op[] = [];
  private band = 0;
  protected readonly left: number;
  protected readonly right: number;
  protected readonly valuePx: number;
  protected readonly labelPx: number;
  protected readonly tablePx: number;
  protected readonly padX: number;
  protected readonly padY: number;
  private readonly handFamily: string;
  // Its own stream, so that handwriting never shifts the layout's or the pen marks' numbers.
  private readonly handRandom: Random;

  constructor(
    protected readonly ctx: SKRSContext2D,
    protected readonly spec: FormSpec,
    protected readonly geo: Geometry,
    protected readonly fonts: FormFonts,
    fit: number,
    protected readonly slack: Slack,
  ) {
    this.left = geo.mm(MARGIN_MM.side);
    this.right = geo.width - geo.mm(MARGIN_MM.side);
    this.valuePx = geo.pt(SIZE_PT.value) * fit;
    this.labelPx = geo.pt(SIZE_PT.label) * fit;
    this.tablePx = geo.pt(SIZE_PT.table) * fit;
    this.padX = geo.mm(1.8);
    this.padY = geo.mm(1.4) * fit;
    this.handFamily = spec.hand ? handFont(spec.hand) : fonts.filledIn;
    this.handRandom = createRandom(spec.seed ^ 0x68616e64);
  }

  /** Label/value pairs meant to share one line or row of the sheet. */
  protected abstract cellsRow(cells: Cell[], y: number): number;

  /** A long text under its label, at least `minLines` high plus `extra` spare height. */
  protected abstract blockRow(cell: Cell, minLines: number, extra: number, y: number): number;

  /** Ruling around the rows, for layouts that have it. */
  protected frame(_top: number, _bottom: number): void {}

  /** The progress table's outer lines; a layout ruled all round draws them with its frame. */
  protected tableOutline(top: number, bottom: number) {
    const width = this.right - this.left;
    this.hRule(this.left, bottom, width);
    this.vRule(this.left, top, bottom - top);
    this.vRule(this.right, top, bottom - top);
  }

  compose(): Composition {
    let y = this.spec.continued
      ? this.geo.mm(MARGIN_MM.top)
      : this.header(this.geo.mm(MARGIN_MM.top));
    const gridTop = y;
    this.spec.rows.forEach((row, index) => {
      y = this.row(row, index, y);
    });
    this.frame(gridTop, y);
    const gridBottom = y;
    if (this.spec.footnote) {
      const px = this.geo.pt(SIZE_PT.small);
      const baseline = y + this.geo.mm(2) + px * EM_ASCENT;
      this.text(this.spec.footnote, this.left, baseline, this.fonts.template, px);
      this.nextBand();
      y = baseline + px * (1 - EM_ASCENT);
    }
    return { ops: this.ops, gridBottom, bottom: y };
  }

  private row(row: FormRow, index: number, y: number): number {
    switch (row.kind) {
      case "cells":
        return this.cellsRow(row.fields.map(fieldCell), y);
      case "block":
        return this.blockRow(
          fieldCell(row.field),
          row.minLines,
          this.slack.blockExtra.get(index) ?? 0,
          y,
        );
      case "progress-table": {
        const bottom = this.progressTable(row.entries, y);
        this.tableOutline(y, bottom);
        return bottom;
      }
      case "individual-number": {
        const earlier = this.spec.rows
          .slice(0, index)
          .filter((other) => other.kind === "individual-number").length;
        const cell: Cell = {
          label: row.label,
          content: { kind: "text", printed: row.printed },
          target: { individualNumber: earlier },
          handwritten: row.handwritten ?? false,
        };
        return this.cellsRow([cell], y);
      }
    }
  }

  /** Text lines are read per band: what one band holds on one baseline is one line of text. */
  protected nextBand() {
    this.band++;
  }

  protected measure(text: string, family: string, px: number): number {
    this.ctx.font = cssFont(family, px);
    return this.ctx.measureText(text).width;
  }

  protected text(
    text: string,
    x: number,
    baseline: number,
    family: string,
    px: number,
    extra: { color?: string; charX?: number[]; target?: Target } = {},
  ) {
    this.ops.push({
      kind: "text",
      text,
      x,
      baseline,
      font: cssFont(family, px),
      color: extra.color ?? INK,
      band: this.band,
      ...(extra.charX ? { charX: extra.charX } : {}),
      ...(extra.target ? { target: extra.target } : {}),
    });
  }

  /** A value's text, typed in the filled-in face or written by hand. */
  protected valueText(text: string, x: number, baseline: number, px: number, cell: Cell) {
    if (!cell.handwritten) {
      this.text(text, x, baseline, this.fonts.filledIn, px, { target: cell.target });
      return;
    }
    const random = this.handRandom;
    // The whole line drifts a little off the horizontal, each letter wobbles on its own.
    const tilt = random.float(-0.02, 0.02);
    const charX: number[] = [];
    const dy: number[] = [];
    const angle: number[] = [];
    const scale: number[] = [];
    let cursor = x;
    for (const char of text) {
      charX.push(cursor + random.gaussian() * px * 0.015);
      dy.push((cursor - x) * tilt + random.gaussian() * px * 0.03);
      angle.push(tilt + random.gaussian() * 0.03);
      const size = random.float(...HAND_SCALE);
      scale.push(size);
      cursor += this.measure(char, this.handFamily, px) * size * random.float(0.98, 1.03);
    }
    this.ops.push({
      kind: "text",
      text,
      x,
      baseline,
      font: cssFont(this.handFamily, px),
      color: PEN,
      band: this.band,
      charX,
      hand: { dy, angle, scale },
      target: cell.target,
    });
  }

  protected valueWidthOf(text: string, px: number, cell: Cell): number {
    return cell.handwritten
      ? this.measure(text, this.handFamily, px) * HAND_SPREAD
      : this.measure(text, this.fonts.filledIn, px);
  }

  protected hRule(x: number, y: number, width: number, weight = this.geo.thin, color = RULE) {
    this.ops.push({ kind: "rule", x, y: Math.round(y - weight / 2), width, height: weight, color });
  }

  protected vRule(x: number, y: number, height: number, weight = this.geo.thin, color = RULE) {
    this.ops.push({ kind: "rule", x: Math.round(x - weight / 2), y, width: weight, height, color });
  }

  /** Characters spread evenly from `x` over `width`, returning each one's left edge. */
  protected spread(text: string, x: number, width: number, family: string, px: number): number[] {
    const chars = [...text];
    const widths = chars.map((char) => this.measure(char, family, px));
    const gap = (width - widths.reduce((sum, w) => sum + w, 0)) / Math.max(1, chars.length - 1);
    let cursor = x;
    return widths.map((w) => {
      const at = cursor;
      cursor += w + gap;
      return at;
    });
  }

  /** Form number, handling stamp, title and the optional date line; returns the grid top. */
  private header(top: number): number {
    const { spec, geo, fonts } = this;
    let y = top;
    if (spec.formNumber || spec.stamp) {
      const px = geo.pt(SIZE_PT.small);
      const baseline = y + geo.mm(2) + px * EM_ASCENT;
      if (spec.formNumber) this.text(spec.formNumber, this.left, baseline, fonts.template, px);
      if (spec.stamp) this.stamp(spec.stamp, baseline);
      this.nextBand();
      y += geo.mm(8);
    }
    const titlePx = geo.pt(SIZE_PT.title);
    const baseline = y + titlePx * EM_ASCENT;
    const naturalWidth = this.measure(spec.title, fonts.template, titlePx);
    if (spec.style.spacedTitle) {
      const width = naturalWidth + titlePx * 0.6 * ([...spec.title].length - 1);
      const x = (geo.width - width) / 2;
      const charX = this.spread(spec.title, x, width, fonts.template, titlePx);
      this.text(spec.title, x, baseline, fonts.template, titlePx, { charX });
    } else {
      this.text(spec.title, (geo.width - naturalWidth) / 2, baseline, fonts.template, titlePx);
    }
    this.nextBand();
    y = baseline + titlePx * (1 - EM_ASCENT) + geo.mm(5);
    if (spec.dateLine) {
      const field = spec.dateLine;
      if (field.content.kind !== "text") throw new Error("The date line must be a text field");
      const cell = fieldCell(field);
      const value = field.content.printed;
      const valueWidth = this.valueWidthOf(value, this.valuePx, cell);
      const labelText = `${field.label}：`;
      const labelWidth = this.measure(labelText, fonts.template, this.labelPx);
      const lineBaseline = y + this.valuePx * EM_ASCENT;
      const valueX = this.right - valueWidth;
      this.text(
        labelText,
        valueX - labelWidth - geo.mm(1),
        lineBaseline,
        fonts.template,
        this.labelPx,
      );
      this.valueText(value, valueX, lineBaseline, this.valuePx, cell);
      this.circles(
        value,
        field.content.circled ?? [],
        valueX,
        lineBaseline,
        fonts.filledIn,
        this.valuePx,
      );
      this.nextBand();
      y = lineBaseline + geo.mm(3);
    }
    return y;
  }

  private stamp(word: string, baseline: number) {
    const px = this.geo.pt(SIZE_PT.stamp);
    const width = this.measure(word, this.fonts.template, px);
    const pad = this.geo.mm(1.5);
    const x = this.right - width - pad;
    const top = baseline - px * EM_ASCENT - pad;
    const height = px + 2 * pad;
    const weight = this.geo.thick;
    this.hRule(x - pad, top, width + 2 * pad, weight, STAMP_RED);
    this.hRule(x - pad, top + height, width + 2 * pad, weight, STAMP_RED);
    this.vRule(x - pad, top, height, weight, STAMP_RED);
    this.vRule(x + width + pad, top, height, weight, STAMP_RED);
    this.text(word, x, baseline, this.fonts.template, px, { color: STAMP_RED });
  }

  /** Lines of a value laid out for `width`, as pieces of text and check boxes. */
  protected valueLines(cell: Cell, width: number, px: number): Piece[][] {
    if (cell.content.kind === "text") {
      const circled = cell.content.circled ?? [];
      return wrapText(
        cell.content.printed,
        width,
        (t) => this.valueWidthOf(t, px, cell),
        circled,
      ).map((line) => [
        { kind: "text", text: line, dx: 0, circled: circled.filter((w) => line.includes(w)) },
      ]);
    }
    return this.choiceLines(cell.content, width, px);
  }

  private choiceLines(content: ChoiceContent, width: number, px: number): Piece[][] {
    const family = this.fonts.filledIn;
    const boxSize = px * 0.8;
    const boxGap = px * 0.3;
    // Circled words need room for the pen loop between them.
    const optionGap = px * (content.mark === "circle" ? 1.6 : 1);
    const lines: Piece[][] = [[]];
    let cursor = 0;
    for (const option of content.options) {
      const labelWidth = this.measure(option.label, family, px);
      const itemWidth = content.mark === "circle" ? labelWidth : boxSize + boxGap + labelWidth;
      if (cursor > 0 && cursor + itemWidth > width) {
        lines.push([]);
        cursor = 0;
      }
      const line = lines.at(-1) as Piece[];
      if (content.mark === "circle") {
        line.push({
          kind: "text",
          text: option.label,
          dx: cursor,
          circled: option.selected ? [option.label] : [],
        });
      } else {
        const state: BoxState = option.selected ? content.mark : "empty";
        line.push({ kind: "box", dx: cursor, state });
        line.push({ kind: "text", text: option.label, dx: cursor + boxSize + boxGap, circled: [] });
      }
      cursor += itemWidth + optionGap;
    }
    return lines;
  }

  /** Emits value lines with their first line's em box starting at `top`. */
  protected emitLines(
    lines: Piece[][],
    x: number,
    top: number,
    px: number,
    lineHeight: number,
    cell: Cell,
  ) {
    const family = this.fonts.filledIn;
    lines.forEach((pieces, index) => {
      const baseline = top + index * lineHeight + (lineHeight - px) / 2 + px * EM_ASCENT;
      for (const piece of pieces) {
        if (piece.kind === "box") {
          const size = px * 0.8;
          const boxY = baseline - px * EM_CENTRE - size / 2;
          this.ops.push({
            kind: "box",
            x: x + piece.dx,
            y: boxY,
            size,
            state: piece.state,
            target: cell.target,
          });
        } else {
          this.valueText(piece.text, x + piece.dx, baseline, px, cell);
          this.circles(piece.text, piece.circled, x + piece.dx, baseline, family, px);
        }
      }
    });
  }

  private circles(
    text: string,
    words: readonly string[],
    x: number,
    baseline: number,
    family: string,
    px: number,
  ) {
    for (const word of words) {
      const at = text.indexOf(word);
      if (at < 0) continue;
      const start = x + this.measure(text.slice(0, at), family, px);
      this.ops.push({
        kind: "circle",
        x: start,
        y: baseline - px * EM_ASCENT,
        width: this.measure(word, family, px),
        height: px,
      });
    }
  }

  /** Light dotted writing lines across a long-text box, one under each line of writing. */
  protected writingLines(x: number, top: number, width: number, height: number) {
    const lineHeight = this.valuePx * LINE_SPACING;
    const ruled = Math.floor((height - 2 * this.padY) / lineHeight);
    for (let index = 1; index <= ruled; index++) {
      this.ops.push({
        kind: "dots",
        x,
        y: Math.round(top + this.padY + index * lineHeight),
        width,
      });
    }
  }

  private progressTable(entries: ProgressEntry[], y: number): number {
    const { geo, fonts } = this;
    const px = this.tablePx;
    const scale = px / geo.pt(SIZE_PT.table);
    const contentWidth = this.right - this.left;
    const dateWidth = geo.mm(24) * scale;
    const methodWidth = geo.mm(17) * scale;
    const staffWidth = geo.mm(22) * scale;
    const contentColumn = contentWidth - dateWidth - methodWidth - staffWidth;
    const columnX = [
      this.left,
      this.left + dateWidth,
      this.left + dateWidth + methodWidth,
      this.left + dateWidth + methodWidth + contentColumn,
    ];
    const widths = [dateWidth, methodWidth, contentColumn, staffWidth];
    const lineHeight = px * LINE_SPACING;
    const minRow = geo.mm(8) * scale;

    const rowRules = (top: number, height: number) => {
      this.hRule(this.left, top, contentWidth);
      for (const x of columnX.slice(1)) this.vRule(x, top, height);
    };

    const headerHeight = geo.mm(7.5) * scale;
    rowRules(y, headerHeight);
    this.ops.push({ kind: "shade", x: this.left, y, width: contentWidth, height: headerHeight });
    const headerBaseline = y + headerHeight / 2 + this.labelPx * EM_CENTRE;
    PROGRESS_TABLE_HEADINGS.forEach((heading, index) => {
      const width = this.measure(heading, fonts.template, this.labelPx);
      const x = (columnX[index] as number) + ((widths[index] as number) - width) / 2;
      this.text(heading, x, headerBaseline, fonts.template, this.labelPx);
    });
    this.nextBand();
    let top = y + headerHeight;

    const measure = (t: string) => this.measure(t, fonts.filledIn, px);
    entries.forEach((entry, index) => {
      const cellTexts = [
        entry.date.printed,
        entry.method.printed,
        entry.content,
        entry.staff.printed,
      ];
      const cellLines = cellTexts.map((text, column) =>
        column === 0 ? [text] : wrapText(text, (widths[column] as number) - 2 * this.padX, measure),
      );
      // A word processor shrinks a date too wide for its column (２０２０/５/１３ in full-width
      // digits) rather than let it run across the rule into 対応方法.
      const dateRoom = dateWidth - 2 * this.padX;
      const datePx = Math.min(px, (px * dateRoom) / measure(entry.date.printed));
      const mostLines = Math.max(...cellLines.map((lines) => lines.length));
      const height = Math.max(minRow, mostLines * lineHeight + 2 * this.padY);
      rowRules(top, height);
      const target: Target = { entry: index };
      const firstBaseline = top + this.padY + (lineHeight - px) / 2 + px * EM_ASCENT;
      cellLines.forEach((lines, column) => {
        lines.forEach((line, lineIndex) => {
          const cellX = columnX[column] as number;
          // The method is one short word, centred like the heading above it.
          const x =
            column === 1
              ? cellX + ((widths[column] as number) - measure(line)) / 2
              : cellX + this.padX;
          const size = column === 0 ? datePx : px;
          this.text(line, x, firstBaseline + lineIndex * lineHeight, fonts.filledIn, size, {
            target,
          });
        });
      });
      this.nextBand();
      top += height;
    });

    // Printed forms rule the whole sheet; the rows nobody has written in yet stay blank.
    const bottom = this.slack.tableBottom ?? top;
    while (top + minRow <= bottom) {
      rowRules(top, minRow);
      top += minRow;
    }
    return top;
  }
}
