import {
  PDFContext,
  PDFCrossRefSection,
  PDFHeader,
  type PDFObject,
  type PDFRef,
  PDFTrailer,
  PDFTrailerDict,
} from "pdf-lib";

/** What pdf-lib can write into a buffer: objects and the parts of a file around them. */
interface Serialisable {
  sizeInBytes(): number;
  copyBytesInto(buffer: Uint8Array, offset: number): number;
}

/**
 * A PDF serialised an object at a time, as soon as each object is complete, so that what is
 * serialised can be let go. pdf-lib's own writers lay out the whole document in one buffer at
 * the end, which keeps every page image of a long file in memory until then. The bytes are those
 * of pdf-lib's `PDFWriter` (header, `n 0 obj … endobj`, a classic xref table, the trailer), only
 * produced piecemeal: the caller writes out each piece in the order it got them, since the
 * offsets in the xref table count them in that order.
 */
export class StreamingPdf {
  /**
   * Builds objects, and holds those complete only at the end (a font whose maps list every
   * character used, the page tree, the catalog) until `end` serialises them.
   */
  readonly context = PDFContext.create();
  /** Where each serialised object starts: the only thing kept of it. */
  private readonly offsets: [PDFRef, number][] = [];
  private position = 0;

  /** The first bytes of the file: the version, and a comment of bytes over 127 to mark it binary. */
  header(): Uint8Array {
    return this.track(concat([PDFHeader.forVersion(1, 7), "\n\n"]));
  }

  /**
   * `object` as the next indirect object, under a new reference. It is not registered in the
   * context, so once the caller has written out the bytes nothing here holds it.
   */
  object(object: PDFObject): { ref: PDFRef; bytes: Uint8Array } {
    const ref = this.context.nextRef();
    return { ref, bytes: this.indirect(ref, object) };
  }

  /**
   * The last bytes of the file: the objects left in the context, the xref table and the trailer.
   * The trailer has no /Info, so no creation date: the same objects give the same bytes.
   */
  end(): Uint8Array {
    const { context } = this;
    const root = context.trailerInfo.Root;
    if (!root) throw new Error("a PDF needs a catalog: set context.trailerInfo.Root");
    const objects = context.enumerateIndirectObjects().map(([ref, object]) => {
      return this.indirect(ref, object);
    });
    // The cross-reference section takes its entries by ascending object number, while the
    // objects kept for the end were numbered before most of those written out page by page.
    const xref = PDFCrossRefSection.create();
    const offsets = [...this.offsets].sort(([a], [b]) => a.objectNumber - b.objectNumber);
    for (const [ref, offset] of offsets) xref.addEntry(ref, offset);
    const trailer = PDFTrailerDict.of(
      context.obj({ Size: context.largestObjectNumber + 1, Root: root }),
    );
    const xrefOffset = this.position;
    return concat([
      ...objects,
      xref,
      "\n",
      trailer,
      "\n\n",
      PDFTrailer.forLastCrossRefSectionOffset(xrefOffset),
    ]);
  }

  private indirect(ref: PDFRef, object: PDFObject): Uint8Array {
    const bytes = concat([
      `${ref.objectNumber} ${ref.generationNumber} obj\n`,
      object,
      "\nendobj\n\n",
    ]);
    this.offsets.push([ref, this.position]);
    return this.track(bytes);
  }

  private track(bytes: Uint8Array): Uint8Array {
    this.position += bytes.length;
    return bytes;
  }
}

/** PDF syntax outside strings and streams is ASCII, so latin1 is byte for byte. */
function concat(parts: (Serialisable | Uint8Array | string)[]): Buffer {
  return Buffer.concat(
    parts.map((part) => {
      if (typeof part === "string") return Buffer.from(part, "latin1");
      if (part instanceof Uint8Array) return part;
      const bytes = Buffer.alloc(part.sizeInBytes());
      part.copyBytesInto(bytes, 0);
      return bytes;
    }),
  );
}
