import { PDFDict, PDFName, type PDFPage, PDFRawStream } from "pdf-lib";

const XOBJECT = PDFName.of("XObject");
const SUBTYPE = PDFName.of("Subtype");
const IMAGE = PDFName.of("Image");

/**
 * The image XObjects in a page's own resources, by resource name (as `Do` refers to them).
 * Form XObjects are not followed: a page that draws through one is rendered instead.
 */
export function pageImageXObjects(page: PDFPage): Map<string, PDFRawStream> {
  const images = new Map<string, PDFRawStream>();
  const xobjects = page.node.Resources()?.lookup(XOBJECT);
  if (!(xobjects instanceof PDFDict)) return images;
  for (const [name, ref] of xobjects.entries()) {
    const xobject = page.doc.context.lookup(ref);
    if (xobject instanceof PDFRawStream && xobject.dict.lookup(SUBTYPE) === IMAGE) {
      images.set(name.decodeText(), xobject);
    }
  }
  return images;
}
