import express from "express";
import { renderSeparatorSheets } from "../../ingest/separator-sheets/render-separator-sheets.ts";
import {
  SeparatorSheetValueError,
  separatorSheetRun,
} from "../../ingest/separator-sheets/separator-sheet.ts";
import { loadSheetFont } from "../../ingest/separator-sheets/sheet-font.ts";
import { allowedPerson } from "../auth/authenticate.ts";
import { badRequest } from "../http-error.ts";

/** Sheets printed from the UI never exceed what a clerk puts in one box. */
const MAX_SHEETS_FROM_UI = 100;

/**
 * POST /api/sheets: separator sheets (区切り紙) as a PDF, for the clerk's own agency. The case
 * number travels in the body, not the URL: URLs end up in proxy and browser logs.
 */
export function sheetRoutes() {
  const router = express.Router();
  router.post("/sheets", async (request, response) => {
    const actor = allowedPerson(response, "upload");
    const { batch, box, caseNumber, count } = request.body ?? {};
    const optional = (value: unknown) =>
      typeof value === "string" && value.trim() ? value.trim() : null;
    if (typeof batch !== "string") throw badRequest("バッチ名を入力してください");
    if (!Number.isInteger(count) || count < 1 || count > MAX_SHEETS_FROM_UI) {
      throw badRequest(`枚数は 1〜${MAX_SHEETS_FROM_UI} の整数にしてください`);
    }
    let sheets: ReturnType<typeof separatorSheetRun>;
    try {
      sheets = separatorSheetRun(
        {
          batch: batch.trim(),
          agency: actor.user.agency.name,
          box: optional(box),
          caseNumber: optional(caseNumber),
        },
        count,
      );
    } catch (error) {
      if (error instanceof SeparatorSheetValueError) throw badRequest(error.message);
      throw error;
    }
    const pdf = await renderSeparatorSheets(sheets, await loadSheetFont());
    response.type("application/pdf");
    response.set("Content-Disposition", 'attachment; filename="separator-sheets.pdf"');
    response.send(Buffer.from(pdf));
  });
  return router;
}
