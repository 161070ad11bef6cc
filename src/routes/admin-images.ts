// Image uploads (mounted at /api/v1/admin/images behind an actor: any role, a reporter brings pictures too).
import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../env.ts";
import { notFound } from "../domain/errors.ts";
import { pageOf } from "../http/list-query.ts";
import { ImageListQuery } from "../http/api-queries.ts";
import { getMedia, listMedia } from "../db/media.ts";
import { MEDIA_KEY } from "../domain/media.ts";
import { isMultipart, readUploadRequest } from "../http/upload-request.ts";
import { MAX_IMAGE_BYTES, imageTooLarge, uploadImage } from "../publish/upload.ts";
import { mediaJson } from "../render/media-json.ts";
import { followImageChange } from "../follow-ups.ts";
import { NoQuery, parseQuery } from "../http/query.ts";
import { readJson } from "../http/json-body.ts";
import { FetchRequest } from "../media/metadata.ts";
import { FETCH_TIMEOUT_MS, fetchImage } from "../publish/fetch-image.ts";

export const adminImages = new Hono<AppEnv>();

// Multipart wraps the file in boundaries, part headers and the (bounded) text fields.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

// Refuses by Content-Length before reading anything, and counts the bytes of a body sent without one.
const tooLarge = () => {
  throw imageTooLarge();
};
const rawLimit = bodyLimit({ maxSize: MAX_IMAGE_BYTES, onError: tooLarge });
const multipartLimit = bodyLimit({ maxSize: MAX_IMAGE_BYTES + MULTIPART_OVERHEAD_BYTES, onError: tooLarge });
const uploadLimit: MiddlewareHandler<AppEnv> = (c, next) => (isMultipart(c.req.raw) ? multipartLimit : rawLimit)(c, next);

adminImages.post("/", uploadLimit, async (c) => {
  const upload = await readUploadRequest(c.req.raw);
  const { id, name } = c.get("actor");
  const { media, created, filledIn } = await uploadImage(c.env.MEDIA, c.var.db, { ...upload, actor: { id, name } });
  if (created) c.header("Location", `/api/v1/admin/images/${media.key}`);
  // New metadata for an image pages already show: their cover figures print it.
  if (filledIn) followImageChange(c.env, c.executionCtx, media.key);
  return c.json(mediaJson(media), created ? 201 : 200);
});

/**
 * The server fetches the picture (src/publish/fetch-image.ts: http and https only, no private hosts, no
 * credentials, a deadline, the upload caps) and stores it as an upload: the media JSON, 201 (200 when the
 * same bytes were stored before); 422 `fetch_failed` with the reason otherwise.
 */
adminImages.post("/fetch", async (c) => {
  parseQuery(c, NoQuery);
  const { value: body } = await readJson(c, FetchRequest, 16 * 1024);
  const { url, ...metadata } = body;
  const { id, name } = c.get("actor");
  const { media, created, filledIn } = await fetchImage(c.env.MEDIA, c.var.db, { url, metadata, actor: { id, name } }, {
    fetch: (request) => fetch(request),
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  if (created) c.header("Location", `/api/v1/admin/images/${media.key}`);
  if (filledIn) followImageChange(c.env, c.executionCtx, media.key);
  return c.json(mediaJson(media), created ? 201 : 200);
});

adminImages.get("/", async (c) => {
  const { limit, cursor, q } = parseQuery(c, ImageListQuery);
  const rows = await listMedia(c.var.db, limit + 1, cursor ?? null, q ?? "");
  const page = pageOf(rows, limit, (m) => [m.createdAt, m.key]);
  return c.json({ items: page.items.map(mediaJson), next_cursor: page.next_cursor });
});

adminImages.get("/:key", async (c) => {
  parseQuery(c, NoQuery);
  const key = c.req.param("key");
  const media = MEDIA_KEY.test(key) ? await getMedia(c.var.db, key) : null;
  if (!media) throw notFound("No such image");
  return c.json(mediaJson(media));
});
