/**
 * A small page drawn for real (with the generator's check boxes and pen circles) together with
 * OCR words at the drawn positions, so that marks are read from ink the way they are on scans.
 */
import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import type { PageEvidence } from "../../workers/extract/page-evidence.ts";
import type { BBox, OcrLine, OcrWord } from "../../workers/ocr/ocr-result.ts";
import { cssFont, formFonts, handFont } from "../generator/fonts.ts";
import { type BoxState, drawCheckBox, drawHandCircle } from "../generator/hand-marks.ts";
import { createRandom } from "../generator/random.ts";
import { drawEachCharacter, type Hand } from "./drawn-value.ts";

export const FONT_PX = 30;
/** What OCR typically reads a box as: the marks themselves are never trusted. */
const OCR_BOX_TEXT: Record<BoxState, string> = { empty: "口", check: "図", fill: "墨" };

export type Mark = BoxState | "circle" | "none";

export class InkPage {
  readonly width = 1654;
  readonly height = 700;
  readonly #canvas = createCanvas(this.width, this.height);
  readonly #ctx: SKRSContext2D = this.#canvas.getContext("2d");
  readonly #family: string;
  readonly #penWidth: number;
  readonly #lines: OcrLine[] = [];
  readonly #random = createRandom(7);

  /** Values in the Gothic face and loops drawn with a 2 px pen, unless told otherwise. */
  constructor(options: { face?: "gothic" | "mincho"; penWidth?: number } = {}) {
    this.#family = formFonts(options.face ?? "gothic").filledIn;
    this.#penWidth = options.penWidth ?? 2;
    this.#ctx.fillStyle = "#ffffff";
    this.#ctx.fillRect(0, 0, this.width, this.height);
  }

