/**
 * The ruled grid of most municipal forms: grey label cells left of the value cells, long text in
 * a box under a shaded label band, the whole grid framed by a heavy border.
 */
import {
  type Cell,
  EM_ASCENT,
  EM_CENTRE,
  LINE_SPACING,
  PageComposer,
  type Piece,
  SIZE_PT,
} from "./page-composer.ts";
import { wrapText } from "./text-wrap.ts";

export class RuledGridComposer extends PageComposer {
  protected override frame(top: number, bottom: number) {
    const { thick } = this.geo;
    const width = this.right - this.left;
    this.hRule(this.left, top, width, thick);
    this.hRule(this.left, bottom, width, thick);
    this.vRule(this.left, top, bottom - top, thick);
    this.vRule(this.right, top, bottom - top, thick);
  }

  protected override tableOutline() {}

  private valueWidth(fieldCount: number): number {
    const labelWidth = this.geo.mm(this.spec.style.labelWidthMm);
    return (this.right - this.left - fieldCount * labelWidth) / fieldCount - 2 * this.padX;
  }

  /** Side by side, a long value would wrap; designers give such a field the whole width. */
  private needsOwnRows(cells: Cell[]): boolean {
    if (cells.length < 2) return false;
    const width = this.valueWidth(cells.length);
    return cells.some((cell) => this.valueLines(cell, width, this.valuePx).length > 1);
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

  protected override cellsRow(cells: Cell[], y: number): number {
    if (this.needsOwnRows(cells)) {
      return cells.reduce((top, cell) => this.cellsRow([cell], top), y);
    }
    const { geo } = this;
    const contentWidth = this.right - this.left;
    const labelWidth = geo.mm(this.spec.style.labelWidthMm);
    const valueWidth = this.valueWidth(cells.length) + 2 * this.padX;
    const lineHeight = this.valuePx * LINE_SPACING;
    const layouts = cells.map((cell) =>
      this.valueLines(cell, valueWidth - 2 * this.padX, this.valuePx),
    );
    const labelHeights = cells.map((cell) => this.labelHeight(cell.label, labelWidth));
    const height = Math.max(
      geo.mm(8.5) * (this.valuePx / geo.pt(SIZE_PT.value)),
      ...labelHeights,
      ...layouts.map((lines) => lines.length * lineHeight + 2 * this.padY),
    );
    this.hRule(this.left, y, contentWidth);
    cells.forEach((cell, index) => {
      const labelX = this.left + index * (labelWidth + valueWidth);
      const valueX = labelX + labelWidth;
      this.ops.push({ kind: "shade", x: labelX, y, width: labelWidth, height });
      if (index > 0) this.vRule(labelX, y, height);
      this.vRule(valueX, y, height);
      this.label(cell.label, labelX, labelWidth, y, height);
      const lines = layouts[index] as Piece[][];
      const top = y + (height - lines.length * lineHeight) / 2;
      this.emitLines(lines, valueX + this.padX, top, this.valuePx, lineHeight, cell);
    });
    this.nextBand();
    return y + height;
  }

  protected override blockRow(cell: Cell, minLines: number, extra: number, y: number): number {
    const { geo } = this;
    const contentWidth = this.right - this.left;
    const bandHeight = geo.mm(7) * (this.labelPx / geo.pt(SIZE_PT.label));
    this.hRule(this.left, y, contentWidth);
    this.ops.push({ kind: "shade", x: this.left, y, width: contentWidth, height: bandHeight });
    const labelBaseline = y + bandHeight / 2 + this.labelPx * EM_CENTRE;
    this.text(cell.label, this.left + this.padX, labelBaseline, this.fonts.template, this.labelPx);
    this.nextBand();
    const valueTop = y + bandHeight;
    this.hRule(this.left, valueTop, contentWidth);
    const lineHeight = this.valuePx * LINE_SPACING;
    const lines = this.valueLines(cell, contentWidth - 2 * this.padX, this.valuePx);
    const height = Math.max(minLines, lines.length) * lineHeight + 2 * this.padY + extra;
    this.emitLines(
      lines,
      this.left + this.padX,
      valueTop + this.padY,
      this.valuePx,
      lineHeight,
      cell,
    );
    if (this.spec.style.writingLines) {
      this.writingLines(this.left + this.padX, valueTop, contentWidth - 2 * this.padX, height);
    }
    this.nextBand();
    return valueTop + height;
  }
}
