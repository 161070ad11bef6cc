// Whether an image holds coded data after its header. A file that is only a header, or is cut off before its
// data, shows nothing, yet its header alone would give it a size. Each check walks its format's structure
// as the dimension parsers do, and is as total over hostile input: bounds-safe reads, loops that always advance.
import { avifHasImageData } from "./avif.ts";
import { gifHasImageData } from "./gif.ts";
import { jpegHasImageData } from "./jpeg.ts";
import { pngHasImageData } from "./png.ts";
import type { ImageExt } from "./sniff.ts";
import { webpHasImageData } from "./webp.ts";

const CHECKS: Record<ImageExt, (b: Uint8Array) => boolean> = {
  jpg: jpegHasImageData,
  png: pngHasImageData,
  gif: gifHasImageData,
  webp: webpHasImageData,
  avif: avifHasImageData,
};

/** Whether an image already sniffed as `ext` holds image data after its header (never decoded, only located). */
export function hasImageData(bytes: Uint8Array, ext: ImageExt): boolean {
  return CHECKS[ext](bytes);
}
