/**
 * Page layout of a printed form: where the title, grid rows, long-text boxes and the progress
 * table go on A4 at a given resolution, as a list of drawing operations.
 */
import type { SKRSContext2D } from "@napi-rs/canvas";
import type { Op, Target } from "./draw-ops.ts";
import { PROGRESS_TABLE_HEADINGS } from "./field-vocabulary.ts";
import { cssFont, type FormFonts } from "./fonts.ts";
import type { ChoiceContent, FormField, FormRow, FormSpec, ProgressEntry } from "./form-spec.ts";
import type { BoxState } from "./hand-marks.ts";
import { createRandom } from "./random.ts";
import { wrapText } from "./text-wrap.ts";

const A4_MM = { width: 210, height: 297 };
const MARGIN_MM = { side: 18, top: 12, bottom: 12 };
const SIZE_PT = { title: 18, label: 10.5, value: 11, table: 10, small: 8.5, stamp: 10 };
const LINE_SPACING = 1.55;
// Share of the CJK em box above the baseline; the em box is what lines are centred on.
const EM_ASCENT = 0.88;
const EM_CENTRE = 0.38;
// Smaller type is tried when a long story does not fit, as a clerk shrinks the font in Word.
const FIT_STEPS = [1, 0.94, 0.88, 0.82, 0.76];
const INK = "#111111";
const RULE = "#222222";
const STAMP_RED = "#b8322a";

export interface Geometry {
  dpi: number;
  width: number;
  height: number;
  mm(value: number): number;
  pt(value: number): number;
  thin: number;
  thick: number;
}

export function geometryFor(dpi: number): Geometry {
  const mm = (value: number) => (value * dpi) / 25.4;
  const thin = Math.max(1, Math.round(dpi / 200));
  return {
    dpi,
    width: Math.round(mm(A4_MM.width)),
    height: Math.round(mm(A4_MM.height)),
    mm,
    pt: (value) => (value * dpi) / 72,
    thin,
    thick: thin + 1,
  };
}

/** One visual line of a value: text pieces and check boxes at offsets from the line start. */
type Piece =
  | { kind: "text"; text: string; dx: number; circled: string[] }
  | { kind: "box"; dx: number; state: BoxState };

/** Where the extra height of a page that is not full goes. */
interface Slack {
  blockExtra: Map<number, number>;
  tableBottom?: number;
}

interface Composition {
  ops: Op[];
  gridBottom: number;
  bottom: number;
}

class PageComposer {
  private readonly ops: Op[] = [];
  private band = 0;
  private readonly left: number;
  private readonly right: number;
  private readonly valuePx: number;
  private readonly labelPx: number;
  private readonly tablePx: number;
  private readonly padX: number;
  private readonly padY: number;

  constructor(
    private readonly ctx: SKRSContext2D,
    private readonly spec: FormSpec,
    private readonly geo: Geometry,
    private readonly fonts: FormFonts,
    fit: number,
    private readonly slack: Slack,
  ) {
    this.left = geo.mm(MARGIN_MM.side);
    this.right = geo.width - geo.mm(MARGIN_MM.side);
    this.valuePx = geo.pt(SIZE_PT.value) * fit;
    this.labelPx = geo.pt(SIZE_PT.label) * fit;
    this.tablePx = geo.pt(SIZE_PT.table) * fit;
    this.padX = geo.mm(1.8);
    this.padY = geo.mm(1.4) * fit;
  }

