/**
 * The benchmark's figures beside their targets, as a table for the terminal and as the `summary`
 * of the JSON results.
 */
import type { Ratio, TallyCounts } from "./accuracy-tally.ts";

export interface Timings {
  generateSeconds: number;
  pipelineSeconds: number;
  tesseractCliSeconds: number;
}

export interface SummaryRow {
  metric: string;
  /**
   * A share (0..1), a difference of shares, a count or seconds, as `unit` says; null when there
   * was nothing to measure.
   */
  value: number | null;
  unit: "share" | "points" | "count" | "seconds";
  detail: string;
  target: string;
  /** null when the figure has no target. */
  met: boolean | null;
}

const share = (ratio: Ratio): number | null =>
  ratio.total === 0 ? null : ratio.correct / ratio.total;
const of = (ratio: Ratio) => `${ratio.correct}/${ratio.total}`;
const atLeast = (value: number | null, target: number) =>
  value === null ? false : value >= target;

/** A share of values read right; `target` null for a row that only helps read another. */
function fieldAccuracy(metric: string, ratio: Ratio, target: number | null = 0.95): SummaryRow {
  return {
    metric,
    value: share(ratio),
    unit: "share",
    detail: of(ratio),
    target: target === null ? "" : `≥ ${target * 100} %`,
    met: target === null ? null : atLeast(share(ratio), target),
  };
}

export function summarise(counts: TallyCounts, timings: Timings): SummaryRow[] {
  const { fields, autoAccept, pageText, longText } = counts;
  const acceptRate = share({ correct: autoAccept.accepted, total: autoAccept.extracted });
  const acceptPrecision = share({
    correct: autoAccept.acceptedCorrect,
    total: autoAccept.accepted,
  });
  const meanCer = longText.fields === 0 ? null : longText.cerSum / longText.fields;
  const printedCer =
    longText.printedFields === 0 ? null : longText.printedCerSum / longText.printedFields;
  const printedAcceptRate = share({
    correct: autoAccept.printedAccepted,
    total: autoAccept.printed,
  });
  const typedAcceptRate = share({ correct: autoAccept.typedAccepted, total: autoAccept.typed });
  const typedPrecision = share({
    correct: autoAccept.typedAcceptedCorrect,
    total: autoAccept.typedAccepted,
  });
  const kamirokuRecall = pageText.pages === 0 ? null : pageText.kamirokuRecallSum / pageText.pages;
  const cliRecall = pageText.pages === 0 ? null : pageText.tesseractCliRecallSum / pageText.pages;
  const recallGain =
    kamirokuRecall === null || cliRecall === null ? null : kamirokuRecall - cliRecall;
  const perPage = counts.pages === 0 ? null : timings.pipelineSeconds / counts.pages;
  return [
    {
      metric: "docType accuracy",
      value: share(counts.docType),
      unit: "share",
      detail: of(counts.docType),
      target: "≥ 98 %",
      met: atLeast(share(counts.docType), 0.98),
    },
    // The issue sets its targets on printed forms: typed values. Handwriting is there to be
    // sent to review, which the row "handwritten accepted wrong" measures; the figures of all
    // values are printed beside them for reading, without a target.
    fieldAccuracy("field accuracy, typed values", fields.typed),
    // For reading the typed figure: a paragraph is right only when every character is.
    fieldAccuracy("    typed short values", fields.typedShort, null),
    fieldAccuracy("    typed paragraphs, exact", fields.typedParagraphs, null),
    fieldAccuracy("  all values, handwriting too", fields.all, null),
    fieldAccuracy("    handwritten values", fields.handwritten, null),
    {
      metric: "auto-accept rate, typed values",
      value: typedAcceptRate,
      unit: "share",
      detail: `${autoAccept.typedAccepted}/${autoAccept.typed} values`,
      target: "≥ 80 %",
      met: atLeast(typedAcceptRate, 0.8),
    },
    ...(
      [
        ["    short values", autoAccept.typedShortAccepted, autoAccept.typedShort],
        ["    paragraphs", autoAccept.typedParagraphsAccepted, autoAccept.typedParagraphs],
      ] as const
    ).map(([metric, accepted, total]) => ({
      metric,
      value: share({ correct: accepted, total }),
      unit: "share" as const,
      detail: `${accepted}/${total} values`,
      target: "",
      met: null,
    })),
    {
      // Items of fields a form does not print are null and, for common fields, in review by the
      // record contract, and handwritten values go to review: both hold this rate down.
      metric: "  all items",
      value: acceptRate,
      unit: "share",
      detail: `${autoAccept.accepted}/${autoAccept.extracted} items`,
      target: "",
      met: null,
    },
    {
      metric: "    of fields the form prints",
      value: printedAcceptRate,
      unit: "share",
      detail: `${autoAccept.printedAccepted}/${autoAccept.printed} items`,
      target: "",
      met: null,
    },
    {
      metric: "auto-accept precision, typed values",
      value: typedPrecision,
      unit: "share",
      detail: `${autoAccept.typedAcceptedCorrect}/${autoAccept.typedAccepted}`,
      target: "≥ 99.5 %",
      met: atLeast(typedPrecision, 0.995),
    },
    {
      // A wrong value accepted is the worst outcome wherever it comes from.
      metric: "  all items",
      value: acceptPrecision,
      unit: "share",
      detail: `${autoAccept.acceptedCorrect}/${autoAccept.accepted}`,
      target: "≥ 99.5 %",
      met: atLeast(acceptPrecision, 0.995),
    },
    {
      metric: "handwritten accepted wrong",
      value: autoAccept.handwrittenAcceptedWrong,
      unit: "count",
      detail: `of ${autoAccept.handwrittenAccepted} accepted, ${fields.handwritten.total} written`,
      target: "0",
      met: autoAccept.handwrittenAcceptedWrong === 0,
    },
    {
      metric: "long-text CER, printed values",
      value: printedCer,
      unit: "share",
      detail: `${longText.printedFields} fields`,
      target: "≤ 2 %",
      met: printedCer !== null && printedCer <= 0.02,
    },
    {
      metric: "  all long text, handwriting too",
      value: meanCer,
      unit: "share",
      detail: `${longText.fields} fields, missing = 100 %`,
      target: "",
      met: null,
    },
    {
      metric: "page-text recall, Kamiroku",
      value: kamirokuRecall,
      unit: "share",
      detail: `${pageText.pages} pages with text`,
      target: "> tesseract CLI",
      met: recallGain !== null && recallGain > 0,
    },
    {
      metric: "page-text recall, tesseract CLI",
      value: cliRecall,
      unit: "share",
      detail: "tesseract page.png - -l jpn",
      target: "",
      met: null,
    },
    {
      metric: "  difference (Kamiroku − CLI)",
      value: recallGain,
      unit: "points",
      detail: "",
      target: "> 0",
      met: recallGain !== null && recallGain > 0,
    },
    {
      metric: "個人番号 leaks",
      value: counts.individualNumbers.leaked,
      unit: "count",
      detail: `of ${counts.individualNumbers.total} printed`,
      target: "0",
      met: counts.individualNumbers.leaked === 0,
    },
    {
      metric: "records for blank pages",
      value: counts.blankPageRecords,
      unit: "count",
      detail: `${counts.blankPages} blank pages`,
      target: "0",
      met: counts.blankPageRecords === 0,
    },
    {
      metric: "seconds per page",
      value: perPage,
      unit: "seconds",
      detail: `${timings.pipelineSeconds.toFixed(0)} s for ${counts.pages} pages`,
      target: "",
      met: null,
    },
  ];
}

