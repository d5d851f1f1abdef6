import { createWriteStream } from "node:fs";
import { type Config, inputLimits } from "../../config/config.ts";
import { loadFormDefinitions } from "../../config/forms/municipality-forms.ts";
import { writeSearchablePdf } from "../../export/searchable-pdf.ts";
import { InputFileError } from "../../ingest/input-file-error.ts";
import { extractFileInProcess } from "../../workers/extract-file-in-process.ts";
import { TesseractPool } from "../../workers/ocr/tesseract-pool.ts";

export interface ExtractCommandOptions {
  json?: boolean;
  /** Where to write the file's searchable PDF. */
  pdf?: string;
}

/**
 * `kamiroku extract <file> [--json] [--pdf <out.pdf>]`: split, OCR and extract one file here and
 * now; the searchable PDF is made by the same function as the pipeline's.
 */
export async function extractCommand(
  config: Config,
  file: string,
  options: ExtractCommandOptions,
): Promise<number> {
  const pool = new TesseractPool({ size: config.ocrWorkers });
  try {
    const { records, pages } = await extractFileInProcess(file, {
      pool,
      maxPixels: inputLimits(config).maxPixels,
      renderDpi: config.renderDpi,
      reading: { secondReading: config.ocrSecondReading },
      extraction: {
        definitions: await loadFormDefinitions(config.formsFile),
        reviewThreshold: config.reviewThreshold,
        typedReviewThreshold: config.typedReviewThreshold,
        typedParagraphReviewThreshold: config.typedParagraphReviewThreshold,
      },
    });
    if (options.pdf) await writeSearchablePdf(pages, createWriteStream(options.pdf));
    if (options.json) {
      console.log(JSON.stringify(records, null, 2));
    } else {
      for (const record of records) {
        const characters = record.text.reduce((sum, page) => sum + page.text.length, 0);
        console.log(
          `${record.recordId}  ${record.docType}  pages ${record.source.pages.join(",")}  ${characters} characters`,
        );
      }
    }
    return 0;
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    console.error(`✗ ${error.message} (${error.code})`);
    return 2;
  } finally {
    await pool.terminate();
  }
}