  compose(): Composition {
    let y = this.header(this.geo.mm(MARGIN_MM.top));
    const gridTop = y;
    this.spec.rows.forEach((row, index) => {
      y = this.row(row, index, y);
    });
    this.border(gridTop, y);
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

  private nextBand() {
    this.band++;
  }

  private measure(text: string, family: string, px: number): number {
    this.ctx.font = cssFont(family, px);
    return this.ctx.measureText(text).width;
  }

  private text(
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

  private hRule(x: number, y: number, width: number, weight = this.geo.thin, color = RULE) {
    this.ops.push({ kind: "rule", x, y: Math.round(y - weight / 2), width, height: weight, color });
  }

  private vRule(x: number, y: number, height: number, weight = this.geo.thin, color = RULE) {
    this.ops.push({ kind: "rule", x: Math.round(x - weight / 2), y, width: weight, height, color });
  }

  /** Characters spread evenly from `x` over `width`, returning each one's left edge. */
  private spread(text: string, x: number, width: number, family: string, px: number): number[] {
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
      const value = field.content.printed;
      const valueWidth = this.measure(value, fonts.filledIn, this.valuePx);
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
      this.text(value, valueX, lineBaseline, fonts.filledIn, this.valuePx, {
        target: { field: field.key },
      });
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

  private border(top: number, bottom: number) {
    const { thick } = this.geo;
    const width = this.right - this.left;
    this.hRule(this.left, top, width, thick);
    this.hRule(this.left, bottom, width, thick);
    this.vRule(this.left, top, bottom - top, thick);
    this.vRule(this.right, top, bottom - top, thick);
  }

  private row(row: FormRow, index: number, y: number): number {
    switch (row.kind) {
      case "cells":
        if (this.needsOwnRows(row.fields)) {
          return row.fields.reduce((top, field) => this.cellsRow([field], top), y);
        }
        return this.cellsRow(row.fields, y);
      case "block":
        return this.blockRow(row.field, row.minLines, this.slack.blockExtra.get(index) ?? 0, y);
      case "progress-table":
        return this.progressTable(row.entries, y);
    }
  }

  private valueWidth(fieldCount: number): number {
    const labelWidth = this.geo.mm(this.spec.style.labelWidthMm);
    return (this.right - this.left - fieldCount * labelWidth) / fieldCount - 2 * this.padX;
  }

  /** Side by side, a long value would wrap; designers give such a field the whole width. */
  private needsOwnRows(fields: FormField[]): boolean {
    if (fields.length < 2) return false;
    const width = this.valueWidth(fields.length);
    return fields.some((field) => this.valueLines(field, width, this.valuePx).length > 1);
  }

  /** Lines of a value laid out for `width`, as pieces of text and check boxes. */
  private valueLines(field: FormField, width: number, px: number): Piece[][] {
    const family = this.fonts.filledIn;
    if (field.content.kind === "text") {
      const circled = field.content.circled ?? [];
      return wrapText(
        field.content.printed,
        width,
        (t) => this.measure(t, family, px),
        circled,
      ).map((line) => [
        { kind: "text", text: line, dx: 0, circled: circled.filter((w) => line.includes(w)) },
      ]);
    }
    return this.choiceLines(field.content, width, px);
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
  private emitLines(
    lines: Piece[][],
    x: number,
    top: number,
    px: number,
    lineHeight: number,
    target: Target,
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
            target,
          });
        } else {
          this.text(piece.text, x + piece.dx, baseline, family, px, { target });
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

  /**
   * A label's lines and type size: a label a little too long is set smaller, a much longer one
   * is broken into lines of even length, as a form designer would.
   */
  private labelLayout(text: string, width: number): { lines: string[]; px: number } {
    const family = this.fonts.template;
    const inner = width - 2 * this.padX;
    for (const shrink of [1, 0.92, 0.85]) {
      const px = this.labelPx * shrink;
      if (this.measure(text, family, px) <= inner) return { lines: [text], px };
    }
    const px = this.labelPx;
    const measure = (t: string) => this.measure(t, family, px);
    const count = wrapText(text, inner, measure).length;
    // The narrowest measure that still needs no more lines than the full width gives even lines.
    for (let width = measure(text) / count; width < inner; width += px / 4) {
      const lines = wrapText(text, width, measure);
      if (lines.length <= count) return { lines, px };
    }
    return { lines: wrapText(text, inner, measure), px };
  }

  private labelHeight(text: string, width: number): number {
    const { lines, px } = this.labelLayout(text, width);
    return lines.length * px * 1.3 + 2 * this.padY;
  }

  /** A label in its cell, centred, left-aligned or spread out (均等割付) per the sheet's style. */
  private label(text: string, x: number, width: number, top: number, height: number) {
    const family = this.fonts.template;
    const { lines, px } = this.labelLayout(text, width);
    const lineHeight = px * 1.3;
    const firstTop = top + (height - lines.length * lineHeight) / 2;
    const { labelAlign } = this.spec.style;
    lines.forEach((line, index) => {
      const baseline = firstTop + index * lineHeight + (lineHeight - px) / 2 + px * EM_ASCENT;
      const lineWidth = this.measure(line, family, px);
      const length = [...line].length;
      const spreadable = lines.length === 1 && length >= 2 && length <= 5 && !/[A-Za-z]/.test(line);
      if (labelAlign === "distribute" && spreadable) {
        // Spread over a fixed measure rather than the whole cell, so 氏名 does not fly apart.
        const span = Math.min(width - 2 * this.padX, px * 5.5);
        const start = x + (width - span) / 2;
        this.text(line, start, baseline, family, px, {
          charX: this.spread(line, start, span, family, px),
        });
      } else {
        const lineX = labelAlign === "left" ? x + this.padX : x + (width - lineWidth) / 2;
        this.text(line, lineX, baseline, family, px);
      }
    });
  }

  private cellsRow(fields: FormField[], y: number): number {
    const { geo } = this;
    const contentWidth = this.right - this.left;
    const labelWidth = geo.mm(this.spec.style.labelWidthMm);
    const valueWidth = this.valueWidth(fields.length) + 2 * this.padX;
    const lineHeight = this.valuePx * LINE_SPACING;
    const layouts = fields.map((field) =>
      this.valueLines(field, valueWidth - 2 * this.padX, this.valuePx),
    );
    const labelHeights = fields.map((field) => this.labelHeight(field.label, labelWidth));
    const height = Math.max(
      geo.mm(8.5) * (this.valuePx / geo.pt(SIZE_PT.value)),
      ...labelHeights,
      ...layouts.map((lines) => lines.length * lineHeight + 2 * this.padY),
    );
    this.hRule(this.left, y, contentWidth);
    fields.forEach((field, index) => {
      const labelX = this.left + index * (labelWidth + valueWidth);
      const valueX = labelX + labelWidth;
      this.ops.push({ kind: "shade", x: labelX, y, width: labelWidth, height });
      if (index > 0) this.vRule(labelX, y, height);
      this.vRule(valueX, y, height);
      this.label(field.label, labelX, labelWidth, y, height);
      const lines = layouts[index] as Piece[][];
      const top = y + (height - lines.length * lineHeight) / 2;
      this.emitLines(lines, valueX + this.padX, top, this.valuePx, lineHeight, {
        field: field.key,
      });
    });
    this.nextBand();
    return y + height;
  }

  private blockRow(field: FormField, minLines: number, extra: number, y: number): number {
    const { geo } = this;
    const contentWidth = this.right - this.left;
    const bandHeight = geo.mm(7) * (this.labelPx / geo.pt(SIZE_PT.label));
    this.hRule(this.left, y, contentWidth);
    this.ops.push({ kind: "shade", x: this.left, y, width: contentWidth, height: bandHeight });
    const labelBaseline = y + bandHeight / 2 + this.labelPx * EM_CENTRE;
    this.text(field.label, this.left + this.padX, labelBaseline, this.fonts.template, this.labelPx);
    this.nextBand();
    const valueTop = y + bandHeight;
    this.hRule(this.left, valueTop, contentWidth);
    const lineHeight = this.valuePx * LINE_SPACING;
    const lines = this.valueLines(field, contentWidth - 2 * this.padX, this.valuePx);
    const height = Math.max(minLines, lines.length) * lineHeight + 2 * this.padY + extra;
    this.emitLines(lines, this.left + this.padX, valueTop + this.padY, this.valuePx, lineHeight, {
      field: field.key,
    });
    if (this.spec.style.writingLines) {
      const ruled = Math.floor((height - 2 * this.padY) / lineHeight);
      for (let index = 1; index <= ruled; index++) {
        this.ops.push({
          kind: "dots",
          x: this.left + this.padX,
          y: Math.round(valueTop + this.padY + index * lineHeight),
          width: contentWidth - 2 * this.padX,
        });
      }
    }
    this.nextBand();
    return valueTop + height;
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
        wrapText(text, (widths[column] as number) - 2 * this.padX, measure),
      );
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
          this.text(line, x, firstBaseline + lineIndex * lineHeight, fonts.filledIn, px, {
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

/**
 * Lays the page out at the largest type size that fits, then hands the space left over to the
 * long-text boxes and the progress table, as a printed form fills its sheet.
 */
export function layoutPage(
  ctx: SKRSContext2D,
  spec: FormSpec,
  geo: Geometry,
  fonts: FormFonts,
): Op[] {
  const pageBottom = geo.height - geo.mm(MARGIN_MM.bottom);
  const tight: Slack = { blockExtra: new Map() };
  for (const fit of FIT_STEPS) {
    const first = new PageComposer(ctx, spec, geo, fonts, fit, tight).compose();
    const spare = pageBottom - first.bottom;
    if (spare < 0) continue;
    // Its own stream, so that the pen marks drawn later do not depend on the layout.
    const random = createRandom(spec.seed ^ 0x5eed);
    const blocks = spec.rows.flatMap((row, index) =>
      row.kind === "block" ? [{ index, weight: row.minLines }] : [],
    );
    const totalWeight = blocks.reduce((sum, block) => sum + block.weight, 0);
    // Not every form reaches the bottom margin: some leave a strip of empty paper.
    const used = spare * random.float(0.75, 1);
    const slack: Slack = {
      blockExtra: new Map(
        blocks.map((block) => [block.index, (used * block.weight) / totalWeight]),
      ),
    };
    if (spec.rows.at(-1)?.kind === "progress-table") slack.tableBottom = first.gridBottom + spare;
    return new PageComposer(ctx, spec, geo, fonts, fit, slack).compose().ops;
  }
  throw new Error(`The ${spec.docType} form "${spec.title}" does not fit on one A4 page`);
}