  /**
   * Text drawn at (x, baseline); its OCR word has the ink box of the drawn text, and reads
   * `read` when OCR is to get it wrong.
   */
  text(text: string, x: number, baseline: number, read = text): OcrWord {
    const ctx = this.#ctx;
    ctx.font = cssFont(this.#family, FONT_PX);
    ctx.fillStyle = "#111111";
    ctx.fillText(text, x, baseline);
    const m = ctx.measureText(text);
    const bbox: BBox = [
      Math.round(x - m.actualBoundingBoxLeft),
      Math.round(baseline - m.actualBoundingBoxAscent),
      Math.round(m.actualBoundingBoxLeft + m.actualBoundingBoxRight),
      Math.round(m.actualBoundingBoxAscent + m.actualBoundingBoxDescent),
    ];
    return { text: read, confidence: read === text ? 0.95 : 0.3, bbox };
  }

  /**
   * Text written character by character, each set off the line by the hand's offset (share of
   * the em, down), turn (radians) and size; its OCR word is read right, `confidence` sure.
   */
  handText(text: string, x: number, baseline: number, hand: Hand, confidence: number): OcrWord {
    const ctx = this.#ctx;
    ctx.font = cssFont(handFont("seto"), FONT_PX);
    ctx.fillStyle = "#1d2033";
    const last = drawEachCharacter(ctx, text, x, baseline, FONT_PX, hand).at(-1);
    const end = last ? last.x + last.width : x;
    const top = Math.round(baseline - FONT_PX * 1.05);
    return {
      text,
      confidence,
      bbox: [x, top, Math.round(end - x), Math.round(FONT_PX * 1.25)],
    };
  }

  /**
   * Options after a label (none on a line the options wrapped onto), each marked as given and
   * read by OCR as its third element, if given.
   */
  options(label: string | null, options: [string, Mark, string?][], baseline: number): void {
    const words = label ? [this.text(label, 100, baseline)] : [];
    let cursor = 350;
    for (const [option, mark, read] of options) {
      if (mark !== "circle" && mark !== "none") {
        const size = FONT_PX * 0.8;
        const top = baseline - FONT_PX * 0.38 - size / 2;
        drawCheckBox(this.#ctx, cursor, top, size, mark);
        words.push({ text: OCR_BOX_TEXT[mark], confidence: 0.5, bbox: [cursor, top, size, size] });
        cursor += size + FONT_PX * 0.3;
      }
      const word = this.text(option, cursor, baseline, read);
      if (mark === "circle") this.circle(word);
      words.push(word);
      cursor += word.bbox[2] + FONT_PX * 1.6;
    }
    this.line(words);
  }

  /**
   * A date on an older form: a printed row of eras, one circled by hand, and the numbers
   * written after it (大正・昭和・平成　62年11月3日).
   */
  eraDate(label: string, eras: string[], circled: string, rest: string, baseline: number): void {
    const ctx = this.#ctx;
    ctx.font = cssFont(this.#family, FONT_PX);
    const words = [this.text(label, 100, baseline)];
    let cursor = 350;
    eras.forEach((era, index) => {
      const word = this.text(era, cursor, baseline);
      if (era === circled) this.circle(word);
      words.push(word);
      cursor += ctx.measureText(era).width;
      if (index < eras.length - 1) {
        words.push(this.text("・", cursor, baseline));
        cursor += ctx.measureText("・").width;
      }
    });
    words.push(this.text(rest, cursor + FONT_PX, baseline));
    this.line(words);
  }

  /** A pen loop around a word, as a clerk circles an option. */
  circle(word: OcrWord): void {
    const [x, y, w, h] = word.bbox;
    drawHandCircle(this.#ctx, { x, y, width: w, height: h }, this.#penWidth, this.#random);
  }

  /**
   * A cell's rule, two pixels thick, the lower one ragged as scanned rules are: a fifth of its
   * pixels are missing, too many for it to count as ruled.
   */
  raggedRule(x: number, y: number, width: number): void {
    this.#ctx.fillStyle = "#111111";
    this.#ctx.fillRect(x, y, width, 1);
    for (let at = x; at < x + width; at++) if (at % 5 !== 0) this.#ctx.fillRect(at, y + 1, 1, 1);
  }

  /** A speck of dirt on the scan, two pixels square. */
  speck(x: number, y: number): void {
    this.#ctx.fillStyle = "#111111";
    this.#ctx.fillRect(x, y, 2, 2);
  }

  /** Adds one OCR line of words (without drawing anything more). */
  line(words: OcrWord[]): void {
    const x0 = Math.min(...words.map((w) => w.bbox[0]));
    const y0 = Math.min(...words.map((w) => w.bbox[1]));
    const x1 = Math.max(...words.map((w) => w.bbox[0] + w.bbox[2]));
    const y1 = Math.max(...words.map((w) => w.bbox[1] + w.bbox[3]));
    this.#lines.push({
      text: words.map((w) => w.text).join(" "),
      confidence: 0.9,
      bbox: [x0, y0, x1 - x0, y1 - y0],
      words,
    });
  }

  /** A title line for the form, as OCR lines only: titles are not read from ink. */
  title(text: string): void {
    this.#lines.push({
      text,
      confidence: 0.96,
      bbox: [650, 20, 46 * text.length, 46],
      words: [{ text, confidence: 0.96, bbox: [650, 20, 46 * text.length, 46] }],
    });
  }

  evidence(options: { withInk: boolean } = { withInk: true }): PageEvidence {
    const rgba = this.#ctx.getImageData(0, 0, this.width, this.height).data;
    const pixels = new Uint8Array(this.width * this.height);
    for (let i = 0; i < pixels.length; i++) {
      pixels[i] = Math.round(
        0.299 * (rgba[4 * i] ?? 255) +
          0.587 * (rgba[4 * i + 1] ?? 255) +
          0.114 * (rgba[4 * i + 2] ?? 255),
      );
    }
    return {
      pageNumber: 1,
      width: this.width,
      height: this.height,
      blank: false,
      lines: this.#lines,
      cells: [],
      ink: options.withInk
        ? { pixels, width: this.width, height: this.height, inkLevel: 128 }
        : null,
    };
  }
}
