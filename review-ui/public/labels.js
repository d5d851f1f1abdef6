// Japanese names for the codes the API uses. Unknown codes are shown as they are.

export const ROLE_LABELS = { clerk: "受付担当", reviewer: "確認担当", admin: "管理者" };

export const DOC_TYPE_LABELS = {
  intake: "相談受付票",
  assessment: "アセスメントシート",
  plan: "支援プラン",
  progress: "支援経過記録",
  meeting: "支援会議記録",
  evaluation: "評価・終結",
  unknown: "様式不明",
};

export const RECORD_STATUS_LABELS = {
  extracted: "未確認",
  in_review: "確認中",
  verified: "確認済み",
  rejected: "差し戻し",
  imported: "取込済み",
};

export const FILE_STATUS_LABELS = {
  stored: "保存済み",
  queued: "待機中",
  splitting: "ページ分割中",
  ocr: "文字認識中",
  extracting: "項目抽出中",
  done: "完了",
  failed: "失敗",
  duplicate: "重複",
};

/** File states after which nothing more happens to a file without a person acting. */
export const FINISHED_FILE_STATUSES = new Set(["done", "failed", "duplicate"]);

export const AGENCY_KIND_LABELS = { direct: "直営", contracted: "委託先" };

export const AUDIT_ACTION_LABELS = {
  login: "ログイン",
  login_failed: "ログイン失敗",
  logout: "ログアウト",
  record_view: "記録の閲覧",
  record_edit: "記録の修正",
  record_approve: "記録の承認",
  record_reject: "記録の差し戻し",
  record_export: "記録の出力",
  file_retry: "ファイルの再試行",
  user_create: "利用者の作成",
  user_update: "利用者の変更",
  agency_create: "機関の作成",
  token_create: "APIトークンの発行",
  token_revoke: "APIトークンの失効",
};

export function labelOf(labels, code) {
  return labels[code] ?? code ?? "";
}
