import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";

/**
 * The Japanese font the sheets' text is printed in: IPAexGothic from Debian's fonts-ipaexfont,
 * a named file rather than whatever fontconfig finds, so every machine prints the same sheet.
 * Only the characters used are embedded (a subset), keeping a sheet PDF small.
 */
export const SHEET_FONT = {
  path: "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
  debianPackage: "fonts-ipaexfont-gothic",
} as const;

export class SheetFontMissingError extends Error {
  override name = "SheetFontMissingError";
}

export async function loadSheetFont(path: string = SHEET_FONT.path): Promise<Buffer> {
  if (!existsSync(path)) {
    throw new SheetFontMissingError(
      `区切り紙の印刷に使う日本語フォント ${path} がありません。Debian/Ubuntu では \`apt-get install ${SHEET_FONT.debianPackage}\`（または fonts-ipaexfont）でインストールしてください。`,
    );
  }
  return readFile(path);
}
