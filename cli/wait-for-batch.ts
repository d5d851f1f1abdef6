import type { BatchRepository, BatchSummary } from "../storage/repositories/batch-repository.ts";

/** A file in one of these has nothing left to go through. */
export const finishedStatuses = ["done", "failed", "duplicate"] as const;

/** Polls until every file of the batch has finished (done, failed or duplicate). */
export async function waitForBatch(
  batches: BatchRepository,
  batchId: string,
  onProgress: (summary: BatchSummary) => void,
  pollMs = 500,
): Promise<BatchSummary> {
  for (;;) {
    const summary = await batches.summary(batchId);
    onProgress(summary);
    const finished = finishedStatuses.reduce(
      (sum, status) => sum + (summary.files.byStatus[status] ?? 0),
      0,
    );
    if (finished >= summary.files.total) return summary;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
