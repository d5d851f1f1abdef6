import { writeFile } from "node:fs/promises";
import { renderSeparatorSheets } from "../../ingest/separator-sheets/render-separator-sheets.ts";
import {
  SeparatorSheetValueError,
  separatorSheetRun,
} from "../../ingest/separator-sheets/separator-sheet.ts";
import { loadSheetFont, SheetFontMissingError } from "../../ingest/separator-sheets/sheet-font.ts";

export interface SheetsCommandOptions {
  batch: string;
  agency: string;
  box?: string;
  case?: string;
  /** As typed: commander hands options over as text. */
  count?: string;
  out: string;
}

/**
 * `kamiroku sheets --batch NAME --agency NAME [--box N] [--case NUMBER] [--count N] --out FILE.pdf`:
 * prints separator sheets (区切り紙) as an A4 PDF, serials 1..N.
 */
export async function sheetsCommand(options: SheetsCommandOptions): Promise<number> {
  const count = options.count === undefined ? 1 : Number(options.count);
  try {
    const sheets = separatorSheetRun(
      {
        batch: options.batch,
        agency: options.agency,
        box: options.box ?? null,
        caseNumber: options.case ?? null,
      },
      count,
    );
    await writeFile(options.out, await renderSeparatorSheets(sheets, await loadSheetFont()));
    console.error(
      `区切り紙 ${sheets.length} 枚を ${options.out} に書き出しました（A4、通番 1〜${sheets.length}）`,
    );
    return 0;
  } catch (error) {
    if (error instanceof SeparatorSheetValueError || error instanceof SheetFontMissingError) {
      console.error(`✗ ${error.message}`);
      return 2;
    }
    throw error;
  }
}
