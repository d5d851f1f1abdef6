import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRuntime, type Runtime } from "../../cli/runtime.ts";
import { inputLimits } from "../../config/config.ts";
import { sha256OfFile } from "../../ingest/hash-file.ts";
import { DONE_DIR, FAILED_DIR, HotFolder } from "../../ingest/hot-folder.ts";
import { IngestService } from "../../ingest/ingest-service.ts";
import { originalKey } from "../../storage/objects/object-keys.ts";
import { createTestEnvironment, type TestEnvironment } from "../helpers/test-environment.ts";

const sampleScan = path.resolve("tests/samples/評価シート.jpg");
const SETTLE_MS = 400;
const POLL_MS = 50;

describe("hot folder (kamiroku watch)", () => {
  let environment: TestEnvironment;
  let runtime: Runtime;
  let ingest: IngestService;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    runtime = await openRuntime(environment.config);
    ingest = new IngestService(
      runtime.objects,
      runtime.files,
      runtime.jobs,
      inputLimits(environment.config),
    );
  });

  afterAll(async () => {
    await runtime?.close();
    await environment?.dispose();
  });

  async function watched(name: string) {
    const dir = path.join(environment.config.dataDir, name);
    await fs.mkdir(dir, { recursive: true });
    const batch = await runtime.batches.getOrCreate(name);
    const folder = new HotFolder(
      { dir, settleMs: SETTLE_MS },
      {
        alreadyIngested: (sha256) => runtime.files.existsInBatch(batch.id, sha256),
        ingest: (filePath, fileName) => ingest.ingestLocalFile(batch.id, filePath, fileName),
      },
    );
    return { dir, batch, folder };
  }

  function running(folder: HotFolder) {
    const stop = new AbortController();
    const done = folder.run(stop.signal, POLL_MS);
    return async () => {
      stop.abort();
      await done;
    };
  }

  it("takes a slowly written file once, complete, and moves it to done/", async () => {
    const { dir, batch, folder } = await watched("slow");
    const stop = running(folder);
    const scan = await fs.readFile(sampleScan);
    const target = path.join(dir, "箱12 スキャン.jpg");
    // A scanner writing over the network: chunks with pauses shorter than the settle time.
    const chunks = 6;
    for (let i = 0; i < chunks; i++) {
      const part = scan.subarray((i * scan.length) / chunks, ((i + 1) * scan.length) / chunks);
      await fs.appendFile(target, part);
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS / 2));
    }
    const sha256 = await sha256OfFile(target);
    await expect
      .poll(() => fs.readdir(path.join(dir, DONE_DIR)), { timeout: 10_000 })
      .toEqual(["箱12 スキャン.jpg"]);
    await stop();
    const files = await runtime.files.listByBatch(batch.id);
    expect(files.map((file) => [file.fileName, file.sha256, file.sizeBytes])).toEqual([
      ["箱12 スキャン.jpg", sha256, scan.length],
    ]);
    expect(await runtime.objects.stat(originalKey(sha256))).toMatchObject({ size: scan.length });
    expect((await fs.readdir(dir)).sort()).toEqual([DONE_DIR, FAILED_DIR]);
  });

  it("moves a broken file to failed/ with the reason beside it, and goes on with the others", async () => {
    const { dir, folder } = await watched("broken");
    await fs.writeFile(path.join(dir, "壊れた.pdf"), "%PDF-1.4 truncated");
    await fs.copyFile(sampleScan, path.join(dir, "良い.jpg"));
    await fs.writeFile(path.join(dir, "書き込み中.pdf.part"), "partial");
    const stop = running(folder);
    await expect
      .poll(() => fs.readdir(path.join(dir, DONE_DIR)), { timeout: 10_000 })
      .toEqual(["良い.jpg"]);
    await stop();
    expect((await fs.readdir(path.join(dir, FAILED_DIR))).sort()).toEqual([
      "壊れた.pdf",
      "壊れた.pdf.error.txt",
    ]);
    const reason = await fs.readFile(path.join(dir, FAILED_DIR, "壊れた.pdf.error.txt"), "utf8");
    expect(reason).toMatch(/PDF/);
    // A file the scanner is still writing is left alone.
    expect(await fs.readdir(dir)).toContain("書き込み中.pdf.part");
  });

  it("neither loses nor re-ingests a file across a restart in the middle", async () => {
    const { dir, batch, folder } = await watched("restart");
    const first = path.join(dir, "一件目.jpg");
    await fs.copyFile(sampleScan, first);
    // The previous watcher ingested this file and died before moving it.
    await ingest.ingestLocalFile(batch.id, first, "一件目.jpg");
    // …and had only started to watch this one.
    const second = path.join(dir, "二件目.tiff");
    await fs.copyFile(path.resolve("tests/samples/支援会議記録.tiff"), second);
    const interrupted = running(folder);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS / 4));
    await interrupted();

    const { folder: restarted } = await watched("restart");
    const stop = running(restarted);
    await expect
      .poll(async () => (await fs.readdir(path.join(dir, DONE_DIR))).sort(), { timeout: 10_000 })
      .toEqual(["一件目.jpg", "二件目.tiff"]);
    await stop();
    const files = await runtime.files.listByBatch(batch.id);
    expect(files.map((file) => file.fileName).sort()).toEqual(["一件目.jpg", "二件目.tiff"]);
  });
});
