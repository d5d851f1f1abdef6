import { PDFDocument } from "pdf-lib";
import { damagedPdf, encryptedPdf } from "./refusals.ts";

/** The spec asks for %%EOF in the last 1024 bytes; some writers append a little padding. */
const EOF_WINDOW = 2048;
const EOF_MARKER = Buffer.from("%%EOF", "latin1");

/**
 * Parses a PDF with pdf-lib, turning every way it can fail into a refusal the clerk can act on.
 * The end marker is checked first because pdf-lib happily parses the first half of a PDF cut
 * in two, and would hand back a document that merely lacks pages.
 */
export async function loadPdf(bytes: Buffer): Promise<PDFDocument> {
  if (!bytes.subarray(-EOF_WINDOW).includes(EOF_MARKER)) throw damagedPdf();
  let document: PDFDocument;
  try {
    // pdf-lib's EncryptedPDFError cannot be told apart with instanceof (its transpiled error
    // classes lose their prototype), so encryption is read off the parsed document instead.
    document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  } catch {
    throw damagedPdf();
  }
  if (document.isEncrypted) throw encryptedPdf();
  try {
    // The page tree is walked lazily; a broken one should fail here, not halfway through.
    document.getPages();
  } catch {
    throw damagedPdf();
  }
  return document;
}
