// JPEG width and height: walk the marker segments to the first frame header (SOFn), and apply the EXIF
// orientation so a phone photo stored sideways reports the size it is displayed at (browsers rotate it).
// Whether it holds image data: a scan after that frame header, with entropy-coded bytes after the scan's header.
import { fourcc, u16be, u16le, u32be, u32le } from "./bytes.ts";
import { dimensions, type Dimensions } from "./size.ts";

// ITU T.81 Table B.1: C0–CF are frame headers except C4 (DHT), C8 (JPG extension) and CC (DAC).
const isFrameHeader = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
// Markers without a length: TEM, RST0–7, SOI.
const isStandalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd8);

type Segment = { marker: number; start: number; end: number }; // start: the 2-byte length, which counts itself

// T.81 §B.1.1: markers, each but the standalone ones followed by a length and that many bytes. Ends at EOI,
// at a segment that does not fit, or after the first scan header (SOS), since entropy-coded data follows it.
function* segments(b: Uint8Array): Generator<Segment> {
  let at = 2;
  while (at < b.length) {
    // Stray bytes before a marker are skipped, as libjpeg does ("extraneous bytes before marker");
    // then any number of 0xFF fill bytes (T.81 §B.1.1.2).
    while (at < b.length && b[at] !== 0xff) at++;
    while (b[at] === 0xff) at++;
    const marker = b[at++];
    if (marker === undefined || marker === 0xd9) return;
    if (isStandalone(marker)) continue;
    const length = u16be(b, at);
    if (length < 2 || at + length > b.length) return;
    yield { marker, start: at, end: at + length };
    if (marker === 0xda) return;
    at += length;
  }
}

export function jpegDimensions(b: Uint8Array): Dimensions | null {
  let orientation = 1;
  for (const { marker, start, end } of segments(b)) {
    // Scan data before any frame header: there is no size to find.
    if (marker === 0xda) return null;
    if (isFrameHeader(marker)) {
      // length, precision (1 byte), then height and width; a height of 0 (defined later by DNL) is not supported
      if (end - start < 7) return null;
      const height = u16be(b, start + 3);
      const width = u16be(b, start + 5);
      return orientation >= 5 ? dimensions(height, width) : dimensions(width, height);
    }
    if (marker === 0xe1) orientation = exifOrientation(b.subarray(start + 2, end)) ?? orientation;
  }
  return null;
}

/**
 * T.81 §B.2.1: a frame header, then scans. The image holds data when a scan header (SOS, §B.2.3: length
 * 6 + 2 × its component count) follows the frame header and at least one entropy-coded byte follows it
 * (§B.1.1.5: a 0xFF there is data only when stuffed with 0x00; otherwise it starts a marker, such as EOI).
 */
export function jpegHasImageData(b: Uint8Array): boolean {
  let frame = false;
  for (const { marker, start, end } of segments(b)) {
    if (isFrameHeader(marker)) frame = true;
    if (marker !== 0xda) continue;
    const components = b[start + 2] ?? 0;
    if (!frame || components === 0 || end - start < 6 + 2 * components) return false;
    const first = b[end];
    return first !== undefined && (first !== 0xff || b[end + 1] === 0x00);
  }
  return false;
}

// EXIF 2.3 §4.5.4 (a TIFF structure after "Exif\0\0"): tag 0x0112 in IFD0; 5–8 mean the image is turned 90°.
function exifOrientation(app1: Uint8Array): number | null {
  if (fourcc(app1, 0) !== "Exif" || u16be(app1, 4) !== 0) return null;
  const tiff = app1.subarray(6);
  const order = u16be(tiff, 0);
  if (order !== 0x4949 && order !== 0x4d4d) return null;
  const little = order === 0x4949;
  const u16 = (i: number) => (little ? u16le(tiff, i) : u16be(tiff, i));
  const u32 = (i: number) => (little ? u32le(tiff, i) : u32be(tiff, i));
  if (u16(2) !== 42) return null;
  const ifd = u32(4);
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return null;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}
