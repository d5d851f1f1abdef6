// The queue filters a reviewer chose, remembered for the tab so that "approve and next" on the
// review screen stays within the same batch and docType.

const KEY = "kamiroku.queueFilters";

export function loadQueueFilters() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? "{}");
  } catch {
    return {};
  }
}

export function saveQueueFilters(filters) {
  sessionStorage.setItem(KEY, JSON.stringify(filters));
}

/** The `queue` body member of approve and reject: only batch and docType narrow `next`. */
export function queueScope() {
  const { batch, docType } = loadQueueFilters();
  return { ...(batch ? { batch } : {}), ...(docType ? { docType } : {}) };
}
