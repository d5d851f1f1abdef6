import cliProgress from "cli-progress";
import type { BatchSummary } from "../storage/repositories/batch-repository.ts";

/**
 * Shows a batch moving through the pipeline: bars on a terminal, one plain line per change when
 * the output is a file or a CI log. Counts only: no file names or text.
 */
export class BatchProgress {
  private readonly bars: cliProgress.MultiBar | null;
  private readonly stored: cliProgress.SingleBar | null;
  private readonly ocred: cliProgress.SingleBar | null;
  private readonly extracted: cliProgress.SingleBar | null;
  private lastLine = "";

  constructor(
    private readonly totalFiles: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    if (stream.isTTY) {
      this.bars = new cliProgress.MultiBar(
        {
          stream,
          format: " {label} |{bar}| {value}/{total} {extra}",
          hideCursor: true,
          clearOnComplete: false,
        },
        cliProgress.Presets.shades_classic,
      );
      this.stored = this.bars.create(totalFiles, 0, { label: "files stored     ", extra: "" });
      this.ocred = this.bars.create(0, 0, { label: "pages OCRed      ", extra: "" });
      this.extracted = this.bars.create(0, 0, { label: "files extracted  ", extra: "" });
    } else {
      this.bars = this.stored = this.ocred = this.extracted = null;
    }
  }

  fileStored(count: number): void {
    if (this.stored) this.stored.update(count);
    else this.line(`files stored ${count}/${this.totalFiles}`);
  }

  update(summary: BatchSummary): void {
    const finishedFiles = summary.files.byStatus.done ?? 0;
    const filesWithRecords =
      summary.files.total -
      (summary.files.byStatus.failed ?? 0) -
      (summary.files.byStatus.duplicate ?? 0);
    if (this.ocred && this.extracted) {
      this.ocred.setTotal(Math.max(summary.pages.total, 1));
      this.ocred.update(summary.pages.ocrDone);
      this.extracted.setTotal(Math.max(filesWithRecords, 1));
      this.extracted.update(finishedFiles, { extra: `(${summary.records.total} records)` });
      return;
    }
    this.line(
      `pages OCRed ${summary.pages.ocrDone}/${summary.pages.total}, files extracted ${finishedFiles}/${filesWithRecords}, records ${summary.records.total}`,
    );
  }

  stop(): void {
    this.bars?.stop();
  }

  private line(text: string): void {
    if (text === this.lastLine) return;
    this.lastLine = text;
    this.stream.write(`${new Date().toISOString()} ${text}\n`);
  }
}
