import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecordV1 } from "../../workers/extract/record-v1.ts";
import { pdfImageEncodings, pdfPages, pdfText } from "./poppler.ts";

const run = promisify(execFile);

describe("kamiroku extract <file> --json --pdf <out.pdf>", () => {
  let dir: string;
  let records: RecordV1[];
  let pdf: Uint8Array;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "kamiroku-extract-pdf-"));
    const out = path.join(dir, "評価シート.pdf");
    const { stdout } = await run(
      process.execPath,
      [
        "--import",
        "tsx",
        "cli/main.ts",
        "extract",
        "tests/samples/評価シート.jpg",
        "--json",
        "--pdf",
        out,
      ],
      { env: { ...process.env, KAMIROKU_OCR_WORKERS: "2" }, maxBuffer: 16 * 1024 * 1024 },
    );
    records = JSON.parse(stdout) as RecordV1[];
    pdf = await fs.readFile(out);
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("prints the records and writes the file's searchable PDF beside them", () => {
    expect(records.map((record) => record.docType)).toEqual(["evaluation"]);
    expect(pdfPages(pdf)).toMatchObject({ count: 1, width: expect.closeTo(595.3, 0) });
    // A scan's paper grain makes JPEG a fraction of the stored PNG's size.
    expect(pdfImageEncodings(pdf)).toEqual(["jpeg"]);
    expect(pdf.length).toBeLessThan(250_000);
  });

  it("makes the page text searchable", () => {
    const text = pdfText(pdf);
    expect(text).toContain("評価");
    const pageText = records[0]?.text[0]?.text ?? "";
    expect(pageText).not.toBe("");
    for (const part of pageText.split(/\s+/)) expect(text).toContain(part);
  });
});
