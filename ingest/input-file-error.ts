/**
 * A file a clerk handed in that Kamiroku cannot process. The message is written for the clerk
 * (Japanese, what happened and what to do); `code` is stable for programs and tests.
 * It never contains the file's content or name.
 */
export type InputFileErrorCode =
  | "empty"
  | "unsupported_type"
  | "pdf_encrypted"
  | "pdf_damaged"
  | "pdf_no_pages"
  | "image_too_large"
  | "image_damaged"
  | "file_too_large"
  | "separator_sheet_unreadable";

export class InputFileError extends Error {
  override name = "InputFileError";
  constructor(
    readonly code: InputFileErrorCode,
    message: string,
  ) {
    super(message);
  }
}
