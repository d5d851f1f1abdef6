// Uploads one file. Small files go in one multipart request; files above 8 MiB go through the
// resumable API (API.md, "Resumable upload") in 4 MiB chunks, so a dropped connection costs at
// most one chunk: after a network error or a 409 the upload asks the server how much it has and
// goes on from there, retrying with backoff for a few minutes. Chunks go through XMLHttpRequest:
// fetch() cannot report upload progress.

import { ApiError, api, csrfHeaders, LOGGED_OUT_EVENT } from "./api.js";

/** Files larger than this use the resumable API. */
export const RESUMABLE_THRESHOLD = 8 * 1024 * 1024;
export const CHUNK_BYTES = 4 * 1024 * 1024;
/** How long an upload keeps trying without getting one chunk through. */
const GIVE_UP_MS = 3 * 60_000;
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;
/** A chunk whose bytes stop moving for this long is given up and resent. */
const STALL_MS = 60_000;

/**
 * Resolves with the server's answer for the file ({ fileName, status, code?, message? }).
 * `onProgress(ratio)` follows the bytes sent; `onRetry(waiting)` is told when the upload waits
 * for the connection to come back (true) and when it goes on (false).
 */
export function uploadFile(batchName, file, onProgress, { onRetry = () => {} } = {}) {
  return file.size > RESUMABLE_THRESHOLD
    ? uploadResumable(batchName, file, onProgress, onRetry)
    : uploadMultipart(batchName, file, onProgress);
}

function uploadMultipart(batchName, file, onProgress) {
  const form = new FormData();
  form.append("file", file, file.name);
  return send("POST", `/api/uploads?batch=${encodeURIComponent(batchName)}`, form, {
    onProgress: (loaded, total) => onProgress(loaded / total),
  }).then((body) => {
    if (!body?.files?.[0]) throw new ApiError(500, body);
    return body.files[0];
  });
}

async function uploadResumable(batchName, file, onProgress, onRetry) {
  const created = await api.post("/api/uploads/resumable", {
    batch: batchName,
    fileName: file.name,
    size: file.size,
  });
  const path = `/api/uploads/resumable/${encodeURIComponent(created.id)}`;
  let received = created.received ?? 0;
  // False after a failure: the server may have kept the chunk although its answer was lost.
  let known = true;
  let failingSince = null;
  let attempt = 0;
  let mismatches = 0;
  for (;;) {
    try {
      if (!known) {
        // The answer to the last chunk may be what was lost: then the server tells the outcome.
        const status = await api.get(path);
        if (status.result) return status.result;
        received = status.received;
        known = true;
      }
      const end = Math.min(received + CHUNK_BYTES, file.size);
      const start = received;
      const answer = await send("PUT", `${path}?offset=${start}`, file.slice(start, end), {
        contentType: "application/octet-stream",
        onProgress: (loaded) => onProgress((start + loaded) / file.size),
      });
      received = answer.received;
      onProgress(received / file.size);
      if (failingSince !== null) onRetry(false);
      failingSince = null;
      attempt = 0;
      mismatches = 0;
      if (answer.result) return answer.result;
    } catch (failure) {
      if (failure.status === 409 && Number.isSafeInteger(failure.body?.received)) {
        // The server has more (a chunk whose answer was lost) or less than we thought.
        if (++mismatches > 5) throw failure;
        received = failure.body.received;
        known = true;
        continue;
      }
      if (!isTransient(failure)) throw failure;
      known = false;
      failingSince ??= Date.now();
      if (Date.now() - failingSince > GIVE_UP_MS) {
        throw new Error("接続が切れたまま再開できませんでした。もう一度登録してください");
      }
      onRetry(true);
      await pause(Math.min(FIRST_RETRY_MS * 2 ** attempt++, MAX_RETRY_MS));
    }
  }
}

/** Worth another try: no answer at all, or a server or proxy that is busy or restarting. */
function isTransient(failure) {
  return (
    !(failure instanceof ApiError) ||
    failure.status === 0 ||
    failure.status === 408 ||
    failure.status === 429 ||
    failure.status >= 500
  );
}

/** Waits `ms`, or less when the browser reports that it is online again. */
function pause(ms) {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener("online", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    window.addEventListener("online", done);
  });
}

/** One request with upload progress; JSON answer, errors as ApiError (status 0: no answer). */
function send(method, url, body, { contentType, onProgress }) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader("Accept", "application/json");
    if (contentType) xhr.setRequestHeader("Content-Type", contentType);
    xhr.responseType = "json";
    let stall = setTimeout(() => xhr.abort(), STALL_MS);
    const moved = () => {
      clearTimeout(stall);
      stall = setTimeout(() => xhr.abort(), STALL_MS);
    };
    xhr.upload.addEventListener("progress", (event) => {
      moved();
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    });
    xhr.addEventListener("loadend", () => clearTimeout(stall));
    xhr.addEventListener("load", () => {
      const answer = xhr.response;
      if (xhr.status >= 200 && xhr.status < 300) return resolve(answer);
      if (xhr.status === 401) window.dispatchEvent(new CustomEvent(LOGGED_OUT_EVENT));
      reject(new ApiError(xhr.status, answer));
    });
    for (const type of ["error", "abort", "timeout"]) {
      xhr.addEventListener(type, () => reject(new ApiError(0, null)));
    }
    xhr.send(body);
  });
}
