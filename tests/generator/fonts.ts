/**
 * The Japanese typefaces forms are printed in. They are registered from named Debian font files
 * rather than whatever fontconfig finds, so renders are identical on every machine that has
 * those packages, and a missing package fails loudly instead of falling back to tofu.
 */
import { existsSync } from "node:fs";
import { GlobalFonts } from "@napi-rs/canvas";

export type FontStyle = "gothic" | "mincho";

/** Handwriting-like faces for values written in by hand: 瀬戸フォント and きろ字. */
export type HandFont = "seto" | "kiloji";

interface FontFile {
  path: string;
  family: string;
  debianPackage: string;
}

const NOTO_SANS_CJK: FontFile = {
  path: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
  family: "Noto Sans CJK JP",
  debianPackage: "fonts-noto-cjk",
};
const IPAEX_GOTHIC: FontFile = {
  path: "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
  family: "IPAexGothic",
  debianPackage: "fonts-ipaexfont",
};
const IPAEX_MINCHO: FontFile = {
  path: "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf",
  family: "IPAexMincho",
  debianPackage: "fonts-ipaexfont",
};

const HAND_FONTS: Record<HandFont, FontFile> = {
  seto: {
    path: "/usr/share/fonts/truetype/seto/setofont.ttf",
    family: "SetoFont",
    debianPackage: "fonts-seto",
  },
  kiloji: {
    path: "/usr/share/fonts/truetype/kiloji/kiloji.ttf",
    family: "kiloji",
    debianPackage: "fonts-kiloji",
  },
};

/** CSS family names for the parts of a form. */
export interface FormFonts {
  /** Printed form template: title, labels, headings. */
  template: string;
  /** What the clerk typed into the form. */
  filledIn: string;
}

const registered = new Set<string>();

function register(font: FontFile): string {
  if (registered.has(font.path)) return font.family;
  if (!existsSync(font.path)) {
    throw new Error(
      `Font file ${font.path} is missing: install the Debian package ${font.debianPackage} (apt-get install ${font.debianPackage})`,
    );
  }
  if (!GlobalFonts.registerFromPath(font.path) || !GlobalFonts.has(font.family)) {
    throw new Error(`Font file ${font.path} did not register as "${font.family}"`);
  }
  registered.add(font.path);
  return font.family;
}

/**
 * Gothic forms mix the two gothic faces (template in IPAex, typed values in Noto) as a Word
 * template filled in on another PC would; mincho forms are mincho throughout, as older ones are.
 */
export function formFonts(style: FontStyle): FormFonts {
  if (style === "mincho") {
    const mincho = register(IPAEX_MINCHO);
    return { template: mincho, filledIn: mincho };
  }
  return { template: register(IPAEX_GOTHIC), filledIn: register(NOTO_SANS_CJK) };
}

export function handFont(hand: HandFont): string {
  return register(HAND_FONTS[hand]);
}

export function cssFont(family: string, sizePx: number): string {
  return `${sizePx.toFixed(2)}px "${family}"`;
}
