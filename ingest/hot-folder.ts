import fs from "node:fs/promises";
import path from "node:path";
import { logger } from "../config/logger.ts";
import { sha256OfFile } from "./hash-file.ts";
import type { IngestOutcome } from "./ingest-service.ts";

/** Where a hot folder takes files from and what it does with them. */
export interface HotFolderOptions {
  dir: string;
  /** A file is taken once its size and modification time have not changed for this long. */
  settleMs: number;
}

/** What the hot folder needs from ingest, for one batch. */
export interface HotFolderIngest {
  /** True when a file of this content is in the batch already (taken before a restart). */
  alreadyIngested(sha256: string): Promise<boolean>;
  ingest(filePath: string, fileName: string): Promise<IngestOutcome>;
}

export const DONE_DIR = "done";
export const FAILED_DIR = "failed";

/** Scanner software writes these while a file is not finished yet. */
const UNFINISHED = /^(\.|~\$)|\.(tmp|part|partial|crdownload)$/i;

interface Observation {
  size: number;
  mtimeMs: number;
  unchangedSince: number;
}

/**
 * A folder scanners write into (`kamiroku watch`). A file is ingested once it has stopped
 * growing, then moved to done/ or to failed/ with a `.error.txt` beside it for the clerk.
 * Polling rather than fs.watch: scanners often write to network shares, where change events are
 * unreliable. A restart neither loses a file (it is still in the folder) nor ingests one twice
 * (a file whose content is in the batch already is only moved).
 */
export class HotFolder {
  private readonly seen = new Map<string, Observation>();

  constructor(
    private readonly options: HotFolderOptions,
    private readonly target: HotFolderIngest,
  ) {}

  async prepare(): Promise<void> {
    await fs.mkdir(path.join(this.options.dir, DONE_DIR), { recursive: true });
    await fs.mkdir(path.join(this.options.dir, FAILED_DIR), { recursive: true });
  }

  /** One look at the folder: takes every file that has settled. Returns how many it took. */
  async poll(now = Date.now()): Promise<number> {
    const entries = await fs.readdir(this.options.dir, { withFileTypes: true });
    const present = new Set<string>();
    const settled: string[] = [];
    for (const entry of entries) {
      if (!entry.isFile() || UNFINISHED.test(entry.name)) continue;
      present.add(entry.name);
      const stat = await fs.stat(path.join(this.options.dir, entry.name)).catch(() => null);
      if (!stat) continue;
      const before = this.seen.get(entry.name);
      if (!before || before.size !== stat.size || before.mtimeMs !== stat.mtimeMs) {
        this.seen.set(entry.name, { size: stat.size, mtimeMs: stat.mtimeMs, unchangedSince: now });
      } else if (now - before.unchangedSince >= this.options.settleMs) {
        settled.push(entry.name);
      }
    }
    for (const name of this.seen.keys()) if (!present.has(name)) this.seen.delete(name);
    settled.sort((a, b) => a.localeCompare(b, "ja", { numeric: true }));
    let taken = 0;
    for (const name of settled) {
      if (await this.take(name)) taken += 1;
    }
    return taken;
  }

  /** Polls until `signal` aborts. */
  async run(signal: AbortSignal, pollMs: number): Promise<void> {
    await this.prepare();
    while (!signal.aborted) {
      try {
        await this.poll();
      } catch (error) {
        logger.error({ err: errorKind(error) }, "hot folder poll failed; trying again");
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  /** False when the file stays for the next poll (stores unreachable, file vanished). */
  private async take(name: string): Promise<boolean> {
    const filePath = path.join(this.options.dir, name);
    try {
      const sha256 = await sha256OfFile(filePath);
      if (await this.target.alreadyIngested(sha256)) {
        await moveInto(filePath, path.join(this.options.dir, DONE_DIR));
        return true;
      }
      const outcome = await this.target.ingest(filePath, name);
      if (outcome.status === "failed") {
        const moved = await moveInto(filePath, path.join(this.options.dir, FAILED_DIR));
        await fs.writeFile(`${moved}.error.txt`, `${outcome.message}\n`);
      } else {
        await moveInto(filePath, path.join(this.options.dir, DONE_DIR));
      }
      logger.info({ status: outcome.status, fileId: outcome.fileId }, "hot folder file taken");
      this.seen.delete(name);
      return true;
    } catch (error) {
      logger.warn({ err: errorKind(error) }, "hot folder file left for the next poll");
      return false;
    }
  }
}

/** An error's code or class, never its message: messages carry file names, and names are personal data. */
function errorKind(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).name ?? "unknown";
}

/** Moves a file into a folder without overwriting: "x.pdf", then "x (2).pdf", … */
async function moveInto(filePath: string, folder: string): Promise<string> {
  const { name, ext } = path.parse(filePath);
  for (let n = 1; ; n++) {
    const target = path.join(folder, n === 1 ? `${name}${ext}` : `${name} (${n})${ext}`);
    const free = await fs.stat(target).then(
      () => false,
      () => true,
    );
    if (free) {
      await fs.rename(filePath, target);
      return target;
    }
  }
}
