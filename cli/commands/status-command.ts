import type { Config } from "../../config/config.ts";
import { printBatchReport } from "../batch-report.ts";
import { openRuntime } from "../runtime.ts";

/** `kamiroku status [batch]`: every batch with its counts, or one batch file by file. */
export async function statusCommand(
  config: Config,
  batchName: string | undefined,
): Promise<number> {
  const runtime = await openRuntime(config);
  try {
    if (batchName) {
      const batch = await runtime.batches.findByName(batchName);
      if (!batch) {
        console.error(`バッチ「${batchName}」はありません`);
        return 1;
      }
      await printBatchReport(runtime, batch.id);
    } else {
      const summaries = await runtime.batches.listSummaries();
      if (summaries.length === 0) console.log("バッチはまだありません");
      for (const summary of summaries) {
        const byStatus = Object.entries(summary.files.byStatus)
          .map(([status, count]) => `${status} ${count}`)
          .join(", ");
        console.log(
          `${summary.name}\t${summary.files.total} files (${byStatus})\t${summary.pages.ocrDone}/${summary.pages.total} pages OCRed\t${summary.records.total} records (${summary.records.needsReview} to review)`,
        );
      }
    }
    const failed = await runtime.jobs.failedJobs(20);
    if (failed.length > 0) {
      console.log(`\n失敗したジョブ ${failed.length} 件:`);
      for (const job of failed)
        console.log(`  ${job.queue} ${job.jobId} (${job.attemptsMade} 回試行): ${job.reason}`);
    }
    return 0;
  } finally {
    await runtime.close();
  }
}
