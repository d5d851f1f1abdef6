import type { Config } from "../../config/config.ts";
import type { BatchSummary } from "../../storage/repositories/batch-repository.ts";
import type { FailedJob } from "../../workers/job-repository.ts";
import { printBatchReport } from "../batch-report.ts";
import { fetchFromServer, findRunningServer } from "../running-server.ts";
import { openRuntime } from "../runtime.ts";

/**
 * `kamiroku status [batch]`: every batch with its counts, or one batch file by file. While a
 * `kamiroku serve` holds the embedded stores, the list comes from its API.
 */
export async function statusCommand(
  config: Config,
  batchName: string | undefined,
): Promise<number> {
  const server = config.databaseUrl ? null : await findRunningServer(config.dataDir);
  if (server && !batchName) {
    const { batches } = (await (await fetchFromServer(server, "/api/batches")).json()) as {
      batches: BatchSummary[];
    };
    const { failed } = (await (await fetchFromServer(server, "/api/queues")).json()) as {
      failed: FailedJob[];
    };
    printSummaries(batches, failed);
    return 0;
  }
  if (server) {
    console.error(`kamiroku serve が動いています: ${server.url} でバッチの詳細を確認してください`);
    return 1;
  }
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
      printSummaries(await runtime.batches.listSummaries(), await runtime.jobs.failedJobs(20));
    }
    return 0;
  } finally {
    await runtime.close();
  }
}

function printSummaries(summaries: readonly BatchSummary[], failed: readonly FailedJob[]): void {
  if (summaries.length === 0 && failed.length === 0) console.log("バッチはまだありません");
  for (const summary of summaries) {
    const byStatus = Object.entries(summary.files.byStatus)
      .filter(([, count]) => count > 0)
      .map(([status, count]) => `${status} ${count}`)
      .join(", ");
    console.log(
      `${summary.name}\t${summary.files.total} files (${byStatus})\t${summary.pages.ocrDone}/${summary.pages.total} pages OCRed\t${summary.records.total} records (${summary.records.needsReview} to review)`,
    );
  }
  if (failed.length > 0) {
    console.log(`\n失敗したジョブ ${failed.length} 件:`);
    for (const job of failed) {
      console.log(`  ${job.queue} ${job.jobId} (${job.attemptsMade} 回試行): ${job.reason}`);
    }
  }
}
