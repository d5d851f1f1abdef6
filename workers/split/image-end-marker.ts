/**
 * Whether an encoded image's data runs to its end marker. A scan cut short by a failed upload
 * or a full disk still has an intact header, so only the end tells; these walks read the
 * structure and never decode pixels.
 */

const END_OF_IMAGE = Buffer.from([0xff, 0xd9]);
const START_OF_SCAN = 0xda;

export function jpegReachesEnd(jpeg: Uint8Array): boolean {
  const bytes = Buffer.from(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return false;
  // Skip the header segments (an EXIF thumbnail in them has its own end marker); after the
  // first start-of-scan, FF D9 can only be the real end, as 0xFF in compressed data is
  // always followed by 0x00 or a restart marker.
  let position = 2;
  while (position + 4 <= bytes.length) {
    if (bytes[position] !== 0xff) return false;
    const marker = bytes[position + 1] as number;
    if (marker === START_OF_SCAN) return bytes.indexOf(END_OF_IMAGE, position) !== -1;
    if (marker === 0xff) position += 1;
    else if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) position += 2;
    else position += 2 + bytes.readUInt16BE(position + 2);
  }
  return false;
}

export function pngReachesEnd(png: Uint8Array): boolean {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  let position = 8; // after the signature
  while (position + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(position);
    if (bytes.toString("latin1", position + 4, position + 8) === "IEND") return true;
    position += 12 + length; // length, type, data, CRC
  }
  return false;
}
