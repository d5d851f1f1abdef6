/**
 * An unruled sheet typed in a word processor: lines such as 氏名：山田 花子, two to a line where
 * both are short, check boxes inline after the label, and long text as an indented paragraph
 * under its own 主訴： line.
 */
import { type Cell, EM_ASCENT, LINE_SPACING, PageComposer } from "./page-composer.ts";

const COLON = "：";

export class LabelColonComposer extends PageComposer {
  /** Lines of short values are spaced wider than running text, as such sheets are. */
  private get lineHeight(): number {
    return this.valuePx * 1.9;
  }

  /** Labels are padded to one column so that the values line up, when the label allows. */
  private get labelColumn(): number {
    return this.geo.mm(this.spec.style.labelWidthMm * 0.8);
  }

  protected override cellsRow(cells: Cell[], y: number): number {
    const gap = this.geo.mm(6);
    const half = (this.right - this.left - gap) / 2;
    const sideBySide =
      cells.length === 2 &&
      cells.every((cell) => {
        const valueX = this.valueStart(cell, 0);
        return this.valueLines(cell, half - valueX, this.valuePx).length === 1;
      });
    if (!sideBySide) {
      return cells.reduce((top, cell) => {
        const bottom = this.labelledLines(cell, this.left, this.right - this.left, top);
        this.nextBand();
        return bottom;
      }, y);
    }
    const bottoms = cells.map((cell, index) =>
      this.labelledLines(cell, this.left + index * (half + gap), half, y),
    );
    this.nextBand();
    return Math.max(...bottoms);
  }

  /** Offset of the value from the label's left edge. */
  private valueStart(cell: Cell, x: number): number {
    const natural = this.measure(`${cell.label}${COLON}`, this.fonts.template, this.labelPx);
    return x + (natural <= this.labelColumn ? this.labelColumn : natural + this.geo.mm(1));
  }

  /** `label：` and the value's lines after it; returns the bottom of the last line. */
  private labelledLines(cell: Cell, x: number, width: number, y: number): number {
    const valueX = this.valueStart(cell, x);
    this.colonLabel(cell.label, x, valueX - x, this.baseline(y));
    const lines = this.valueLines(cell, x + width - valueX, this.valuePx);
    this.emitLines(lines, valueX, y, this.valuePx, this.lineHeight, cell);
    return y + lines.length * this.lineHeight;
  }

  private baseline(top: number): number {
    return top + (this.lineHeight - this.valuePx) / 2 + this.valuePx * EM_ASCENT;
  }

  /** The label, spread over its column on 均等割付 sheets, with the colon closing the column. */
  private colonLabel(label: string, x: number, column: number, baseline: number) {
    const family = this.fonts.template;
    const px = this.labelPx;
    const colonWidth = this.measure(COLON, family, px);
    const length = [...label].length;
    if (this.spec.style.labelAlign === "distribute" && length >= 2 && length <= 4) {
      const span = Math.min(column - colonWidth - this.geo.mm(1), px * 4.5);
      const charX = [...this.spread(label, x, span, family, px), x + span];
      this.text(`${label}${COLON}`, x, baseline, family, px, { charX });
      return;
    }
    this.text(`${label}${COLON}`, x, baseline, family, px);
  }

  protected override blockRow(cell: Cell, minLines: number, extra: number, y: number): number {
    this.colonLabel(cell.label, this.left, this.labelColumn, this.baseline(y));
    this.nextBand();
    const indent = this.valuePx;
    const lineHeight = this.valuePx * LINE_SPACING;
    const top = y + this.lineHeight;
    const lines = this.valueLines(cell, this.right - this.left - indent, this.valuePx);
    this.emitLines(lines, this.left + indent, top, this.valuePx, lineHeight, cell);
    this.nextBand();
    return top + Math.max(minLines, lines.length) * lineHeight + extra + this.valuePx * 0.6;
  }
}
