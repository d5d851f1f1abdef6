import { readFile } from "node:fs/promises";
import sharp from "sharp";
import type { MediaType } from "../../ingest/sniff-media-type.ts";
import { jpegReachesEnd, pngReachesEnd } from "./image-end-marker.ts";
import { damagedImage, imageTooLarge } from "./refusals.ts";

type ImageMediaType = Exclude<MediaType, "application/pdf">;

/**
 * Returns the page count of a JPEG, PNG or TIFF that can be split, or throws the refusal.
 * Sizes come from headers (sharp's metadata reads no pixels; its own pixel limit is turned
 * off there so that we can say how large the image is), so a 30000×30000 scan is refused
 * without allocating gigabytes.
 */
export async function inspectImage(
  path: string,
  options: { mediaType: ImageMediaType; maxPixels: number },
): Promise<number> {
  const { pages = 1 } = await headerOf(path, 0);
  for (let index = 0; index < pages; index++) {
    const pageNumber = pages > 1 ? index + 1 : undefined;
    const { width, height } = await headerOf(path, index, pageNumber);
    if (width * height > options.maxPixels) throw imageTooLarge(width, height, pageNumber);
  }
  if (options.mediaType !== "image/tiff" && !reachesEnd(await readFile(path), options.mediaType)) {
    throw damagedImage();
  }
  return pages;
}

function headerOf(path: string, page: number, pageNumber?: number) {
  return sharp(path, { page, limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw damagedImage(pageNumber);
    });
}

/** TIFF strips are checked when decoded; JPEG and PNG pass on undecoded, so check them here. */
function reachesEnd(bytes: Buffer, mediaType: "image/jpeg" | "image/png"): boolean {
  return mediaType === "image/jpeg" ? jpegReachesEnd(bytes) : pngReachesEnd(bytes);
}
