// Upload form with a drop zone and one progress bar per file. Files go one after another, so a
// broken file fails alone and the bars move in order; large ones are sent in resumable chunks
// (upload.js) and go on by themselves after a dropped connection.

import { h, messageLine } from "../dom.js";
import { uploadFile } from "../upload.js";

const ACCEPT = ".pdf,.tif,.tiff,.jpg,.jpeg,.png,application/pdf,image/tiff,image/jpeg,image/png";

export function createUploadForm({ onUploaded }) {
  let chosen = [];
  const batchName = h("input", {
    name: "batch",
    required: true,
    maxLength: 200,
    placeholder: "例: 2023年度 箱12",
    autocomplete: "off",
  });
  const picker = h("input", { type: "file", name: "files", multiple: true, accept: ACCEPT });
  const dropZone = h(
    "div",
    { className: "drop-zone" },
    h("p", {}, "ここにファイルをドラッグ＆ドロップ"),
    h("label", {}, "またはファイルを選択 (PDF, TIFF, JPEG, PNG)", picker),
  );
  const list = h("ul", { className: "upload-list" });
  const error = messageLine();
  const submit = h("button", { type: "submit", className: "primary" }, "登録する");
  const form = h(
    "form",
    { className: "upload-form", onsubmit: send },
    h("label", {}, "バッチ名", batchName),
    dropZone,
    list,
    error.element,
    submit,
  );

  picker.addEventListener("change", () => choose([...picker.files]));
  dropZone.addEventListener("dragover", (event) => {
    event.preventDefault();
    dropZone.classList.add("over");
  });
  dropZone.addEventListener("dragleave", () => dropZone.classList.remove("over"));
  dropZone.addEventListener("drop", (event) => {
    event.preventDefault();
    dropZone.classList.remove("over");
    choose([...event.dataTransfer.files]);
  });

  function choose(files) {
    chosen = files.map((file) => {
      const bar = h("progress", { max: 1, value: 0, "aria-label": file.name });
      const state = h("span", { className: "upload-state" }, "待機");
      const item = h("li", {}, h("span", { className: "file-name" }, file.name), bar, state);
      return { file, bar, state, item };
    });
    list.replaceChildren(...chosen.map((entry) => entry.item));
  }

  async function send(event) {
    event.preventDefault();
    error.show("");
    if (!chosen.length) return error.show("ファイルを選んでください");
    submit.disabled = true;
    for (const entry of chosen) {
      entry.state.textContent = "送信中";
      try {
        const result = await uploadFile(
          batchName.value,
          entry.file,
          (ratio) => {
            entry.bar.value = ratio;
          },
          {
            onRetry: (waiting) => {
              entry.state.textContent = waiting
                ? "送信中（接続が切れました。再開します…）"
                : "送信中";
            },
          },
        );
        entry.bar.value = 1;
        entry.state.textContent = resultText(result);
        entry.item.classList.toggle("failed", result.status === "failed");
      } catch (failure) {
        entry.state.textContent = failure.message;
        entry.item.classList.add("failed");
      }
      onUploaded();
    }
    chosen = [];
    picker.value = "";
    submit.disabled = false;
  }

  return h(
    "section",
    { "aria-labelledby": "upload-title" },
    h("h2", { id: "upload-title" }, "スキャンファイルの登録"),
    form,
  );
}

function resultText(result) {
  if (result.status === "failed") return result.message ?? "登録できませんでした";
  if (result.status === "duplicate") return "登録済みのファイルと同じ内容です（重複）";
  return "登録しました";
}
