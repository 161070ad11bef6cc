// The dump and the uploads folder as files, for the CLI: the dump streamed from disk (never read whole),
// pictures read by their old site path under the folder given with --uploads.
import { createReadStream } from "node:fs";
import { open, readFile, stat } from "node:fs/promises";
import { basename, join, resolve, sep } from "node:path";
import { MAX_IMAGE_BYTES } from "../../src/publish/upload.ts";
import type { DumpSource, UploadsSource } from "./source.ts";

/** `length` bytes of a file from `offset` (fewer at its end). */
async function readRange(path: string, offset: number, length: number): Promise<Uint8Array> {
  const file = await open(path, "r");
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await file.read(buffer, 0, length, offset);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

export function fileSource(path: string): DumpSource {
  return {
    name: basename(path),
    async *stream(start, end) {
      // createReadStream's end is inclusive.
      const stream = createReadStream(path, { start, ...(end !== undefined && { end: end - 1 }), highWaterMark: 1 << 20 });
      for await (const chunk of stream) yield chunk as Buffer;
    },
    read: (offset, length) => readRange(path, offset, length),
  };
}

/**
 * The old site's files under `dir`: the web root (which holds uploads/ or uploadfile/) or that folder itself,
 * so /uploads/allimg/230602/1.jpg is found as <dir>/uploads/allimg/230602/1.jpg or <dir>/allimg/230602/1.jpg.
 * A file is read no further than one byte past what the upload path accepts, which then refuses it: a web
 * root can hold a backup or a video named .jpg, gigabytes that would stop the import.
 */
export function uploadsFolder(dir: string, maxBytes = MAX_IMAGE_BYTES): UploadsSource {
  const root = resolve(dir);
  const inside = (path: string) => {
    const full = resolve(join(root, path));
    return full === root || full.startsWith(root + sep) ? full : null;
  };
  /** The file a site path names, and its size, or null. */
  const find = async (sitePath: string) => {
    const withoutFirst = sitePath.replace(/^\/[^/]+/, "");
    for (const candidate of [sitePath, withoutFirst]) {
      const full = inside(candidate);
      if (!full) continue;
      const info = await stat(full).catch(() => null);
      if (info?.isFile()) return { full, size: info.size };
    }
    return null;
  };
  return {
    async read(sitePath) {
      const file = await find(sitePath);
      if (!file) return null;
      return file.size > maxBytes ? readRange(file.full, 0, maxBytes + 1) : readFile(file.full);
    },
    has: async (sitePath) => (await find(sitePath)) !== null,
  };
}
