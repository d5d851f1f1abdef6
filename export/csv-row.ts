/**
 * Characters that make a spreadsheet read a cell as a formula (or, tab and CR, that some strip
 * before looking for one). OCR text is untrusted: a form reading =HYPERLINK(…) must stay text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Excel takes a CSV without it for Shift_JIS and garbles every Japanese character. */
const UTF8_BOM = "\uFEFF";
const LINE_END = "\r\n";

/** A CSV file as Excel opens it in Japan: UTF-8 with BOM, RFC 4180, CRLF line ends. */
export function csvFile(rows: readonly (readonly string[])[]): Buffer {
  return Buffer.from(UTF8_BOM + rows.map((cells) => csvRow(cells) + LINE_END).join(""), "utf8");
}

/** One CSV line (RFC 4180), without its line end. */
export function csvRow(cells: readonly string[]): string {
  return cells.map(csvCell).join(",");
}

/** A leading ' keeps a would-be formula as text; quotes around a cell with " , or a line break. */
function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}
