/**
 * A4 test pages drawn with @napi-rs/canvas where every ruled line and every value is placed in
 * millimetres, so the cells and text boxes preparePage should find are known exactly.
 */
import { existsSync } from "node:fs";
import { createCanvas, GlobalFonts, type SKRSContext2D } from "@napi-rs/canvas";
import type { BBox } from "../../workers/ocr/ocr-result.ts";

const FONT_PATH = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
const FONT = "Noto Sans CJK JP";
const A4 = { width: 210, height: 297 };

export interface TestPage {
  png: Buffer;
  width: number;
  height: number;
  dpi: number;
  /** Inner areas of the drawn cells, in reading order. */
  cells: BBox[];
  /** Ink boxes of the values written in the cells. */
  values: BBox[];
  /** The drawn ruled lines as [x, y, w, h] rectangles. */
  lines: BBox[];
}

let registered = false;

function page(dpi: number, paint: (draw: Drawing) => void): TestPage {
  if (!registered) {
    if (!existsSync(FONT_PATH) || !GlobalFonts.registerFromPath(FONT_PATH, FONT)) {
      throw new Error(`${FONT_PATH} is missing: apt-get install fonts-noto-cjk`);
    }
    registered = true;
  }
  const mm = (value: number) => (value * dpi) / 25.4;
  const width = Math.round(mm(A4.width));
  const height = Math.round(mm(A4.height));
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, width, height);
  const drawing = new Drawing(ctx, mm);
  paint(drawing);
  return {
    png: canvas.toBuffer("image/png"),
    width,
    height,
    dpi,
    cells: drawing.cells,
    values: drawing.values,
    lines: drawing.lines,
  };
}

class Drawing {
  readonly cells: BBox[] = [];
  readonly values: BBox[] = [];
  readonly lines: BBox[] = [];

  constructor(
    readonly ctx: SKRSContext2D,
    readonly mm: (value: number) => number,
  ) {}

  /** Text with its left edge at x mm and baseline at y mm; returns its ink box in pixels. */
  text(text: string, xMm: number, baselineMm: number, pt: number, colour = "#1a1a1a"): BBox {
    const { ctx, mm } = this;
    ctx.font = `${(pt * mm(25.4)) / 72}px "${FONT}"`;
    ctx.fillStyle = colour;
    ctx.fillText(text, mm(xMm), mm(baselineMm));
    const m = ctx.measureText(text);
    const x = Math.floor(mm(xMm) - m.actualBoundingBoxLeft);
    const y = Math.floor(mm(baselineMm) - m.actualBoundingBoxAscent);
    return [
      x,
      y,
      Math.ceil(mm(xMm) + m.actualBoundingBoxRight) - x,
      Math.ceil(mm(baselineMm) + m.actualBoundingBoxDescent) - y,
    ];
  }

  centredText(text: string, baselineMm: number, pt: number): void {
    const { ctx, mm } = this;
    ctx.font = `${(pt * mm(25.4)) / 72}px "${FONT}"`;
    const widthMm = (ctx.measureText(text).width * 25.4) / mm(25.4);
    this.text(text, (A4.width - widthMm) / 2, baselineMm, pt);
  }

  /** A ruled line between two points in mm, centred on them, `weightMm` thick. */
  rule(x1: number, y1: number, x2: number, y2: number, weightMm: number): void {
    const { ctx, mm } = this;
    const half = weightMm / 2;
    const box: BBox =
      y1 === y2
        ? [mm(x1 - half), mm(y1 - half), mm(x2 - x1 + weightMm), mm(weightMm)]
        : [mm(x1 - half), mm(y1 - half), mm(weightMm), mm(y2 - y1 + weightMm)];
    const [x, y, w, h] = box.map(Math.round) as BBox;
    ctx.fillStyle = "#202020";
    ctx.fillRect(x, y, w, h);
    this.lines.push([x, y, w, h]);
  }
}

interface Cell {
  /** Edges in mm. */
  left: number;
  top: number;
  right: number;
  bottom: number;
  label?: string;
  value?: string[];
}

const THIN_MM = 0.25;
const BORDER_MM = 0.5;

/**
 * The intake form: a title over a grid with two label/value pairs per row, a label cell
 * spanning two rows, a heading across the page over a long-text cell, and a last pair row.
 */
