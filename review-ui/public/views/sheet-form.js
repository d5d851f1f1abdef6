// 区切り紙を印刷: separator sheets (API.md, POST /api/sheets) come back as a PDF, offered as a
// download link (a blob URL) to open and print. The limits are those the sheet's QR code carries.

import { api } from "../api.js";
import { h, messageLine } from "../dom.js";

export function createSheetForm() {
  let pdfUrl = null;
  const batch = h("input", {
    name: "sheet-batch",
    required: true,
    maxLength: 30,
    placeholder: "例: 2023年度 箱12",
    autocomplete: "off",
  });
  const box = h("input", { name: "sheet-box", maxLength: 10, autocomplete: "off" });
  const caseNumber = h("input", { name: "sheet-case", maxLength: 20, autocomplete: "off" });
  const count = h("input", {
    name: "sheet-count",
    type: "number",
    min: 1,
    max: 100,
    step: 1,
    value: "1",
    required: true,
  });
  const error = messageLine();
  const result = h("p", { className: "sheet-result", hidden: true });
  const submit = h("button", { type: "submit" }, "PDF を作成");
  const form = h(
    "form",
    { className: "inline-form sheet-form", onsubmit: create },
    h("label", {}, "バッチ名", batch),
    h("label", {}, "箱番号（任意）", box),
    h("label", {}, "ケース番号（任意）", caseNumber),
    h("label", {}, "枚数", count),
    submit,
    error.element,
  );

  async function create(event) {
    event.preventDefault();
    error.show("");
    const sheets = Number(count.value);
    if (!Number.isInteger(sheets) || sheets < 1 || sheets > 100) {
      return error.show("枚数は 1〜100 にしてください");
    }
    const body = { batch: batch.value.trim(), count: sheets };
    if (box.value.trim()) body.box = box.value.trim();
    if (caseNumber.value.trim()) body.caseNumber = caseNumber.value.trim();
    submit.disabled = true;
    try {
      const pdf = await api.postForFile("/api/sheets", body, "application/pdf");
      offer(pdf, body);
    } catch (failure) {
      result.hidden = true;
      error.show(failure.message || "区切り紙を作成できませんでした");
    } finally {
      submit.disabled = false;
    }
  }

  function offer(pdf, { batch: name, count: sheets }) {
    if (pdfUrl) URL.revokeObjectURL(pdfUrl);
    pdfUrl = URL.createObjectURL(new Blob([pdf], { type: "application/pdf" }));
    const link = h(
      "a",
      { href: pdfUrl, download: `区切り紙 ${name}.pdf`, className: "button-link" },
      "区切り紙 PDF を保存",
    );
    const open = h("a", { href: pdfUrl, target: "_blank", rel: "noopener" }, "開いて印刷");
    result.replaceChildren(`${sheets}枚の区切り紙を作成しました。`, link, open);
    result.hidden = false;
    link.focus();
  }

  return h(
    "section",
    { "aria-labelledby": "sheets-title" },
    h("h2", { id: "sheets-title" }, "区切り紙を印刷"),
    h(
      "p",
      { className: "hint" },
      "ケースファイルの間に挟んでスキャンすると、バッチがケースごとに分かれます。",
    ),
    form,
    result,
  );
}
