// PNG (ISO/IEC 15948, the W3C PNG specification): the size from IHDR, and whether IDAT follows it.
import { fourcc, u32be } from "./bytes.ts";
import { dimensions, type Dimensions } from "./size.ts";

// §11.2.2: the first chunk is IHDR (length 13), width and height as big-endian 32-bit.
export function pngDimensions(b: Uint8Array): Dimensions | null {
  if (u32be(b, 8) !== 13 || fourcc(b, 12) !== "IHDR" || b.length < 24) return null;
  return dimensions(u32be(b, 16), u32be(b, 20));
}

/**
 * §5.3: after the signature, chunks of length (at most 2^31-1), type, data and CRC, up to IEND (§11.2.5).
 * The image data is in IDAT chunks (§11.2.4): at least one must hold bytes, and every chunk up to and
 * including IEND must fit in the file, so a file cut off anywhere before its end is refused.
 */
export function pngHasImageData(b: Uint8Array): boolean {
  let idat = false;
  let at = 8;
  while (at + 12 <= b.length) {
    const length = u32be(b, at);
    const type = fourcc(b, at + 4);
    if (length > 0x7fffffff || at + 12 + length > b.length) return false;
    if (type === "IEND") return idat;
    if (type === "IDAT" && length > 0) idat = true;
    at += 12 + length;
  }
  return false;
}
