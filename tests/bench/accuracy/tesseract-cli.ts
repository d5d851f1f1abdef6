/**
 * The reference engine: the tesseract command line (Debian tesseract-ocr-jpn) on each page image
 * as the generator made it, exported as PNG at its scan resolution, `tesseract page.png - -l jpn`.
 */
import { execFile, spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import type { ScannedPage } from "../../generator/containers.ts";

const run = promisify(execFile);

export function tesseractCliAvailable(): boolean {
  const probe = spawnSync("tesseract", ["--list-langs"], { encoding: "utf8" });
  return !probe.error && /^jpn$/m.test(probe.stdout ?? "");
}

/**
 * Text of every page, `concurrency` pages at a time. Each process gets one thread, so that the
 * same cores are used as the pipeline's pool uses.
 */
export async function tesseractCliTexts(
  pages: readonly ScannedPage[],
  workDir: string,
  concurrency: number,
  onPage: (done: number) => void,
): Promise<string[]> {
  const texts = new Array<string>(pages.length).fill("");
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < pages.length) {
      const index = next++;
      const page = pages[index] as ScannedPage;
      const png = path.join(workDir, `cli-page-${index + 1}.png`);
      await sharp(page.data).withMetadata({ density: page.dpi }).png().toFile(png);
      const { stdout } = await run("tesseract", [png, "-", "-l", "jpn"], {
        env: { ...process.env, OMP_THREAD_LIMIT: "1" },
        maxBuffer: 16 * 1024 * 1024,
      });
      await fs.rm(png);
      texts[index] = stdout;
      onPage(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return texts;
}
