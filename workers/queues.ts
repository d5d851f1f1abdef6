/**
 * The pipeline's queues, their job payloads and their job ids, in one place.
 * Job ids are derived from what the job works on, so a re-delivered or re-added job is the same
 * job: BullMQ ignores an add whose id already exists.
 */
export const queueNames = {
  split: "split",
  ocr: "ocr",
  extract: "extract",
} as const;

export type QueueName = (typeof queueNames)[keyof typeof queueNames];

/** split: one source file → page images. */
export interface SplitJobData {
  fileId: string;
}

/** ocr: one page image → OCR JSON. */
export interface OcrJobData {
  fileId: string;
  pageNumber: number;
}

/** extract: all pages of one source file → records. Runs when every OCR child has completed. */
export interface ExtractJobData {
  fileId: string;
}

/**
 * The webhook's queue, apart from the file pipeline: one job per outbox row, retried with
 * exponential backoff until the platform answers 2xx or the attempts run out.
 */
export const deliveryQueueName = "deliver";

export interface DeliveryJobData {
  deliveryId: string;
}

export const jobIds = {
  split: (fileId: string) => `split-${fileId}`,
  ocr: (fileId: string, pageNumber: number) => `ocr-${fileId}-${pageNumber}`,
  extract: (fileId: string) => `extract-${fileId}`,
  deliver: (deliveryId: string) => `deliver-${deliveryId}`,
};
