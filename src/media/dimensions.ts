// Width and height from an image's header, without decoding it: pages reserve the space before the image loads.
// Every parser is total over hostile input: reads are bounds-safe (bytes.ts), loops always advance, and
// anything truncated or inconsistent yields null rather than a guess.
import { avifDimensions } from "./avif.ts";
import { gifDimensions } from "./gif.ts";
import { jpegDimensions } from "./jpeg.ts";
import { pngDimensions } from "./png.ts";
import type { Dimensions } from "./size.ts";
import type { ImageExt } from "./sniff.ts";
import { webpDimensions } from "./webp.ts";

export type { Dimensions };

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
