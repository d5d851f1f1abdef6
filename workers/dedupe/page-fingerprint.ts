import sharp from "sharp";

const SIZE = 32;
const KEPT = 8;

/**
 * A 64-bit perceptual hash (pHash) of a page image: the signs of its lowest 8×8 frequencies
 * (DCT of a 32×32 grey thumbnail) against their median. Rescanning, noise, JPEG and small shifts
 * change few bits; another page changes many. As a signed bigint, the database's int8.
 */
export async function pageFingerprint(image: Buffer): Promise<bigint> {
  const pixels = await sharp(image)
    .greyscale()
    .resize(SIZE, SIZE, { fit: "fill", kernel: "cubic" })
    .raw()
    .toBuffer();
  const coefficients = lowFrequencies(pixels);
  // Without the DC term: it only says how dark the page is overall.
  const median =
    [...coefficients.slice(1)].sort((a, b) => a - b)[(coefficients.length - 1) >> 1] ?? 0;
  let hash = 0n;
  for (const value of coefficients) hash = (hash << 1n) | (value > median ? 1n : 0n);
  return BigInt.asIntN(64, hash);
}

/** Bits that differ between two fingerprints. */
export function fingerprintDistance(a: bigint, b: bigint): number {
  let diff = BigInt.asUintN(64, a ^ b);
  let bits = 0;
  while (diff) {
    bits += Number(diff & 1n);
    diff >>= 1n;
  }
  return bits;
}

function lowFrequencies(pixels: Buffer): number[] {
  const cosines = Array.from({ length: KEPT }, (_, u) =>
    Array.from({ length: SIZE }, (_, x) => Math.cos(((2 * x + 1) * u * Math.PI) / (2 * SIZE))),
  );
  const result: number[] = [];
  for (let u = 0; u < KEPT; u++) {
    for (let v = 0; v < KEPT; v++) {
      let sum = 0;
      for (let y = 0; y < SIZE; y++) {
        const cu = cosines[u]?.[y] ?? 0;
        for (let x = 0; x < SIZE; x++)
          sum += cu * (cosines[v]?.[x] ?? 0) * (pixels[y * SIZE + x] ?? 0);
      }
      result.push(sum);
    }
  }
  return result;
}
