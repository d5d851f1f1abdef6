import type { DocType } from "../workers/extract/extracted-form.ts";

/** The form names of the spec's document-type table, as the review UI shows them too. */
export const docTypeNames: Record<DocType, string> = {
  intake: "相談受付票",
  assessment: "アセスメントシート",
  plan: "支援プラン",
  progress: "支援経過記録",
  meeting: "支援会議記録",
  evaluation: "評価・終結",
  unknown: "様式不明",
};
