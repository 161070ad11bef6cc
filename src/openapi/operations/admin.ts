// The rest of the publishing API as the document describes it: images (routes/admin-images.ts), keys
// (routes/admin-keys.ts) and purging by hand (routes/admin-cache.ts).
import * as v from "valibot";
import { ImageListQuery } from "../../http/api-queries.ts";
import { NoQuery } from "../../http/query.ts";
import { PurgeRequest } from "../../content/schemas.ts";
import { KeyInput } from "../../auth/key-input.ts";
import { FetchRequest, ImageMetadata } from "../../media/metadata.ts";
import { MEDIA_KEY } from "../../domain/media.ts";
import { KeyAnswer, KeyCreated, KeyList, KeyRotated, Media, MediaPage, PurgeAnswer } from "../../content/responses.ts";
import type { Operation } from "../operation.ts";
import { KEY_CREATED_EXAMPLE, KEY_EXAMPLE, KEY_LIST_EXAMPLE, KEY_ROTATED_EXAMPLE, MEDIA_EXAMPLE, MEDIA_PAGE_EXAMPLE, PURGE_EXAMPLE } from "../examples.ts";
import { JSON_BODY_ERRORS } from "./articles.ts";

const IMAGES = "Images";
const KEYS = "Keys";

const keyId = { id: { schema: v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,15}$/)), description: "The key's id." } };

export const adminOperations: Operation[] = [
  {
    method: "post",
    path: "/api/v1/admin/images",
    id: "uploadImage",
    summary: "Upload an image (JPEG, PNG, WebP, GIF, AVIF; at most 10 MiB)",
    description:
      "The raw image as the body, its alt text, caption and credit in the query string; or multipart/form-data with a `file` part and those fields. Recognised by its first bytes only. The same bytes again are the same image: 200, its empty fields filled in.",
    tag: IMAGES,
    access: "author",
    query: ImageMetadata,
    body: {
      required: true,
      content: {
        "image/*": "binary",
        "application/octet-stream": "binary",
        "multipart/form-data": v.strictObject({ file: v.pipe(v.string(), v.metadata({ format: "binary" })), ...ImageMetadata.pipe[0].entries }),
      },
    },
    answers: {
      201: { description: "A new image.", body: Media, headers: ["Location", "x-d1-bookmark"], example: MEDIA_EXAMPLE },
      200: { description: "The same image was uploaded before.", body: Media, headers: ["x-d1-bookmark"], example: MEDIA_EXAMPLE },
    },
    errors: ["empty_body", "payload_too_large", "unsupported_media_type", "invalid_image", "image_too_large"],
  },
  {
    method: "post",
    path: "/api/v1/admin/images/fetch",
    id: "fetchImage",
    summary: "A picture on another site (a pasted page's), fetched by the server and stored as an upload",
    description:
      "http and https only, on ports 80, 443, 8080 or 8443; never this machine, a private network or a reserved address (checked again at each of at most 5 redirects); no credentials sent; 10 seconds and the upload caps. Each failure is 422 fetch_failed with its `reason`.",
    tag: IMAGES,
    access: "author",
    query: NoQuery,
    body: { required: true, content: { "application/json": FetchRequest } },
    answers: {
      201: { description: "A new image.", body: Media, headers: ["Location", "x-d1-bookmark"], example: MEDIA_EXAMPLE },
      200: { description: "The same bytes were stored before.", body: Media, headers: ["x-d1-bookmark"], example: MEDIA_EXAMPLE },
    },
    errors: [...JSON_BODY_ERRORS, "fetch_failed"],
  },
  {
    method: "get",
    path: "/api/v1/admin/images",
    id: "listImages",
    summary: "Uploads, newest first",
    tag: IMAGES,
    access: "author",
    query: ImageListQuery,
    answers: { 200: { description: "A page of images.", body: MediaPage, headers: ["x-d1-bookmark"], example: MEDIA_PAGE_EXAMPLE } },
    errors: [],
  },
  {
    method: "get",
    path: "/api/v1/admin/images/{key}",
    id: "getImage",
    summary: "One image's metadata",
    tag: IMAGES,
    access: "author",
    params: { key: { schema: v.pipe(v.string(), v.regex(MEDIA_KEY)), description: "The image's key: `<sha256 of the bytes>.<ext>`." } },
    query: NoQuery,
    answers: { 200: { description: "The image.", body: Media, headers: ["x-d1-bookmark"], example: MEDIA_EXAMPLE } },
    errors: ["not_found"],
  },
  {
    method: "get",
    path: "/api/v1/admin/keys",
    id: "listKeys",
    summary: "Every key, revoked ones included; never a hash or a secret",
    tag: KEYS,
    access: "admin",
    query: NoQuery,
    answers: { 200: { description: "The keys.", body: KeyList, headers: ["x-d1-bookmark"], example: KEY_LIST_EXAMPLE } },
    errors: [],
  },
  {
    method: "post",
    path: "/api/v1/admin/keys",
    id: "createKey",
    summary: "Create a key; its secret is shown this once",
    tag: KEYS,
    access: "admin",
    query: NoQuery,
    body: { required: true, content: { "application/json": KeyInput } },
    answers: { 201: { description: "The key and its secret.", body: KeyCreated, headers: ["Location", "x-d1-bookmark"], example: KEY_CREATED_EXAMPLE } },
    errors: ["payload_too_large", "unsupported_media_type"],
  },
  {
    method: "get",
    path: "/api/v1/admin/keys/{id}",
    id: "getKey",
    summary: "One key",
    tag: KEYS,
    access: "admin",
    params: keyId,
    query: NoQuery,
    answers: { 200: { description: "The key.", body: KeyAnswer, headers: ["x-d1-bookmark"], example: KEY_EXAMPLE } },
    errors: ["not_found"],
  },
  {
    method: "post",
    path: "/api/v1/admin/keys/{id}/rotate",
    id: "rotateKey",
    summary: "A new secret (and prefix) for the same key; the old one stops working at once",
    tag: KEYS,
    access: "admin",
    params: keyId,
    query: NoQuery,
    answers: { 200: { description: "The key, its new secret (once) and its previous prefix.", body: KeyRotated, headers: ["x-d1-bookmark"], example: KEY_ROTATED_EXAMPLE } },
    errors: ["not_found", "key_revoked", "rotated_concurrently"],
  },
  {
    method: "post",
    path: "/api/v1/admin/keys/{id}/revoke",
    id: "revokeKey",
    summary: "The key stops working at once; revoking a revoked key changes nothing",
    tag: KEYS,
    access: "admin",
    params: keyId,
    query: NoQuery,
    answers: { 200: { description: "The key, revoked.", body: KeyAnswer, headers: ["x-d1-bookmark"], example: KEY_EXAMPLE } },
    errors: ["not_found", "last_admin_key"],
  },
  {
    method: "post",
    path: "/api/v1/admin/cache/purge",
    id: "purgeCache",
    summary: "Purge the edge cache by tag, or everything",
    description: "Every cached answer carries the tag `site`; `{\"everything\": true}` reaches all of them.",
    tag: "Operations",
    access: "admin",
    query: NoQuery,
    body: { required: true, content: { "application/json": PurgeRequest } },
    answers: { 202: { description: "The purge, started.", body: PurgeAnswer, example: PURGE_EXAMPLE } },
    errors: ["payload_too_large", "unsupported_media_type"],
  },
];
