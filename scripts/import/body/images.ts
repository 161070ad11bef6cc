// The old site's pictures, stored through the one upload path (uploadImage: magic bytes, caps, content-hash
// keys, dimensions) the first time a body or a cover names them. A reference is a path on the old site —
// /uploads/allimg/230602/1-23060210.jpg, /uploadfile/2023/0602/….jpg, or an absolute URL on its host —
// looked up in the uploads folder given with --uploads; one that is missing or not an image is reported.
import type { Actor } from "../../../src/domain/actor.ts";
import { DomainError } from "../../../src/domain/errors.ts";
import type { Media } from "../../../src/domain/media.ts";
import type { Db } from "../../../src/domain/db.ts";
import type { MediaBucket } from "../../../src/storage/media-objects.ts";
import { uploadImage } from "../../../src/publish/upload.ts";
import { sitePath } from "../old-paths.ts";
import type { UploadsSource } from "../source.ts";

export type ImageOutcome =
  | { kind: "stored"; media: Media; created: boolean }
  /** Not in the uploads folder. */
  | { kind: "missing"; path: string }
  /** There, but not an image the upload path accepts. */
  | { kind: "refused"; path: string; reason: string }
  /** On another site: shown from there when it is https, dropped by the sanitizer when it is not. */
  | { kind: "external"; url: string }
  /** The old site's, but no --uploads was given. */
  | { kind: "not-imported"; path: string };

/** Remembered outcomes, per reference; cleared past this many so memory stays bounded. */
const REMEMBERED = 20_000;

/** What `look` finds at an old site path, as written or, failing that, percent-decoded. */
async function located<T>(path: string, look: (path: string) => Promise<T | null>): Promise<T | null> {
  const found = await look(path);
  if (found !== null) return found;
  let decoded: string | null = null;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = null;
  }
  return decoded !== null && decoded !== path ? look(decoded) : null;
}

export class OldImages {
  private readonly remembered = new Map<string, Promise<ImageOutcome>>();
  private readonly db: Db;
  private readonly bucket: MediaBucket;
  private readonly uploads: UploadsSource | null;
  private readonly hosts: ReadonlySet<string>;
  private readonly actor: Actor;

  constructor(opts: { db: Db; bucket: MediaBucket; uploads: UploadsSource | null; hosts: ReadonlySet<string>; actor: Actor }) {
    this.db = opts.db;
    this.bucket = opts.bucket;
    this.uploads = opts.uploads;
    this.hosts = opts.hosts;
    this.actor = opts.actor;
  }

  /** The old site's path for a reference (relative ones made absolute), or null for another site's. */
  pathOf(ref: string): string | null {
    if (/^(?:data|javascript|vbscript|file):/i.test(ref.trim())) return null;
    const absolute = /^(?:[a-z][a-z0-9+.-]*:|\/)/i.test(ref.trim()) ? ref.trim() : `/${ref.trim().replace(/^\.\//, "")}`;
    const path = sitePath(absolute, this.hosts);
    return path === null ? null : (path.split(/[?#]/)[0] ?? path);
  }

  /**
   * Whether storing the picture would find it (another site's counts as found: there is nothing to bring),
   * without reading it: what an imported article's fingerprint records, so that a later run whose uploads
   * folder holds pictures an earlier one did not find rewrites the articles that name them, and only those.
   */
  async findable(ref: string): Promise<boolean> {
    const path = this.pathOf(ref);
    if (path === null) return true;
    const uploads = this.uploads;
    if (!uploads) return false;
    return (await located(path, async (p) => ((await uploads.has(p)) ? true : null))) ?? false;
  }

  /** Stores the picture a reference names (once per run), or says why it cannot be shown. */
  resolve(ref: string, alt = ""): Promise<ImageOutcome> {
    const known = this.remembered.get(ref);
    if (known) return known;
    if (this.remembered.size >= REMEMBERED) this.remembered.clear();
    const outcome = this.store(ref, alt);
    this.remembered.set(ref, outcome);
    return outcome;
  }

  private async store(ref: string, alt: string): Promise<ImageOutcome> {
    const path = this.pathOf(ref);
    if (path === null) return { kind: "external", url: ref.trim() };
    const uploads = this.uploads;
    if (!uploads) return { kind: "not-imported", path };
    const bytes = await located(path, (p) => uploads.read(p));
    if (!bytes) return { kind: "missing", path };
    try {
      const { media, created } = await uploadImage(this.bucket, this.db, { bytes, metadata: { alt: alt.slice(0, 1000), caption: "", credit: "" }, actor: this.actor });
      return { kind: "stored", media, created };
    } catch (err) {
      if (err instanceof DomainError) return { kind: "refused", path, reason: err.message };
      throw err;
    }
  }
}
