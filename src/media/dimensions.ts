// Width and height from an image's header, without decoding it: pages reserve the space before the image loads.
// Every parser is total over hostile input: reads are bounds-safe (bytes.ts), loops always advance, and
// anything truncated or inconsistent yields null rather than a guess.
import { bytesAt, fourcc, u16le, u24le, u32be } from "./bytes.ts";
import { avifDimensions } from "./avif.ts";
import { jpegDimensions } from "./jpeg.ts";
import { dimensions, type Dimensions } from "./size.ts";
import type { ImageExt } from "./sniff.ts";

export type { Dimensions };

// PNG §11.2.2: the first chunk is IHDR (length 13), width and height as big-endian 32-bit.
function pngDimensions(b: Uint8Array): Dimensions | null {
  if (u32be(b, 8) !== 13 || fourcc(b, 12) !== "IHDR" || b.length < 24) return null;
  return dimensions(u32be(b, 16), u32be(b, 20));
}

// GIF89a §18: the logical screen descriptor follows the 6-byte signature, little-endian.
function gifDimensions(b: Uint8Array): Dimensions | null {
  return b.length < 10 ? null : dimensions(u16le(b, 6), u16le(b, 8));
}

// RFC 9649 (WebP): after "RIFF" size "WEBP" comes the first chunk, whose payload starts at 20.
function webpDimensions(b: Uint8Array): Dimensions | null {
  if (b.length < 30) return null;
  switch (fourcc(b, 12)) {
    case "VP8 ": // lossy: a 3-byte frame tag, the start code 9d 01 2a, then 14-bit width and height (RFC 6386 §9.1)
      if (!bytesAt(b, 23, [0x9d, 0x01, 0x2a])) return null;
      return dimensions(u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
    case "VP8L": {
      // lossless: signature 0x2f, then width-1 and height-1 in 14 bits each, least significant first
      if (b[20] !== 0x2f) return null;
      const bits = u16le(b, 21) | (u16le(b, 23) << 16);
      return dimensions((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
    }
    case "VP8X": // extended: flags and reserved (4 bytes), then canvas width-1 and height-1 in 24 bits each
      return dimensions(u24le(b, 24) + 1, u24le(b, 27) + 1);
    default:
      return null;
  }
}

const PARSERS: Record<ImageExt, (b: Uint8Array) => Dimensions | null> = {
  jpg: jpegDimensions,
  png: pngDimensions,
  gif: gifDimensions,
  webp: webpDimensions,
  avif: avifDimensions,
};

/** Display width and height of an image already sniffed as `ext`, or null when its header is unreadable. */
export function imageDimensions(bytes: Uint8Array, ext: ImageExt): Dimensions | null {
  return PARSERS[ext](bytes);
}
