// A picture on another site, fetched by the server into the media store (a pasted web page's pictures):
// through the upload path like any upload — magic bytes, size and pixel caps, a content-hash key — after an
// outbound fetch that cannot be turned against the Worker's own surroundings (content/outbound-url.ts, checked
// again at every redirect), sends no credentials (a new request: no cookie, no Authorization, no Referer),
// gives up after a deadline (the caller's signal) and stops reading past the upload cap. Every failure is a
// 422 `fetch_failed` whose `reason` says which: bad_url, refused_host, unreachable, timeout, status,
// too_many_redirects, too_large, not_an_image, invalid_image, empty.
import { DomainError } from "../domain/errors.ts";
import type { AuditActor } from "../db/audit.ts";
import type { Db } from "../domain/db.ts";
import type { ImageMetadata } from "../media/metadata.ts";
import type { MediaBucket } from "../storage/media-objects.ts";
import { checkOutboundUrl } from "../content/outbound-url.ts";
import { MAX_IMAGE_BYTES, type UploadResult, uploadImage } from "./upload.ts";

type FetchReason =
  | "bad_url"
  | "refused_host"
  | "unreachable"
  | "timeout"
  | "status"
  | "too_many_redirects"
  | "too_large"
  | "not_an_image"
  | "invalid_image"
  | "empty";

/** How many redirects are followed, each checked like the first URL. */
const MAX_REDIRECTS = 5;

/** How long a fetch may take, reading the whole picture included. */
export const FETCH_TIMEOUT_MS = 10_000;

const failed = (reason: FetchReason, message: string, extra: Record<string, unknown> = {}) =>
  new DomainError("fetch_failed", `The picture could not be fetched: ${message}`, { reason, ...extra });

type Fetcher = (request: Request) => Promise<Response>;

/** Rejects as soon as `signal` aborts, whatever `work` is waiting on. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener("abort", abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });
}

/** The body, read until the end or until it passes `max` bytes (then the rest is never read). */
async function readCapped(res: Response, max: number, signal: AbortSignal): Promise<Uint8Array> {
  const declared = Number(res.headers.get("Content-Length") ?? NaN);
  if (declared > max) {
    await res.body?.cancel();
    throw failed("too_large", `it is ${declared} bytes; at most ${max} are accepted`, { max_bytes: max });
  }
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await untilAborted(reader.read(), signal);
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw failed("too_large", `it is more than ${max} bytes; at most ${max} are accepted`, { max_bytes: max });
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The picture's bytes and the URL they finally came from (after redirects). */
export async function fetchRemoteBytes(
  text: string,
  opts: { fetch: Fetcher; signal: AbortSignal; maxBytes?: number },
): Promise<{ bytes: Uint8Array; url: URL }> {
  const max = opts.maxBytes ?? MAX_IMAGE_BYTES;
  let target = checkOutboundUrl(text);
  for (let redirects = 0; ; redirects++) {
    if (!(target instanceof URL)) throw failed(target.reason, target.message);
    const url: URL = target;
    let res: Response;
    try {
      res = await untilAborted(
        opts.fetch(
          new Request(url, {
            method: "GET",
            redirect: "manual",
            headers: { Accept: "image/avif,image/webp,image/png,image/jpeg,image/gif,*/*;q=0.5", "User-Agent": "Masthead image fetch" },
            signal: opts.signal,
          }),
        ),
        opts.signal,
      );
    } catch {
      if (opts.signal.aborted) throw failed("timeout", `${url.host} did not answer in time`);
      throw failed("unreachable", `${url.host} could not be reached`);
    }
    const location = res.headers.get("Location");
    if (res.status >= 300 && res.status < 400 && location !== null) {
      await res.body?.cancel();
      if (redirects >= MAX_REDIRECTS) throw failed("too_many_redirects", `more than ${MAX_REDIRECTS} redirects`);
      target = checkOutboundUrl(location, url);
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw failed("status", `${url.host} answered ${res.status}`, { upstream_status: res.status });
    }
    try {
      return { bytes: await readCapped(res, max, opts.signal), url };
    } catch (err) {
      if (err instanceof DomainError) throw err;
      if (opts.signal.aborted) throw failed("timeout", `${url.host} did not send the whole picture in time`);
      throw failed("unreachable", `${url.host} broke off sending the picture`);
    }
  }
}

/** What the upload path refuses, as the reason a fetch failed. */
const UPLOAD_REFUSALS: Partial<Record<string, FetchReason>> = {
  unsupported_media_type: "not_an_image",
  invalid_image: "invalid_image",
  image_too_large: "too_large",
  payload_too_large: "too_large",
  empty_body: "empty",
};

/** Fetches the picture at `url` and stores it through the upload path, as `actor` with `metadata`. */
export async function fetchImage(
  bucket: MediaBucket,
  db: Db,
  input: { url: string; metadata: ImageMetadata; actor: AuditActor },
  opts: { fetch: Fetcher; signal: AbortSignal },
): Promise<UploadResult> {
  const { bytes, url } = await fetchRemoteBytes(input.url, opts);
  try {
    return await uploadImage(bucket, db, { bytes, metadata: input.metadata, actor: input.actor, source: url.href });
  } catch (err) {
    const reason = err instanceof DomainError ? UPLOAD_REFUSALS[err.code] : undefined;
    if (!reason || !(err instanceof DomainError)) throw err;
    throw failed(reason, `what ${url.host} sent is not a picture that can be stored: ${err.message}`, err.info);
  }
}
