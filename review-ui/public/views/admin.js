// Administration: one tab per section, each section its own module under admin/.

import { mountAgencies } from "../admin/agencies.js";
import { mountAudit } from "../admin/audit.js";
import { mountDeliveries } from "../admin/deliveries.js";
import { mountRates } from "../admin/rates.js";
import { mountTokens } from "../admin/tokens.js";
import { mountUsers } from "../admin/users.js";
import { h } from "../dom.js";

const SECTIONS = [
  { name: "users", title: "利用者", mount: mountUsers },
  { name: "agencies", title: "機関", mount: mountAgencies },
  { name: "tokens", title: "APIトークン", mount: mountTokens },
  { name: "audit", title: "監査ログ", mount: mountAudit },
  { name: "rates", title: "項目別修正率", mount: mountRates },
  { name: "deliveries", title: "送信の失敗", mount: mountDeliveries },
];

export async function mountAdmin(root, { signal, params: [name], setTitle }) {
  const section = SECTIONS.find((candidate) => candidate.name === name) ?? SECTIONS[0];
  setTitle(`管理 — ${section.title}`);
  const tabs = h(
    "nav",
    { className: "tabs", "aria-label": "管理メニュー" },
    SECTIONS.map((candidate) =>
      h(
        "a",
        {
          href: `#/admin/${candidate.name}`,
          className: "tab",
          "aria-current": candidate === section ? "page" : null,
        },
        candidate.title,
      ),
    ),
  );
  const body = h("section", { className: "admin-section", "aria-label": section.title });
  root.replaceChildren(h("h2", {}, "管理"), tabs, body);
  await section.mount(body, { signal });
}
