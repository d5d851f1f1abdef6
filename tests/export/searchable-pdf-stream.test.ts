import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { type SearchablePdfPage, writeSearchablePdf } from "../../export/searchable-pdf.ts";
import { StreamingPdf } from "../../export/streaming-pdf.ts";
import { blankReadPage, handReadPage } from "./hand-read-page.ts";
import { pdfText } from "./poppler.ts";
import { qpdfCheck } from "./qpdf.ts";
import { MemorySink } from "./written-pdf.ts";

/** How often `pattern` occurs in PDF bytes, its syntax being ASCII. */
function occurrences(pdf: Buffer, pattern: RegExp): number {
  return pdf.toString("latin1").match(pattern)?.length ?? 0;
}

describe("writeSearchablePdf streams a long file page by page", () => {
  let pages: SearchablePdfPage[];
  /** What had been written when the n-th page (0-based) was asked for. */
  const writtenWhenAsked: Buffer[] = [];
  let pdf: Buffer;

  beforeAll(async () => {
    const first = await handReadPage([["相談受付票"], ["氏名", "山田 花子"]]);
    const second = await blankReadPage(first.form.width, first.form.height);
    const third = await handReadPage([["支援計画書"], ["担当", "佐藤 一郎"]]);
    pages = [first, second, third];
    const sink = new MemorySink();
    async function* asked(): AsyncGenerator<SearchablePdfPage> {
      for (const page of pages) {
        writtenWhenAsked.push(sink.bytes());
        yield page;
      }
    }
    await writeSearchablePdf(asked(), sink);
    pdf = sink.bytes();
  });

  it("has written every earlier page, image included, when it asks for the next", () => {
    // Held back until the end, as a PDF built in memory is, the earlier pages would be missing
    // here: memory would then grow with the number of pages.
    for (const [index, written] of writtenWhenAsked.entries()) {
      expect(occurrences(written, /\/Subtype \/Image\n/g)).toBe(index);
      expect(occurrences(written, /\/Type \/Page\n/g)).toBe(index);
    }
    expect(occurrences(pdf, /\/Subtype \/Image\n/g)).toBe(pages.length);
  });

  it("is a PDF qpdf finds no fault with, xref offsets included", () => {
    expect(qpdfCheck(pdf)).toContain("No syntax or stream encoding errors found");
  });

  it("reads back with pdf-lib: every page, in order, at the size of its image", async () => {
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(pages.length);
    for (const page of doc.getPages()) {
      expect(page.getSize()).toEqual({
        width: expect.closeTo(595.3, 0),
        height: expect.closeTo(226.8, 0),
      });
    }
  });

  it("gives each page's text on its own page to pdftotext", () => {
    const [first, second, third] = pdfText(pdf).split("\f");
    expect(first).toContain("相談受付票");
    expect(first).toContain("山田 花子");
    expect(second?.trim()).toBe("");
    expect(third).toContain("支援計画書");
    expect(third).toContain("佐藤 一郎");
  });
});

describe("StreamingPdf", () => {
  it("keeps nothing of an object once it has handed over its bytes", () => {
    const pdf = new StreamingPdf();
    pdf.header();
    for (let page = 0; page < 3; page++) {
      const { bytes } = pdf.object(pdf.context.stream(new Uint8Array(100_000)));
      expect(bytes.length).toBeGreaterThan(100_000);
      expect(pdf.context.enumerateIndirectObjects()).toEqual([]);
    }
  });

  it("writes a sound xref table around object numbers it never used", () => {
    const pdf = new StreamingPdf();
    const { context } = pdf;
    const pageTree = context.nextRef();
    context.nextRef(); // taken and never written
    const chunks = [pdf.header()];
    const page = pdf.object(
      context.obj({ Type: "Page", Parent: pageTree, MediaBox: [0, 0, 10, 10] }),
    );
    chunks.push(page.bytes);
    context.assign(pageTree, context.obj({ Type: "Pages", Kids: [page.ref], Count: 1 }));
    context.trailerInfo.Root = context.register(context.obj({ Type: "Catalog", Pages: pageTree }));
    chunks.push(pdf.end());
    expect(qpdfCheck(Buffer.concat(chunks))).toContain("No syntax or stream encoding errors found");
  });
});
