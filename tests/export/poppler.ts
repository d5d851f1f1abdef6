import { execFileSync } from "node:child_process";

/** What `pdftotext` (Debian poppler-utils) reads out of a PDF: what a search in it finds. */
export function pdfText(pdf: Uint8Array): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: pdf, encoding: "utf8" });
}

/** `pdftotext -bbox`: each word's box in points, top-left origin. */
export function pdfWordBoxes(
  pdf: Uint8Array,
): { text: string; box: [number, number, number, number] }[] {
  const html = execFileSync("pdftotext", ["-bbox", "-enc", "UTF-8", "-", "-"], {
    input: pdf,
    encoding: "utf8",
  });
  return [
    ...html.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g),
  ].map(([, x0, y0, x1, y1, text]) => ({
    text: text ?? "",
    box: [Number(x0), Number(y0), Number(x1), Number(y1)],
  }));
}

/** `pdfinfo`'s page count and the first page's size in points. */
export function pdfPages(pdf: Uint8Array): { count: number; width: number; height: number } {
  const info = execFileSync("pdfinfo", ["-"], { input: pdf, encoding: "utf8" });
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
  return {
    count: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
    width: Number(size?.[1]),
    height: Number(size?.[2]),
  };
}

/** A page rendered in grey at `dpi`, as PNG: what a reader shows. */
export function renderPdfPage(pdf: Uint8Array, page: number, dpi: number): Buffer {
  return execFileSync(
    "pdftoppm",
    ["-png", "-gray", "-r", String(dpi), "-f", String(page), "-l", String(page), "-"],
    { input: pdf, maxBuffer: 64 * 1024 * 1024 },
  );
}

/** `pdfimages -list`: how each page image is encoded ("image" is Flate, "jpeg" is DCT). */
export function pdfImageEncodings(pdf: Uint8Array): string[] {
  const list = execFileSync("pdfimages", ["-list", "-"], { input: pdf, encoding: "utf8" });
  return list
    .split("\n")
    .slice(2)
    .filter((line) => line.trim() !== "")
    .map((line) => line.trim().split(/\s+/)[8] ?? "");
}
