import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Page } from "tesseract.js";
import {
  type PoolRecognizeOptions,
  TesseractPool,
  type TesseractPoolOptions,
} from "../../../workers/ocr/tesseract-pool.ts";

/**
 * A TesseractPool that keeps each result in `dir`, keyed by the image's bytes and the page
 * segmentation mode, for `bench:accuracy --ocr-cache DIR`: tesseract gives the same result for
 * the same image, so re-running a seed after a change to extraction re-reads only the images
 * the change altered, in minutes instead of a quarter of an hour. Bench use only.
 */
export class CachedTesseractPool extends TesseractPool {
  hits = 0;
  misses = 0;
  #dirMade: Promise<unknown> | undefined;

  constructor(
    private readonly dir: string,
    options: TesseractPoolOptions,
  ) {
    super(options);
  }

  override async recognize(image: Buffer, options: PoolRecognizeOptions = {}): Promise<Page> {
    const key = createHash("sha256")
      .update(image)
      .update(String(options.pageSegMode ?? "auto"))
      .digest("hex");
    const file = path.join(this.dir, `${key}.json`);
    try {
      const cached = JSON.parse(await fs.readFile(file, "utf8")) as Page;
      this.hits++;
      return cached;
    } catch {
      this.misses++;
    }
    const page = await super.recognize(image, options);
    // Kept as JSON: the result's back-references (a word's `page`, `parent`) would loop.
    const plain = JSON.stringify(page, (name, value) =>
      name === "page" || name === "parent" ? undefined : value,
    );
    this.#dirMade ??= fs.mkdir(this.dir, { recursive: true });
    await this.#dirMade;
    await fs.writeFile(file, plain);
    return JSON.parse(plain) as Page;
  }
}
