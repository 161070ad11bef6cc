// Image uploads for editors (mounted at /api/v1/admin/images behind the API key and the editor role).
import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import * as v from "valibot";
import type { AppEnv } from "../env.ts";
import { badRequest, notFound } from "../errors.ts";
import { issueDetails } from "../content/schemas.ts";
import { getMedia, listMedia } from "../db/media.ts";
import { MEDIA_KEY } from "../media/key.ts";
import { isMultipart, readUploadRequest } from "../media/upload-request.ts";
import { MAX_IMAGE_BYTES, imageTooLarge, uploadImage } from "../media/upload.ts";
import { mediaJson } from "../render/media-json.ts";

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
  const { id, name } = c.get("apiKey");
  const { media, created } = await uploadImage(c.env.MEDIA, c.env.DB, { ...upload, actor: { id, name } });
  if (created) c.header("Location", `/api/v1/admin/images/${media.key}`);
  return c.json(mediaJson(media), created ? 201 : 200);
});

const CURSOR = /^(\d{1,15})\.([0-9a-f]{64}\.[a-z]{3,4})$/;
const ListQuery = v.strictObject(
  {
    limit: v.optional(
      v.pipe(v.string(), v.regex(/^\d{1,3}$/, "a whole number"), v.transform(Number), v.minValue(1), v.maxValue(100)),
      "20",
    ),
    cursor: v.optional(v.pipe(v.string(), v.regex(CURSOR, "a next_cursor from an earlier page"))),
  },
  "unknown parameter",
);

adminImages.get("/", async (c) => {
  const query = v.safeParse(ListQuery, c.req.query(), { abortEarly: false });
  if (!query.success)
    throw badRequest("Invalid query", issueDetails(query.issues));
  const { limit, cursor } = query.output;
  const [, createdAt, key] = cursor ? (CURSOR.exec(cursor) ?? []) : [];
  const rows = await listMedia(c.env.DB, limit, createdAt && key ? { createdAt: Number(createdAt), key } : null);
  const last = rows.length === limit ? rows[rows.length - 1] : undefined;
  return c.json({ images: rows.map(mediaJson), next_cursor: last ? `${last.createdAt}.${last.key}` : null });
});

adminImages.get("/:key", async (c) => {
  const key = c.req.param("key");
  const media = MEDIA_KEY.test(key) ? await getMedia(c.env.DB, key) : null;
  if (!media) throw notFound("No such image");
  return c.json(mediaJson(media));
});
