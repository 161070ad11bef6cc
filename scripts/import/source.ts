// Where an import reads from: the dump (streamed from any offset, or read a range at a time) and the old
// site's uploads folder. The CLI gives files (node-sources.ts); tests give bytes in memory.

export interface DumpSource {
  /** For messages: the file name. */
  readonly name: string;
  /** The bytes from `start` up to `end` (the end of the dump when omitted), in chunks. */
  stream(start: number, end?: number): AsyncIterable<Uint8Array>;
  /** `length` bytes from `offset`. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

export interface UploadsSource {
  /** The file at an old site path (`/uploads/allimg/230602/1.jpg`), or null when there is none. */
  read(sitePath: string): Promise<Uint8Array | null>;
  /** Whether there is a file at an old site path, without reading it. */
  has(sitePath: string): Promise<boolean>;
}

/** A dump held in memory, read in chunks of `chunkSize` (small ones exercise every boundary). */
export function bytesSource(bytes: Uint8Array, name = "dump.sql", chunkSize = 65_536): DumpSource {
  return {
    name,
    async *stream(start: number, end = bytes.length) {
      for (let at = start; at < end; at += chunkSize) yield bytes.subarray(at, Math.min(end, at + chunkSize));
    },
    read: async (offset, length) => bytes.slice(offset, offset + length),
  };
}

/** Uploads held in memory, by site path. */
export function filesSource(files: ReadonlyMap<string, Uint8Array>): UploadsSource {
  return { read: async (path) => files.get(path) ?? null, has: async (path) => files.has(path) };
}
