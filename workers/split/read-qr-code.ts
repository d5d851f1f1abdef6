import jsQR from "jsqr";
import type { GreyImage } from "./grey-image.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads the QR code on a grey image (jsQR, Apache-2.0, pure JavaScript): its content as UTF-8
 * text, "undecodable" when a code was found but its bytes are not text, or null when no code
 * could be read at all.
 */
export function readQrCode(image: GreyImage): string | "undecodable" | null {
  const { pixels, width, height } = image;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, j = 0; i < pixels.length; i++, j += 4) {
    const grey = pixels[i] as number;
    rgba[j] = grey;
    rgba[j + 1] = grey;
    rgba[j + 2] = grey;
    rgba[j + 3] = 255;
  }
  // Printed codes are dark on light: trying the inverted image as well would double the time.
  // `.default`: jsqr is CommonJS and exports the function both as the module and as its default.
  const code = jsQR.default(rgba, width, height, { inversionAttempts: "dontInvert" });
  if (!code) return null;
  try {
    return utf8.decode(Uint8Array.from(code.binaryData));
  } catch {
    return "undecodable";
  }
}
