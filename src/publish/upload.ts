// An image upload: check the bytes, name them by their hash, store the object, then record the row.
import { DomainError, payloadTooLarge } from "../domain/errors.ts";
import type { Media } from "../domain/media.ts";
import type { AuditActor as Actor } from "../db/audit.ts";
import type { Db } from "../domain/db.ts";
import { insertMedia } from "../db/media.ts";
import { type MediaBucket, putMediaObject } from "../storage/media-objects.ts";
import { imageDimensions } from "../media/dimensions.ts";
import { hasImageData } from "../media/image-data.ts";
import { contentKey } from "../media/key.ts";
import type { ImageMetadata } from "../media/metadata.ts";
import { type Dimensions, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, withinPixelCap } from "../media/size.ts";
import { sniffImageType } from "../media/sniff.ts";

/** The largest image accepted, in bytes. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** 413 for an image over the limit. */
export const imageTooLarge = () => payloadTooLarge(MAX_IMAGE_BYTES);

/** 422 for an image whose header claims more pixels than are accepted, with the limits and its size. */
const tooManyPixels = ({ width, height }: Dimensions) =>
  new DomainError(
    "image_too_large",
    `The image is ${width}×${height} pixels; at most ${MAX_IMAGE_SIDE} pixels a side and ${MAX_IMAGE_PIXELS} pixels in all are accepted`,
    { max_side: MAX_IMAGE_SIDE, max_pixels: MAX_IMAGE_PIXELS },
  );

export type UploadResult = { media: Media; created: boolean; filledIn: boolean };

/**
 * Stores an image and returns its row (`source`: the URL it was fetched from, for the audit log); `created` is false when the same bytes were uploaded before.
 * R2 first, row second: if the put fails nothing is recorded; if the row fails after the put, the object
 * left behind is harmless — its key is its hash, so the retried upload lands on the same object.
 */
export async function uploadImage(
  bucket: MediaBucket,
  db: Db,
  input: { bytes: Uint8Array; metadata: ImageMetadata; actor: Actor; source?: string },
): Promise<UploadResult> {
  const { bytes, metadata, actor, source } = input;
  if (bytes.length === 0) throw new DomainError("empty_body", "The upload is empty");
  if (bytes.length > MAX_IMAGE_BYTES) throw imageTooLarge();
  const type = sniffImageType(bytes);
  if (!type)
    throw new DomainError("unsupported_media_type", "Only JPEG, PNG, WebP, GIF and AVIF images are accepted");
  // A file that starts like an image but whose header cannot be read is broken: browsers would not show it either.
  const size = imageDimensions(bytes, type.ext);
  if (!size)
    throw new DomainError("invalid_image", `The file starts like ${type.contentType} but its header is truncated or corrupt`);
  // Pages reserve, and browsers decode, the size the header claims: cap it before walking the rest of the file.
  if (!withinPixelCap(size)) throw tooManyPixels(size);
  if (!hasImageData(bytes, type.ext))
    throw new DomainError("invalid_image", `The file has a ${type.contentType} header but holds no image data`);
  const key = await contentKey(bytes, type.ext);
  await putMediaObject(bucket, key, bytes, type.contentType);
  return insertMedia(
    db,
    { key, contentType: type.contentType, bytes: bytes.length, ...size, ...metadata, createdBy: actor.id },
    // A picture fetched from elsewhere keeps where it came from in the log (whose it is, for its credit).
    { actor, action: source ? "image.fetch" : "image.upload", detail: { key, content_type: type.contentType, bytes: bytes.length, ...size, ...(source && { source }) } },
  );
}
