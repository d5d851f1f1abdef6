/**
 * Makes a clean render look like it went through an office scanner: paper tone, sensor noise
 * and dust, a page fed slightly askew or the wrong way round, optical softness and JPEG
 * compression. The defaults are those of a decent office machine; benchmarks turn them up.
 */
import sharp from "sharp";
import type { BBox, FormTruth } from "./form-truth.ts";
import { createRandom } from "./random.ts";

export interface ScanEffects {
  seed: number;
  /** 0 is white paper, 1 old yellowed paper. */
  paperTone?: number;
  /** Standard deviation of the sensor noise, in grey levels out of 255. */
  noise?: number;
  /** The page fed askew, clockwise positive; the scanner keeps its own page size. */
  skewDegrees?: number;
  /** The page put in sideways or upside down, clockwise. */
  rotate?: 0 | 90 | 180 | 270;
  /** Gaussian blur sigma in pixels (0 for none; values under 0.3 count as none). */
  blur?: number;
  /** Write a JPEG at this quality instead of a PNG. */
  jpegQuality?: number;
  /** Colour scan, greyscale scan, or black and white (fax-like) scan. */
  mode?: "colour" | "grey" | "bilevel";
  /** Resolution recorded in the file, as scanners do. */
  dpi?: number;
}

const OFFICE_SCANNER = {
  paperTone: 0.25,
  noise: 2,
  skewDegrees: 0,
  rotate: 0,
  blur: 0.35,
  mode: "colour",
} as const;

/** Colour of very yellowed paper; lighter tones interpolate towards white. */
const OLD_PAPER = [238, 226, 192] as const;
// High enough that the hairlines of mincho type survive binarisation.
const BILEVEL_THRESHOLD = 185;

/** How page coordinates moved, so that ground-truth boxes can follow. */
export interface PageTransform {
  angleDegrees: number;
  sourceWidth: number;
  sourceHeight: number;
  /** Size of the rotated canvas before it was cropped back to the scanner's page. */
  rotatedWidth: number;
  rotatedHeight: number;
  cropLeft: number;
  cropTop: number;
  width: number;
  height: number;
}

export interface ScannedImage {
  data: Buffer;
  format: "png" | "jpeg";
  width: number;
  height: number;
  transform: PageTransform;
}

function clampByte(value: number): number {
  return value < 0 ? 0 : value > 255 ? 255 : Math.round(value);
}

