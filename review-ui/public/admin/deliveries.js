// Webhook deliveries to the platform that failed after their last attempt: shown with the last
// error, and sent again on request (same idempotency key, so the platform drops a repeat).

import { api } from "../api.js";
import { dataTable, h } from "../dom.js";
import { formatDateTime } from "../format.js";
import { notify } from "../notice.js";

export async function mountDeliveries(root, { signal }) {
  const listArea = h("div", { className: "table-wrap" });
  root.replaceChildren(
    h(
      "p",
      { className: "hint" },
      "プラットフォームへの送信（Webhook）で、再試行を使い切って失敗したものです。",
    ),
    listArea,
  );
  await refresh();

  async function refresh() {
    const { deliveries } = await api.get("/api/admin/deliveries?status=failed");
    if (signal.aborted) return;
    listArea.replaceChildren(
      deliveries.length
        ? dataTable(
            [
              { title: "記録", cell: (delivery) => delivery.recordId ?? "" },
              { title: "版", cell: (delivery) => String(delivery.version ?? "") },
              { title: "試行回数", cell: (delivery) => String(delivery.attempts) },
              { title: "最後のエラー", cell: (delivery) => delivery.lastError ?? "" },
              { title: "最終試行", cell: (delivery) => formatDateTime(delivery.updatedAt) },
              { title: "操作", cell: retryButton },
            ],
            deliveries,
          )
        : h("p", { className: "empty" }, "失敗した送信はありません。"),
    );
  }

  function retryButton(delivery) {
    const button = h("button", { type: "button", className: "small" }, "再送");
    button.addEventListener("click", async () => {
      button.disabled = true;
      try {
        await api.post(`/api/admin/deliveries/${encodeURIComponent(delivery.id)}/retry`);
        notify("再送を予約しました。");
        await refresh();
      } catch (failure) {
        button.disabled = false;
        notify(failure.message, "error");
      }
    });
    return button;
  }
}