export function ruledForm(dpi: number): TestPage {
  return page(dpi, (draw) => {
    draw.centredText("相談受付票", 22, 18);
    const [l, m1, m2, m3, r] = [20, 50, 105, 135, 190];
    const cells: Cell[] = [
      { left: l, top: 30, right: m1, bottom: 40, label: "氏名" },
      { left: m1, top: 30, right: m2, bottom: 40, value: ["山田 花子"] },
      { left: m2, top: 30, right: m3, bottom: 40, label: "性別" },
      { left: m3, top: 30, right: r, bottom: 40, value: ["女性"] },
      { left: l, top: 40, right: m1, bottom: 50, label: "生年月日" },
      { left: m1, top: 40, right: m2, bottom: 50, value: ["昭和62年11月3日"] },
      { left: m2, top: 40, right: m3, bottom: 50, label: "年齢" },
      { left: m3, top: 40, right: r, bottom: 50, value: ["35歳"] },
      { left: l, top: 50, right: m1, bottom: 70, label: "連絡先" },
      { left: m1, top: 50, right: r, bottom: 60, value: ["電話 043-123-4567"] },
      { left: m1, top: 60, right: r, bottom: 70, value: ["千葉県千葉市中央区市場町1-1"] },
      { left: l, top: 70, right: r, bottom: 78, label: "相談内容" },
      {
        left: l,
        top: 78,
        right: r,
        bottom: 118,
        value: [
          "昨年末に勤務先の店舗が閉鎖され、収入が大きく減った。",
          "三か月分の家賃を滞納しており、退去を求められている。",
          "子どもの給食費の支払いも遅れがちである。",
        ],
      },
      { left: l, top: 118, right: m1, bottom: 128, label: "担当者" },
      { left: m1, top: 118, right: m2, bottom: 128, value: ["鈴木 美香"] },
      { left: m2, top: 118, right: m3, bottom: 128, label: "受付日" },
      { left: m3, top: 118, right: r, bottom: 128, value: ["令和5年4月1日"] },
    ];
    const weight = (x: number, y: number) =>
      x === l || x === r || y === 30 || y === 128 ? BORDER_MM : THIN_MM;
    const edges = new Set<string>();
    for (const cell of cells) {
      // Each edge once, so shared edges are not drawn twice.
      for (const [x1, y1, x2, y2] of [
        [cell.left, cell.top, cell.right, cell.top],
        [cell.left, cell.bottom, cell.right, cell.bottom],
        [cell.left, cell.top, cell.left, cell.bottom],
        [cell.right, cell.top, cell.right, cell.bottom],
      ] as const) {
        const key = `${x1},${y1},${x2},${y2}`;
        if (edges.has(key)) continue;
        edges.add(key);
        draw.rule(x1, y1, x2, y2, weight(x1 === x2 ? x1 : -1, y1 === y2 ? y1 : -1));
      }
      const inset = (edge: number, vertical: boolean) =>
        vertical ? weight(edge, -1) / 2 : weight(-1, edge) / 2;
      const x0 = draw.mm(cell.left + inset(cell.left, true));
      const y0 = draw.mm(cell.top + inset(cell.top, false));
      const x1 = draw.mm(cell.right - inset(cell.right, true));
      const y1 = draw.mm(cell.bottom - inset(cell.bottom, false));
      draw.cells.push([x0, y0, x1 - x0, y1 - y0]);
      if (cell.label) draw.text(cell.label, cell.left + 2, cell.top + 6.5, 10.5);
      cell.value?.forEach((line, index) => {
        draw.values.push(draw.text(line, cell.left + 2, cell.top + 6.5 + index * 7, 11));
      });
    }
  });
}

/** A page of running text without any rules: a heading and paragraphs at 11 pt. */
export function textPage(dpi: number): TestPage {
  const paragraph = [
    "本人は昨年末に勤務先が閉鎖されてから、短時間のパート勤務で生計を立てている。",
    "家賃の支払いが難しくなり、三か月分を滞納している。大家からは退去を求められて",
    "いるが、子どもの転校を避けたいため、同じ学区内での住まいを希望している。",
    "住居確保給付金の制度について説明し、申請に必要な書類を案内した。",
    "あわせて就労支援員との面談を設定し、来週の火曜日に来所することとなった。",
  ];
  return page(dpi, (draw) => {
    draw.centredText("支援経過記録", 25, 16);
    paragraph.forEach((line, index) => {
      draw.values.push(draw.text(line, 22, 45 + index * 7, 11));
    });
    paragraph.forEach((line, index) => {
      draw.values.push(draw.text(line, 22, 95 + index * 7, 11));
    });
  });
}

/** Only a title, as on a cover sheet. */
export function titleOnlyPage(dpi: number): TestPage {
  return page(dpi, (draw) => draw.centredText("支援会議記録", 30, 18));
}

/**
 * The back of a sheet: nothing printed, but the other side's text showing through faintly
 * (mirrored, light grey).
 */
export function showThroughPage(dpi: number): TestPage {
  return page(dpi, (draw) => {
    const { ctx, mm } = draw;
    ctx.save();
    ctx.translate(mm(A4.width), 0);
    ctx.scale(-1, 1);
    for (let line = 0; line < 20; line++) {
      draw.text(
        "相談内容　昨年末に勤務先の店舗が閉鎖され、収入が大きく減った。",
        22,
        40 + line * 8,
        11,
        "#dedede",
      );
    }
    ctx.restore();
  });
}
