/**
 * Real input files for the split tests, made on the fly: scanned-looking pages, PDFs built the
 * way scanners and office software build them, and deliberately broken files.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import { PDFDocument as CanvasPdfDocument, GlobalFonts } from "@napi-rs/canvas";
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
} from "pdf-lib";
import sharp from "sharp";

/** A4 in PDF points. */
export const A4 = { width: 595, height: 842 } as const;

export interface TempDir {
  path(name: string): string;
  write(name: string, data: Uint8Array | string): Promise<string>;
  remove(): Promise<void>;
}

export async function makeTempDir(): Promise<TempDir> {
  const root = await mkdtemp(join(tmpdir(), "kamiroku-split-"));
  return {
    path: (name) => join(root, name),
    async write(name, data) {
      const path = join(root, name);
      await writeFile(path, data);
      return path;
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/**
 * Grey pixels that look like a scanned form: white paper, faint noise, and dark "lines of
 * text" whose placement depends on `seed`, so every page differs.
 */
export function scanPixels(width: number, height: number, seed: number): Buffer {
  const pixels = Buffer.alloc(width * height);
  let random = seed * 7919 + 1;
  for (let i = 0; i < pixels.length; i++) {
    random = (random * 1103515245 + 12345) & 0x7fffffff;
    pixels[i] = 235 + (random % 20);
  }
  const lineHeight = Math.max(2, Math.round(height / 40));
  for (let line = 0; line < 12; line++) {
    const top = Math.round(height * 0.1) + line * lineHeight * 2;
    const length = Math.round(width * (0.4 + ((seed + line) % 5) * 0.1));
    for (let y = top; y < top + lineHeight && y < height; y++) {
      pixels.fill(20, y * width + Math.round(width * 0.1), y * width + length);
    }
  }
  return pixels;
}

export function scanJpeg(width: number, height: number, seed: number): Promise<Buffer> {
  return sharp(scanPixels(width, height, seed), { raw: { width, height, channels: 1 } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** A PDF as a scanner writes it: each page one JPEG drawn over the whole A4 page. */
export async function scannedJpegPdf(jpegs: Buffer[]): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (const jpeg of jpegs) {
    const image = await document.embedJpg(jpeg);
    document.addPage([A4.width, A4.height]).drawImage(image, { x: 0, y: 0, ...A4 });
  }
  return document.save();
}

export interface FlateImage {
  width: number;
  height: number;
  /** The stream's data, already Flate-compressed. */
  compressed: Buffer;
  colorSpace?: "DeviceGray" | "DeviceRGB";
  bitsPerComponent?: 1 | 8;
  decodeParms?: Record<string, number>;
}

/** Flate-compressed 8-bit grey, the way many scanners store lossless pages. */
export function flateGrey(width: number, height: number, pixels: Buffer): FlateImage {
  return { width, height, compressed: deflateSync(pixels) };
}

/**
 * A PDF whose pages each draw one Flate image XObject over the whole page, built by hand
 * because pdf-lib's own embedPng always converts to RGB.
 */
export async function flateImagePdf(images: FlateImage[]): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (const image of images) {
    const stream = document.context.stream(image.compressed, {
      Type: "XObject",
      Subtype: "Image",
      Width: image.width,
      Height: image.height,
      ColorSpace: image.colorSpace ?? "DeviceGray",
      BitsPerComponent: image.bitsPerComponent ?? 8,
      Filter: "FlateDecode",
      ...(image.decodeParms ? { DecodeParms: image.decodeParms } : {}),
    });
    const page = document.addPage([A4.width, A4.height]);
    const name = page.node.newXObject("Scan", document.context.register(stream));
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(A4.width, 0, 0, A4.height, 0, 0),
      drawObject(name),
      popGraphicsState(),
    );
  }
  return document.save();
}

/** PNG "Up" filter on every row: the form PDF writers use with /Predictor 12. */
export function pngUpFiltered(pixels: Buffer, rowBytes: number): Buffer {
  const rows = pixels.length / rowBytes;
  const out = Buffer.alloc(rows * (rowBytes + 1));
  for (let y = 0; y < rows; y++) {
    out[y * (rowBytes + 1)] = 2;
    for (let x = 0; x < rowBytes; x++) {
      const up = y > 0 ? (pixels[(y - 1) * rowBytes + x] as number) : 0;
      out[y * (rowBytes + 1) + 1 + x] = ((pixels[y * rowBytes + x] as number) - up) & 0xff;
    }
  }
  return out;
}

export const JAPANESE_FONT = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";

/**
 * A born-digital Japanese page (as from Word): vector text in an embedded, subset TrueType CJK
 * font (Type0 / CIDFontType2, Identity-H), written by Skia's PDF backend.
 * Returns where the text was drawn, in points from the top-left corner.
 */
export function japaneseTextPdf(text: string): {
  pdf: Buffer;
  box: { left: number; top: number; right: number; bottom: number };
  draw: (context: CanvasDrawing) => void;
} {
  if (!existsSync(JAPANESE_FONT)) {
    throw new Error(
      `Japanese test font missing (${JAPANESE_FONT}): run \`apt-get install fonts-ipaexfont-gothic\``,
    );
  }
  GlobalFonts.registerFromPath(JAPANESE_FONT, "KamirokuTestGothic");
  const size = 48;
  const draw = (context: CanvasDrawing) => {
    context.fillStyle = "#000";
    context.font = `${size}px KamirokuTestGothic`;
    context.fillText(text, 72, 150);
  };
  const document = new CanvasPdfDocument({ title: "test" });
  draw(document.beginPage(A4.width, A4.height));
  document.endPage();
  const box = { left: 72, top: 150 - size, right: 72 + size * text.length, bottom: 150 + size / 4 };
  return { pdf: document.close(), box, draw };
}

export interface CanvasDrawing {
  fillStyle: unknown;
  font: string;
  fillText(text: string, x: number, y: number): void;
}

/**
 * A PNG of the given size with no pixel data: signature, IHDR, an empty IDAT (the PNG reader
 * wants to reach the first IDAT before it reports the header) and IEND. A few dozen bytes
 * that claim to be e.g. 30000×30000, so refusing it must not need decoding.
 */
export function headerOnlyPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", Buffer.alloc(0)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * Damages one page of a little-endian TIFF the way a broken copy does: its directory is
 * intact, so the header still reads, but its image strips point past the end of the file.
 */
export function pointStripsPastEnd(tiff: Buffer, pageIndex: number): Buffer {
  const damaged = Buffer.from(tiff);
  let directory = damaged.readUInt32LE(4);
  for (let page = 0; page < pageIndex; page++) {
    directory = damaged.readUInt32LE(directory + 2 + damaged.readUInt16LE(directory) * 12);
  }
  const entries = damaged.readUInt16LE(directory);
  for (let i = 0; i < entries; i++) {
    const entry = directory + 2 + i * 12;
    if (damaged.readUInt16LE(entry) !== 273) continue; // StripOffsets, LONG values
    const count = damaged.readUInt32LE(entry + 4);
    const values = count === 1 ? entry + 8 : damaged.readUInt32LE(entry + 8);
    for (let strip = 0; strip < count; strip++) {
      damaged.writeUInt32LE(damaged.length + 4096, values + strip * 4);
    }
    return damaged;
  }
  throw new Error("no StripOffsets in that TIFF directory");
}

/** Encrypts with a user password, as a clerk's "protect with password" does. */
export function encryptWithQpdf(input: string, output: string): void {
  try {
    execFileSync("qpdf", ["--version"], { stdio: "ignore" });
  } catch {
    throw new Error("qpdf is needed to make the encrypted test PDF: run `apt-get install qpdf`");
  }
  execFileSync("qpdf", ["--encrypt", "user", "owner", "256", "--", input, output]);
}

export async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(page);
  return all;
}
