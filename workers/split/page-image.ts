/** One page cut out of a source file, encoded losslessly or as the scanner's own JPEG. */
export interface PageImage {
  /** 1-based position in the source file. */
  pageNumber: number;
  data: Buffer;
  format: "png" | "jpeg";
  width: number;
  height: number;
  /** How the page was obtained: the embedded scan image copied as is, or a rendering. */
  method: "embedded-image" | "decoded-image" | "rendered";
}
