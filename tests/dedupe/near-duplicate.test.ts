import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../storage/db/database.ts";
import { BatchRepository } from "../../storage/repositories/batch-repository.ts";
import { NearDuplicateRepository } from "../../storage/repositories/near-duplicate-repository.ts";
import { PageRepository } from "../../storage/repositories/page-repository.ts";
import { SourceFileRepository } from "../../storage/repositories/source-file-repository.ts";
import { NearDuplicateFinder } from "../../workers/dedupe/near-duplicate-finder.ts";
import { fingerprintDistance, pageFingerprint } from "../../workers/dedupe/page-fingerprint.ts";
import { textSimilarity } from "../../workers/dedupe/text-similarity.ts";
import { readPage } from "../../workers/ocr/read-page.ts";
import { TesseractPool } from "../../workers/ocr/tesseract-pool.ts";
import { createCaseProfile } from "../generator/fake-case.ts";
import { buildFormSpec } from "../generator/form-templates.ts";
import { createRandom } from "../generator/random.ts";
import { renderForm } from "../generator/render-form.ts";
import { applyScanEffects } from "../generator/scan-effects.ts";
import { varyFormSpec } from "../generator/vary-form.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-databases.ts";

/** One filled intake sheet of the ruled-grid layout; another seed fills the same form otherwise. */
function intakeSheet(seed: number): Buffer {
  const random = createRandom(seed);
  const profile = createCaseProfile(random.fork(), { year: 2023 });
  const spec = varyFormSpec(buildFormSpec("intake", profile, random.fork()), random.fork(), {
    layouts: ["ruled-grid"],
  });
  return renderForm(spec, { dpi: 200, font: "gothic" }).png;
}

describe("near-duplicate pages", () => {
  let pool: TesseractPool;
  let testDb: TestDatabase;
  let db: Database;
  const sheet = intakeSheet(11);
  const readings: Record<"first" | "rescanned" | "otherCase", { image: Buffer; text: string }> =
    {} as never;

  beforeAll(async () => {
    pool = new TesseractPool({ size: 2 });
    testDb = await createTestDatabase("pglite");
    db = await testDb.open();
    // The same sheet scanned again on another day: askew, noisier, as JPEG.
    const rescanned = await applyScanEffects(sheet, {
      seed: 5,
      noise: 6,
      skewDegrees: 1.2,
      blur: 0.6,
      jpegQuality: 70,
      dpi: 200,
    });
    const pages = { first: sheet, rescanned: rescanned.data, otherCase: intakeSheet(12) };
    await Promise.all(
      Object.entries(pages).map(async ([name, image]) => {
        const reading = await readPage(image, pool);
        readings[name as keyof typeof readings] = {
          image: reading.image.data,
          text: reading.ocr.text,
        };
      }),
    );
  });

  afterAll(async () => {
    await pool?.terminate();
    await db?.close();
    await testDb?.dispose();
  });

  it("tells a rescan of a sheet from another case on the same printed form", async () => {
    const [first, rescanned, otherCase] = await Promise.all(
      [readings.first, readings.rescanned, readings.otherCase].map((r) => pageFingerprint(r.image)),
    );
    const rescanDistance = fingerprintDistance(first as bigint, rescanned as bigint);
    const rescanText = textSimilarity(readings.first.text, readings.rescanned.text);
    const otherText = textSimilarity(readings.first.text, readings.otherCase.text);
    expect(rescanDistance).toBeLessThanOrEqual(12);
    expect(rescanText).toBeGreaterThanOrEqual(0.9);
    // The other case looks alike (one printed form) but reads differently.
    expect(otherText).toBeLessThan(0.9);
    expect(fingerprintDistance(first as bigint, otherCase as bigint)).toBeGreaterThanOrEqual(0);
  });

  it("flags the rescanned page against the earlier one, in another batch, and not the other case", async () => {
    const batches = new BatchRepository(db);
    const files = new SourceFileRepository(db);
    const pages = new PageRepository(db);
    const finder = new NearDuplicateFinder(new NearDuplicateRepository(db));
    const store = async (batchName: string, name: keyof typeof readings) => {
      const batch = await batches.getOrCreate(batchName);
      const sha256 = createHash("sha256").update(name).digest("hex");
      const { file } = await files.insertFirstCopyOrDuplicate({
        batchId: batch.id,
        fileName: `${name}.pdf`,
        sha256,
        sizeBytes: 1,
        objectKey: `originals/${sha256}`,
      });
      await pages.upsertSplitPage({
        fileId: file.id,
        pageNumber: 1,
        imageKey: `pages/${sha256}/0001.png`,
        width: 1,
        height: 1,
        splitMethod: "test",
      });
      const page = await pages.saveOcr({
        fileId: file.id,
        pageNumber: 1,
        ocrKey: `pages/${sha256}/0001.ocr.json`,
        text: readings[name].text,
        confidence: 0.9,
        blank: false,
        image: { key: `pages/${sha256}/0001.upright.png`, width: 1, height: 1 },
      });
      const flagged = await finder.check(
        { id: page.id, fileId: file.id, text: readings[name].text, blank: false },
        readings[name].image,
      );
      return { batch, flagged };
    };
    expect((await store("2023年度 箱1", "first")).flagged).toBe(0);
    expect((await store("2023年度 箱1", "otherCase")).flagged).toBe(0);
    const { batch, flagged } = await store("2024年度 箱7", "rescanned");
    expect(flagged).toBe(1);
    const listed = await new NearDuplicateRepository(db).listForBatch(batch.id);
    expect(listed).toHaveLength(1);
    expect(listed[0]?.similar).toMatchObject({
      fileName: "first.pdf",
      pageNumber: 1,
      batchName: "2023年度 箱1",
    });
  });
});
