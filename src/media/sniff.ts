// Decides an upload's image type from its first bytes alone; the filename and Content-Type header are never trusted.
import { ascii, bytesAt, fourcc, u32be } from "./bytes.ts";

export const IMAGE_TYPES = {
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
  avif: "image/avif",
} as const;

export type ImageExt = keyof typeof IMAGE_TYPES;
export type ImageType = { ext: ImageExt; contentType: (typeof IMAGE_TYPES)[ImageExt] };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

// ISO/IEC 14496-12 §4.3: the file starts with `ftyp`: major brand, minor version, then compatible brands.
// AVIF (AV1 Image File Format §9.1) puts `avif` (still) or `avis` (sequence) among them.
function isAvif(bytes: Uint8Array): boolean {
  if (fourcc(bytes, 4) !== "ftyp") return false;
  const size = u32be(bytes, 0);
  if (size < 16) return false;
  const isAvifBrand = (at: number) => fourcc(bytes, at) === "avif" || fourcc(bytes, at) === "avis";
  if (isAvifBrand(8)) return true;
  const end = Math.min(size, bytes.length);
  for (let at = 16; at + 4 <= end; at += 4) if (isAvifBrand(at)) return true;
  return false;
}

function sniffExt(bytes: Uint8Array): ImageExt | null {
  if (bytesAt(bytes, 0, [0xff, 0xd8, 0xff])) return "jpg";
  if (bytesAt(bytes, 0, PNG_SIGNATURE)) return "png";
  if (bytesAt(bytes, 0, ascii("GIF87a")) || bytesAt(bytes, 0, ascii("GIF89a"))) return "gif";
  if (fourcc(bytes, 0) === "RIFF" && fourcc(bytes, 8) === "WEBP") return "webp";
  if (isAvif(bytes)) return "avif";
  return null;
}

/** The image type of these bytes, or null when they are none of the five accepted formats. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const ext = sniffExt(bytes);
  return ext ? { ext, contentType: IMAGE_TYPES[ext] } : null;
}