function formatValue(row: SummaryRow): string {
  if (row.value === null) return "n/a";
  if (row.unit === "share") return `${(row.value * 100).toFixed(1)} %`;
  if (row.unit === "points")
    return `${row.value >= 0 ? "+" : ""}${(row.value * 100).toFixed(1)} pt`;
  if (row.unit === "seconds") return `${row.value.toFixed(2)} s`;
  return String(row.value);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => displayWidth(row[column] ?? ""))),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell + " ".repeat((widths[column] as number) - displayWidth(cell)))
      .join("  ")
      .trimEnd();
  return [
    line(header),
    widths.map((width) => "-".repeat(width)).join("  "),
    ...rows.map(line),
  ].join("\n");
}

/** Terminal columns: CJK characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 2 : 1;
  return width;
}

const mark = (met: boolean | null) => (met === null ? "" : met ? "✓" : "✗");

export function formatReport(counts: TallyCounts, summary: readonly SummaryRow[]): string {
  const overview = `${counts.files} files, ${counts.pages} pages (${counts.blankPages} blank), ${counts.forms} forms${
    counts.failures.length > 0 ? `, pipeline failed on ${counts.failures.length} file(s)` : ""
  }`;
  const main = table(
    ["metric", "value", "detail", "target", ""],
    summary.map((row) => [row.metric, formatValue(row), row.detail, row.target, mark(row.met)]),
  );
  const ratioRows = (byName: Record<string, Ratio>) =>
    Object.entries(byName)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, ratio]) => [
        name,
        of(ratio),
        share(ratio) === null ? "n/a" : `${((share(ratio) as number) * 100).toFixed(1)} %`,
      ]);
  const byKey = table(["field", "correct", "accuracy"], ratioRows(counts.fields.byKey));
  const byLayout = table(["layout", "correct", "accuracy"], ratioRows(counts.fields.byLayout));
  const confusion = table(
    ["truth docType", "records' docType (count)"],
    Object.entries(counts.docType.confusion).map(([truth, got]) => [
      truth,
      Object.entries(got)
        .map(([docType, count]) => `${docType} ${count}`)
        .join(", "),
    ]),
  );
  const failures = counts.failures.map((failure) => `  ${failure.fileName}: ${failure.message}`);
  return [
    overview,
    "",
    main,
    "",
    byKey,
    "",
    byLayout,
    "",
    confusion,
    ...(failures.length > 0 ? ["", "pipeline failures:", ...failures] : []),
  ].join("\n");
}
