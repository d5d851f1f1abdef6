import { Writable } from "node:stream";
import { type SearchablePdfPage, writeSearchablePdf } from "../../export/searchable-pdf.ts";

/** A stream that keeps what is written to it, readable while writing is still going on. */
export class MemorySink extends Writable {
  private readonly chunks: Buffer[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk);
    done();
  }

  /** Everything written so far. */
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** The searchable PDF of `pages`, written as the pipeline writes it, for a test to read. */
export async function writtenSearchablePdf(
  pages: Iterable<SearchablePdfPage> | AsyncIterable<SearchablePdfPage>,
): Promise<Buffer> {
  const sink = new MemorySink();
  await writeSearchablePdf(pages, sink);
  return sink.bytes();
}
