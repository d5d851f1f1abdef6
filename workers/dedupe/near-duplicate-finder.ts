import type { NearDuplicateRepository } from "../../storage/repositories/near-duplicate-repository.ts";
import { pageFingerprint } from "./page-fingerprint.ts";
import { textSimilarity } from "./text-similarity.ts";

export interface NearDuplicateOptions {
  /** Fingerprint bits that may differ between two scans of one sheet. */
  maxDistance: number;
  /** How alike their OCR texts must be: the look alone cannot tell two copies of one form apart. */
  minTextSimilarity: number;
}

export const defaultNearDuplicateOptions: NearDuplicateOptions = {
  maxDistance: 12,
  minTextSimilarity: 0.9,
};

/**
 * Flags a page that is probably a sheet handed in before (scanned twice, in this or another
 * batch): its look is close and its text nearly the same. Flagged for the clerk, never dropped.
 */
export class NearDuplicateFinder {
  constructor(
    private readonly repository: NearDuplicateRepository,
    private readonly options = defaultNearDuplicateOptions,
  ) {}

  /** How many earlier pages this page was flagged against. */
  async check(
    page: { id: string; fileId: string; text: string; blank: boolean },
    image: Buffer,
  ): Promise<number> {
    if (page.blank) return 0;
    const fingerprint = await pageFingerprint(image);
    await this.repository.saveFingerprint(page.id, fingerprint);
    let flagged = 0;
    for (const match of await this.repository.closeTo(
      fingerprint,
      page.fileId,
      this.options.maxDistance,
    )) {
      const similarity = textSimilarity(page.text, match.ocrText);
      if (similarity < this.options.minTextSimilarity) continue;
      await this.repository.add(page.id, match.pageId, match.distance, similarity);
      flagged += 1;
    }
    return flagged;
  }
}
