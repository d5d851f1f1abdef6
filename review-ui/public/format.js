// Display formats shared by the views.

const dateTime = new Intl.DateTimeFormat("ja-JP", {
  dateStyle: "short",
  timeStyle: "short",
  timeZone: "Asia/Tokyo",
});

export function formatDateTime(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : dateTime.format(date);
}

export function formatPercent(ratio) {
  return typeof ratio === "number" ? `${Math.round(ratio * 1000) / 10}%` : "—";
}

export function formatPages(pages) {
  if (!pages?.length) return "";
  const numbers = pages.map((page) => (typeof page === "number" ? page : page.number));
  return numbers.length > 1 ? `${numbers[0]}–${numbers[numbers.length - 1]}` : String(numbers[0]);
}
