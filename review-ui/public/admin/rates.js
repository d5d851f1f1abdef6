import { api } from "../api.js";
import { dataTable, h } from "../dom.js";
import { formatPercent } from "../format.js";
import { DOC_TYPE_LABELS, labelOf } from "../labels.js";

const GROUP_LABELS = { common: "共通", optional: "選択", custom: "独自" };

export async function mountRates(root, { signal }) {
  const { fields } = await api.get("/api/admin/correction-rates");
  if (signal.aborted) return;
  root.replaceChildren(
    h(
      "p",
      { className: "hint" },
      "承認済みの記録で、確認担当者が値を修正した割合です。「自動採用後の修正率」は確認不要と判定された値が修正された割合で、抽出の実際の誤り率を表します。",
    ),
    fields.length
      ? h(
          "div",
          { className: "table-wrap" },
          dataTable(
            [
              { title: "様式", cell: (row) => labelOf(DOC_TYPE_LABELS, row.docType) },
              { title: "区分", cell: (row) => labelOf(GROUP_LABELS, row.group) },
              { title: "項目", cell: (row) => row.label ?? row.key },
              { title: "確認数", className: "number", cell: (row) => String(row.reviewed) },
              { title: "修正数", className: "number", cell: (row) => String(row.corrected) },
              { title: "修正率", className: "number", cell: (row) => formatPercent(row.rate) },
              { title: "自動採用", className: "number", cell: (row) => String(row.autoAccepted) },
              {
                title: "自動採用後の修正率",
                className: "number",
                cell: (row) =>
                  row.autoAccepted
                    ? formatPercent(row.autoAcceptedCorrected / row.autoAccepted)
                    : "—",
              },
            ],
            fields,
          ),
        )
      : h("p", { className: "empty" }, "承認済みの記録はまだありません。"),
  );
}
