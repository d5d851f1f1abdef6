/**
 * A modern application-style sheet: each label printed small above a ruled box that holds the
 * value, short boxes side by side in columns, long-text boxes across the page.
 */
import {
  type Cell,
  EM_ASCENT,
  LINE_SPACING,
  PageComposer,
  type Piece,
  SIZE_PT,
} from "./page-composer.ts";

export class LabelAboveBoxComposer extends PageComposer {
  private get smallPx(): number {
    return this.labelPx * 0.85;
  }

  private get lineHeight(): number {
    return this.valuePx * LINE_SPACING;
  }

  protected override cellsRow(cells: Cell[], y: number): number {
    const gap = this.geo.mm(4);
    const width = (this.right - this.left - gap * (cells.length - 1)) / cells.length;
    const layouts = cells.map((cell) => this.valueLines(cell, width - 2 * this.padX, this.valuePx));
    if (cells.length > 1 && layouts.some((lines) => lines.length > 1)) {
      return cells.reduce((top, cell) => this.cellsRow([cell], top), y);
    }
    const boxTop = this.labels(cells, width + gap, y);
    const height = Math.max(
      this.geo.mm(8) * (this.valuePx / this.geo.pt(SIZE_PT.value)),
      ...layouts.map((lines) => lines.length * this.lineHeight + 2 * this.padY),
    );
    cells.forEach((cell, index) => {
      const x = this.left + index * (width + gap);
      this.box(x, boxTop, width, height);
      const lines = layouts[index] as Piece[][];
      const top = boxTop + (height - lines.length * this.lineHeight) / 2;
      this.emitLines(lines, x + this.padX, top, this.valuePx, this.lineHeight, cell);
    });
    this.nextBand();
    return boxTop + height + this.geo.mm(2.5);
  }

  protected override blockRow(cell: Cell, minLines: number, extra: number, y: number): number {
    const boxTop = this.labels([cell], 0, y);
    const width = this.right - this.left;
    const lines = this.valueLines(cell, width - 2 * this.padX, this.valuePx);
    const height = Math.max(minLines, lines.length) * this.lineHeight + 2 * this.padY + extra;
    this.box(this.left, boxTop, width, height);
    this.emitLines(
      lines,
      this.left + this.padX,
      boxTop + this.padY,
      this.valuePx,
      this.lineHeight,
      cell,
    );
    if (this.spec.style.writingLines) {
      this.writingLines(this.left + this.padX, boxTop, width - 2 * this.padX, height);
    }
    this.nextBand();
    return boxTop + height + this.geo.mm(2.5);
  }

  /** The labels of one row of boxes, `pitch` apart; returns the top of the boxes. */
  private labels(cells: Cell[], pitch: number, y: number): number {
    const px = this.smallPx;
    const baseline = y + px * EM_ASCENT;
    cells.forEach((cell, index) => {
      this.text(
        cell.label,
        this.left + index * pitch + this.geo.mm(0.5),
        baseline,
        this.fonts.template,
        px,
      );
    });
    this.nextBand();
    return y + px + this.geo.mm(1);
  }

  private box(x: number, top: number, width: number, height: number) {
    this.hRule(x, top, width);
    this.hRule(x, top + height, width);
    this.vRule(x, top, height);
    this.vRule(x + width, top, height);
  }
}
