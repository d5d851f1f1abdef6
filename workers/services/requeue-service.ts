import { logger } from "../../config/logger.ts";
import type { SourceFileRepository } from "../../storage/repositories/source-file-repository.ts";
import type { JobRepository } from "../job-repository.ts";

/**
 * Ingest stores a file, records it, then queues it: a process that died between the last two
 * steps leaves a file nobody will split. Workers queue such files again when they start; the
 * split job id is the file's, so a file that was in fact queued is not queued twice, and the
 * split stage inspects the file again itself.
 */
export class RequeueService {
  constructor(
    private readonly files: SourceFileRepository,
    private readonly jobs: JobRepository,
  ) {}

  async requeueForgottenFiles(olderThanMs: number): Promise<number> {
    const forgotten = await this.files.listWaitingSince(new Date(Date.now() - olderThanMs));
    for (const file of forgotten) await this.jobs.enqueueSplit(file.id);
    if (forgotten.length > 0)
      logger.info({ count: forgotten.length }, "queued files again that were never split");
    return forgotten.length;
  }
}
