import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  type PDFPage,
  PDFRawStream,
} from "pdf-lib";
import { contentOperations, type Operand } from "./pdf-content-operations.ts";
import { pageImageXObjects } from "./pdf-image-xobjects.ts";

type Matrix = readonly [number, number, number, number, number, number];
/** [left, bottom, right, top] in default user space. */
type Box = readonly [number, number, number, number];

interface GraphicsState {
  ctm: Matrix;
  textRenderMode: number;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const INVISIBLE_TEXT = 3;

/**
 * Operators that change nothing on the page by themselves: text positioning and state,
 * colours, line style, marked content. Painting operators are deliberately absent.
 */
const NON_PAINTING = new Set(
  (
    "BT ET Tf Td TD Tm T* Tc Tw Tz TL Ts g G rg RG k K cs CS sc SC scn SCN " +
    "w J j M d ri i BMC BDC EMC MP DP BX EX"
  ).split(" "),
);

/**
 * Returns the image XObject when a page shows nothing but that one image stretched over the
 * whole page, so the image alone is what the page looks like; otherwise null, and the page is
 * rendered. Invisible text (an earlier OCR layer) is allowed; anything visible besides the
 * image is not. This is about more than fidelity: a black box drawn over a scan to hide
 * personal data must never be lifted off by taking the image from underneath it.
 */
export function findPageScan(page: PDFPage): PDFRawStream | null {
  try {
    if (page.getRotation().angle % 360 !== 0 || hasVisibleAnnotations(page)) return null;
    const content = pageContent(page);
    return content && soleFullPageImage(page, content);
  } catch {
    // pdf-lib throws on objects of an unexpected type; an odd structure means "render it".
    return null;
  }
}

function soleFullPageImage(page: PDFPage, content: Uint8Array): PDFRawStream | null {
  const images = pageImageXObjects(page);
  const box = pageBox(page);
  const saved: GraphicsState[] = [];
  let state: GraphicsState = { ctm: IDENTITY, textRenderMode: 0 };
  let scan: PDFRawStream | null = null;
  for (const { operator, operands } of contentOperations(content)) {
    switch (operator) {
      case "q":
        saved.push(state);
        break;
      case "Q":
        state = saved.pop() ?? state;
        break;
      case "cm": {
        const [a, b, c, d, e, f] = numbers(operands, 6) ?? [];
        if (f === undefined) return null;
        state = { ...state, ctm: multiply([a, b, c, d, e, f] as Matrix, state.ctm) };
        break;
      }
      case "Tr": {
        const mode = numbers(operands, 1)?.[0];
        if (mode === undefined) return null;
        state = { ...state, textRenderMode: mode };
        break;
      }
      case "Tj":
      case "TJ":
      case "'":
      case '"':
        if (state.textRenderMode !== INVISIBLE_TEXT) return null;
        break;
      case "gs":
        if (!isPlainGraphicsState(page, operands[0])) return null;
        break;
      case "Do": {
        const name = operands[0];
        const image = name?.kind === "name" ? images.get(name.value) : undefined;
        if (scan || !image || !coversBox(state.ctm, box)) return null;
        scan = image;
        break;
      }
      default:
        if (!NON_PAINTING.has(operator)) return null;
    }
  }
  return scan;
}

function hasVisibleAnnotations(page: PDFPage): boolean {
  const annotations = page.node.Annots();
  if (!annotations) return false;
  for (let i = 0; i < annotations.size(); i++) {
    const subtype = annotations.lookupMaybe(i, PDFDict)?.lookup(PDFName.of("Subtype"));
    // Links and pop-up notes leave no mark on the printed page; everything else may.
    if (subtype !== PDFName.of("Link") && subtype !== PDFName.of("Popup")) return true;
  }
  return false;
}

function pageContent(page: PDFPage): Uint8Array | null {
  const contents = page.node.Contents();
  if (!contents) return null;
  const streams = contents instanceof PDFArray ? contents.asArray() : [contents];
  const parts: Uint8Array[] = [];
  for (const ref of streams) {
    const stream = page.doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) return null;
    // Content may be split between streams only at token boundaries; a newline keeps them apart.
    parts.push(decodePDFRawStream(stream).decode(), Buffer.from("\n"));
  }
  return Buffer.concat(parts);
}

/** The visible area: CropBox, else MediaBox. */
function pageBox(page: PDFPage): Box {
  const { x, y, width, height } = page.getCropBox();
  return [
    Math.min(x, x + width),
    Math.min(y, y + height),
    Math.max(x, x + width),
    Math.max(y, y + height),
  ];
}

/**
 * An image is drawn into the unit square under the current matrix. It stands for the page
 * when that square lands upright (no rotation, no mirroring) on the page box, give or take
 * 1% for the rounding scanners do.
 */
function coversBox(ctm: Matrix, [left, bottom, right, top]: Box): boolean {
  const [a, b, c, d, e, f] = ctm;
  if (a <= 0 || d <= 0 || Math.abs(b) > a * 1e-3 || Math.abs(c) > d * 1e-3) return false;
  const toleranceX = Math.max(1, (right - left) * 0.01);
  const toleranceY = Math.max(1, (top - bottom) * 0.01);
  return (
    Math.abs(e - left) <= toleranceX &&
    Math.abs(e + a - right) <= toleranceX &&
    Math.abs(f - bottom) <= toleranceY &&
    Math.abs(f + d - top) <= toleranceY
  );
}

/**
 * Graphics-state dictionaries often just restate defaults; those are harmless. Transparency,
 * blending, soft masks or transfer functions change how the image looks, so they disqualify.
 */
function isPlainGraphicsState(page: PDFPage, name: Operand | undefined): boolean {
  if (name?.kind !== "name") return false;
  const states = page.node.Resources()?.lookup(PDFName.of("ExtGState"));
  const state = states instanceof PDFDict ? states.lookup(PDFName.of(name.value)) : undefined;
  if (!(state instanceof PDFDict)) return false;
  for (const [key, value] of state.entries()) {
    const resolved = page.doc.context.lookup(value);
    switch (key.decodeText()) {
      case "CA":
      case "ca":
        if (!(resolved instanceof PDFNumber) || resolved.asNumber() !== 1) return false;
        break;
      case "BM":
        if (resolved !== PDFName.of("Normal") && resolved !== PDFName.of("Compatible"))
          return false;
        break;
      case "SMask":
        if (resolved !== PDFName.of("None")) return false;
        break;
      case "TR":
      case "TR2":
        if (resolved !== PDFName.of("Identity") && resolved !== PDFName.of("Default")) return false;
        break;
    }
  }
  return true;
}

function numbers(operands: Operand[], count: number): number[] | null {
  if (operands.length !== count) return null;
  const values: number[] = [];
  for (const operand of operands) {
    if (operand.kind !== "number") return null;
    values.push(operand.value);
  }
  return values;
}

/** m × n in PDF's row-vector convention: `cm` prepends its matrix to the current one. */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}