export async function applyScanEffects(png: Buffer, effects: ScanEffects): Promise<ScannedImage> {
  const settings = { ...OFFICE_SCANNER, ...effects };
  const random = createRandom(settings.seed);
  const angleDegrees = settings.rotate + settings.skewDegrees;

  const rotated = await sharp(png)
    .flatten({ background: "#ffffff" })
    .rotate(angleDegrees, { background: "#ffffff" })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const source = await sharp(png).metadata();
  const sideways = settings.rotate === 90 || settings.rotate === 270;
  const width = sideways ? source.height : source.width;
  const height = sideways ? source.width : source.height;
  const transform: PageTransform = {
    angleDegrees,
    sourceWidth: source.width,
    sourceHeight: source.height,
    rotatedWidth: rotated.info.width,
    rotatedHeight: rotated.info.height,
    cropLeft: Math.round((rotated.info.width - width) / 2),
    cropTop: Math.round((rotated.info.height - height) / 2),
    width,
    height,
  };

  let page = sharp(rotated.data, { raw: rotated.info }).extract({
    left: transform.cropLeft,
    top: transform.cropTop,
    width,
    height,
  });
  if (settings.blur >= 0.3) page = page.blur(settings.blur);
  if (settings.mode !== "colour") page = page.greyscale();
  const { data: pixels, info } = await page.raw().toBuffer({ resolveWithObject: true });

  const channels = info.channels;
  const tone =
    channels === 1
      ? [
          1 -
            settings.paperTone *
              (1 - (0.299 * OLD_PAPER[0] + 0.587 * OLD_PAPER[1] + 0.114 * OLD_PAPER[2]) / 255),
        ]
      : OLD_PAPER.map((level) => 1 - settings.paperTone * (1 - level / 255));
  for (let y = 0; y < height; y++) {
    // The lamp is a little weaker towards the far end of the glass.
    const lamp = 1 - 0.015 * settings.paperTone * (y / height);
    for (let x = 0; x < width; x++) {
      const grain = random.gaussian() * settings.noise;
      const offset = (y * width + x) * channels;
      for (let channel = 0; channel < channels; channel++) {
        const level = pixels[offset + channel] as number;
        pixels[offset + channel] = clampByte(level * (tone[channel] as number) * lamp + grain);
      }
    }
  }
  // Dust on the glass: a few dark specks, more on a noisier machine.
  const specks = Math.round(
    ((settings.noise * 6 * width * height) / 3_870_000) * random.float(0.5, 1.5),
  );
  for (let speck = 0; speck < specks; speck++) {
    const cx = random.int(0, width - 1);
    const cy = random.int(0, height - 1);
    const radius = random.float(0.5, 1.6);
    const darkness = random.int(40, 130);
    for (let y = Math.floor(cy - radius); y <= cy + radius; y++) {
      for (let x = Math.floor(cx - radius); x <= cx + radius; x++) {
        if (
          x < 0 ||
          y < 0 ||
          x >= width ||
          y >= height ||
          (x - cx) ** 2 + (y - cy) ** 2 > radius ** 2
        )
          continue;
        for (let channel = 0; channel < channels; channel++) {
          const index = (y * width + x) * channels + channel;
          pixels[index] = Math.min(pixels[index] as number, darkness);
        }
      }
    }
  }
  if (settings.mode === "bilevel") {
    for (let index = 0; index < pixels.length; index++) {
      pixels[index] = (pixels[index] as number) < BILEVEL_THRESHOLD ? 0 : 255;
    }
  }

  let output = sharp(pixels, { raw: { width, height, channels } });
  // Without this sharp writes single-channel pixels back out as three identical channels.
  if (channels === 1) output = output.toColourspace("b-w");
  if (settings.dpi) output = output.withDensity(settings.dpi);
  const jpeg = settings.jpegQuality !== undefined;
  const data = jpeg
    ? await output.jpeg({ quality: settings.jpegQuality }).toBuffer()
    : await output.png({ compressionLevel: 9 }).toBuffer();
  return { data, format: jpeg ? "jpeg" : "png", width, height, transform };
}

/** Where a box of the clean render lies on the scanned page (the box around its turned corners). */
export function mapBBox(bbox: BBox, transform: PageTransform): BBox {
  const [x, y, w, h] = bbox;
  const angle = (transform.angleDegrees * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const corners = [
    [x, y],
    [x + w, y],
    [x, y + h],
    [x + w, y + h],
  ].map(([px, py]) => {
    const dx = (px as number) - transform.sourceWidth / 2;
    const dy = (py as number) - transform.sourceHeight / 2;
    return [
      transform.rotatedWidth / 2 + dx * cos - dy * sin - transform.cropLeft,
      transform.rotatedHeight / 2 + dx * sin + dy * cos - transform.cropTop,
    ] as const;
  });
  const clampX = (value: number) => Math.min(transform.width, Math.max(0, value));
  const clampY = (value: number) => Math.min(transform.height, Math.max(0, value));
  const x0 = Math.floor(clampX(Math.min(...corners.map((corner) => corner[0]))));
  const y0 = Math.floor(clampY(Math.min(...corners.map((corner) => corner[1]))));
  const x1 = Math.ceil(clampX(Math.max(...corners.map((corner) => corner[0]))));
  const y1 = Math.ceil(clampY(Math.max(...corners.map((corner) => corner[1]))));
  return [x0, y0, x1 - x0, y1 - y0];
}

/** The ground truth of a clean render, moved onto its scanned page. */
export function mapTruth(truth: FormTruth, transform: PageTransform): FormTruth {
  const fields: FormTruth["fields"] = {};
  for (const [key, field] of Object.entries(truth.fields)) {
    fields[key as keyof FormTruth["fields"]] = { ...field, bbox: mapBBox(field.bbox, transform) };
  }
  return {
    ...truth,
    page: { ...truth.page, width: transform.width, height: transform.height },
    fields,
    ...(truth.entries
      ? {
          entries: truth.entries.map((entry) => ({
            ...entry,
            bbox: mapBBox(entry.bbox, transform),
          })),
        }
      : {}),
    ...(truth.individualNumbers
      ? {
          individualNumbers: truth.individualNumbers.map((number) => ({
            ...number,
            bbox: mapBBox(number.bbox, transform),
          })),
        }
      : {}),
  };
}
