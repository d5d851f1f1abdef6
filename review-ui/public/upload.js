// One file per request through XMLHttpRequest: fetch() cannot report upload progress.

import { csrfHeaders } from "./api.js";

/** Resolves with the server's answer for the file ({ fileName, status, code?, message? }). */
export function uploadFile(batchName, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/uploads?batch=${encodeURIComponent(batchName)}`);
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.responseType = "json";
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener("load", () => {
      const body = xhr.response;
      if (xhr.status >= 200 && xhr.status < 300 && body?.files?.[0]) resolve(body.files[0]);
      else reject(new Error(body?.error ?? `アップロードに失敗しました (${xhr.status})`));
    });
    xhr.addEventListener("error", () => reject(new Error("サーバーに接続できません")));
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
}
