// The pure parts of images: type sniffing, header dimensions, and the conditional/range header rules.
import { describe, expect, it } from "vitest";
import { imageDimensions } from "../src/media/dimensions.ts";
import { contentRange, ifRangeHolds, noneMatch, parseRange, strongEtag } from "../src/http/conditional.ts";
import { sniffImageType } from "../src/media/sniff.ts";
import * as images from "./fixtures/images.ts";

const text = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));
const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const box = (type: string, ...content: (Uint8Array | number[])[]) => {
  const body = concat(...content);
  return concat(be32(8 + body.length), text(type), body);
};

const REAL = images.KNOWN;

describe("sniffImageType", () => {
  it.each(REAL)("recognises %s", (_, make, ext, contentType) => {
    expect(sniffImageType(make())).toEqual({ ext, contentType });
  });

  it("recognises AVIF when avif is only a compatible brand", () => {
    const file = images.avif();
    file.set(text("mif1"), 8);
    expect(sniffImageType(file)?.ext).toBe("avif");
  });

  it("recognises an AVIF image sequence (avis)", () => {
    expect(sniffImageType(box("ftyp", text("avis"), be32(0), text("msf1")))?.ext).toBe("avif");
  });

  it.each([
    ["an empty file", new Uint8Array()],
    ["two bytes of a JPEG marker", Uint8Array.of(0xff, 0xd8)],
    ["a script", text("#!/bin/sh\nrm -rf /\n")],
    ["JavaScript", text("alert(document.cookie)")],
    ["HTML", text("<!doctype html><script>alert(1)</script>")],
    ["SVG", text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ["SVG with an XML declaration", text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')],
    ["a WAV file (RIFF but not WEBP)", concat(text("RIFF"), be32(4), text("WAVE"))],
    ["a HEIC file (ftyp without an AVIF brand)", box("ftyp", text("heic"), be32(0), text("mif1heic"))],
    ["an MP4", box("ftyp", text("isom"), be32(0), text("isomiso2mp41"))],
    ["a ftyp box too short to hold brands", concat(be32(8), text("ftypavif"))],
    ["a PDF", text("%PDF-1.7\n")],
    ["GIF without the version", text("GIF8")],
  ])("refuses %s", (_, bytes) => {
    expect(sniffImageType(bytes)).toBeNull();
  });

  it("does not look for AVIF brands past the end of the ftyp box", () => {
    expect(sniffImageType(concat(box("ftyp", text("mif1"), be32(0)), text("avif")))).toBeNull();
  });
});

describe("imageDimensions of real images", () => {
  it.each(REAL)("reads %s", (_, make, ext, _type, width, height) => {
    expect(imageDimensions(make(), ext)).toEqual({ width, height });
  });
});

describe("imageDimensions of damaged or hostile input", () => {
  it.each(REAL)("never throws and never guesses on any truncation of %s", (_, make, ext, _type, width, height) => {
    const whole = make();
    for (let n = 0; n < whole.length; n++) {
      const size = imageDimensions(whole.subarray(0, n), ext);
      if (size !== null) expect(size).toEqual({ width, height });
    }
  });

  it.each(REAL)("never throws when any single byte of %s is damaged", (_, make, ext) => {
    const whole = make();
    for (let i = 0; i < whole.length; i++) {
      for (const value of [0x00, 0xff, 0x7f, 0x01]) {
        const damaged = whole.slice();
        damaged[i] = value;
        const size = imageDimensions(damaged, ext);
        if (size !== null) {
          expect(size.width).toBeGreaterThan(0);
          expect(size.height).toBeGreaterThan(0);
        }
      }
    }
  });

  it("gives up on a JPEG whose height is left to a DNL marker", () => {
    const sof = [0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x00, 0x00, 0x10, 0x01, 0x01, 0x11, 0x00];
    expect(imageDimensions(Uint8Array.of(0xff, 0xd8, ...sof), "jpg")).toBeNull();
  });

  it("gives up on a JPEG whose segment length runs past the end", () => {
    expect(imageDimensions(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0xff, 0xff, 0x00), "jpg")).toBeNull();
  });

  it("reads a JPEG frame header after fill bytes and a restart marker", () => {
    const sof = [0xff, 0xc2, 0x00, 0x0b, 0x08, 0x00, 0x20, 0x00, 0x30, 0x01, 0x01, 0x11, 0x00];
    expect(imageDimensions(Uint8Array.of(0xff, 0xd8, 0xff, 0xff, 0xd0, ...sof), "jpg")).toEqual({ width: 48, height: 32 });
  });

  it("skips stray bytes between JPEG segments, as decoders do", () => {
    const sof = [0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x02, 0x00, 0x03, 0x01, 0x01, 0x11, 0x00];
    const app0 = [0xff, 0xe0, 0x00, 0x04, 0x00, 0x00];
    expect(imageDimensions(Uint8Array.of(0xff, 0xd8, ...app0, 0x00, 0x00, ...sof), "jpg")).toEqual({ width: 3, height: 2 });
  });

  it("ignores an EXIF block whose IFD points far outside it", () => {
    const exif = concat(text("Exif"), [0, 0], text("MM"), [0, 42], be32(0x7ffffff0));
    const app1 = concat([0xff, 0xe1], [0, exif.length + 2], exif);
    const sof = [0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x02, 0x00, 0x03, 0x01, 0x01, 0x11, 0x00];
    expect(imageDimensions(concat([0xff, 0xd8], app1, sof), "jpg")).toEqual({ width: 3, height: 2 });
  });

  it("refuses a PNG with a zero or out-of-range side", () => {
    const png = (w: number, h: number) => concat(images.png().subarray(0, 16), be32(w), be32(h));
    expect(imageDimensions(png(0, 4), "png")).toBeNull();
    expect(imageDimensions(png(0x80000000, 4), "png")).toBeNull();
    expect(imageDimensions(png(3, 4), "png")).toEqual({ width: 3, height: 4 });
  });

  it("refuses a WebP whose first chunk is none of VP8, VP8L, VP8X", () => {
    const webp = images.webpLossy();
    webp.set(text("VP8Z"), 12);
    expect(imageDimensions(webp, "webp")).toBeNull();
  });

  it("survives AVIF boxes that claim to be larger than the file, or 64-bit sized", () => {
    const ftyp = box("ftyp", text("avif"), be32(0));
    expect(imageDimensions(concat(ftyp, be32(0xffffffff), text("meta")), "avif")).toBeNull();
    expect(imageDimensions(concat(ftyp, be32(1), text("meta"), be32(1), be32(0)), "avif")).toBeNull();
    expect(imageDimensions(concat(ftyp, be32(3), text("meta")), "avif")).toBeNull();
  });

  it("survives an AVIF ipma that claims four billion entries", () => {
    const ispe = box("ispe", be32(0), be32(20), be32(10));
    const ipma = box("ipma", be32(0), be32(0xffffffff), [0, 2, 1, 0x81]);
    const meta = box("meta", be32(0), box("pitm", be32(0), [0, 1]), box("iprp", box("ipco", ispe), ipma));
    expect(imageDimensions(concat(box("ftyp", text("avif"), be32(0)), meta), "avif")).toBeNull();
  });

  it("takes the primary item's ispe, not the first one listed", () => {
    const thumb = box("ispe", be32(0), be32(4), be32(2));
    const main = box("ispe", be32(0), be32(40), be32(20));
    const ipma = box("ipma", be32(0), be32(2), [0, 1, 1, 0x81], [0, 2, 1, 0x82]);
    const meta = box("meta", be32(0), box("pitm", be32(0), [0, 2]), box("iprp", box("ipco", thumb, main), ipma));
    expect(imageDimensions(concat(box("ftyp", text("avif"), be32(0)), meta), "avif")).toEqual({ width: 40, height: 20 });
  });
});

describe("If-None-Match (RFC 9110 §13.1.2)", () => {
  const etag = strongEtag("abc");

  it("matches the same tag, weak or strong, anywhere in a list", () => {
    expect(noneMatch('"abc"', etag)).toBe(false);
    expect(noneMatch('W/"abc"', etag)).toBe(false);
    expect(noneMatch('"x", W/"y" ,"abc"', etag)).toBe(false);
  });

  it("matches * whatever the tag", () => {
    expect(noneMatch("*", etag)).toBe(false);
    expect(noneMatch(" * ", etag)).toBe(false);
  });

  it("does not match other tags, a tag containing the hash, or a malformed header", () => {
    expect(noneMatch(undefined, etag)).toBe(true);
    expect(noneMatch('"abcd"', etag)).toBe(true);
    expect(noneMatch("abc", etag)).toBe(true);
    expect(noneMatch('"x,abc"', etag)).toBe(true);
    expect(noneMatch('"abc', etag)).toBe(true);
  });
});

describe("If-Range (RFC 9110 §13.1.5)", () => {
  const etag = strongEtag("abc");
  it("holds only for the same strong tag", () => {
    expect(ifRangeHolds(undefined, etag)).toBe(true);
    expect(ifRangeHolds('"abc"', etag)).toBe(true);
    expect(ifRangeHolds('W/"abc"', etag)).toBe(false);
    expect(ifRangeHolds('"other"', etag)).toBe(false);
    expect(ifRangeHolds("Wed, 21 Oct 2015 07:28:00 GMT", etag)).toBe(false);
  });
});

describe("Range (RFC 9110 §14.1.2)", () => {
  it("reads first-last, open-ended and suffix ranges", () => {
    expect(parseRange("bytes=0-9", 100)).toEqual({ kind: "partial", offset: 0, length: 10 });
    expect(parseRange("bytes=90-", 100)).toEqual({ kind: "partial", offset: 90, length: 10 });
    expect(parseRange("bytes=-5", 100)).toEqual({ kind: "partial", offset: 95, length: 5 });
    expect(parseRange("BYTES=10-10", 100)).toEqual({ kind: "partial", offset: 10, length: 1 });
  });

  it("clips a last position or suffix past the end", () => {
    expect(parseRange("bytes=50-1000", 100)).toEqual({ kind: "partial", offset: 50, length: 50 });
    expect(parseRange("bytes=-1000", 100)).toEqual({ kind: "partial", offset: 0, length: 100 });
  });

  it("is unsatisfiable when it starts at or past the end, or asks for no suffix", () => {
    expect(parseRange("bytes=100-", 100)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=100-200", 100)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-0", 100)).toEqual({ kind: "unsatisfiable" });
  });

  it("is ignored (the whole representation) when absent, malformed, multiple or in other units", () => {
    for (const header of [undefined, "bytes=5-1", "bytes=-", "bytes=a-b", "items=0-1", "bytes=0-1,5-6", "bytes 0-1"])
      expect(parseRange(header, 100)).toEqual({ kind: "full" });
  });

  it("formats Content-Range for a part and for a refusal", () => {
    expect(contentRange({ offset: 90, length: 10 }, 100)).toBe("bytes 90-99/100");
    expect(contentRange(null, 100)).toBe("bytes */100");
  });
});
