// Image objects in R2. Keys are content hashes, so an object never changes once written.

/** What storing an image needs of a bucket: R2 itself, or the importer's wrangler-backed one for --remote. */
export type MediaBucket = {
  head(key: string): Promise<R2Object | null>;
  put(key: string, value: Uint8Array, options: { httpMetadata: { contentType: string } }): Promise<unknown>;
};

/** Stores the bytes unless an object with this key (hence these bytes) is already there. */
export async function putMediaObject(bucket: MediaBucket, key: string, bytes: Uint8Array, contentType: string): Promise<void> {
  if (await bucket.head(key)) return;
  await bucket.put(key, bytes, { httpMetadata: { contentType } });
}

export const headMediaObject = (bucket: R2Bucket, key: string): Promise<R2Object | null> => bucket.head(key);

/** The object's body, whole or the `offset`/`length` slice. */
export const getMediaObject = (
  bucket: R2Bucket,
  key: string,
  range?: { offset: number; length: number },
): Promise<R2ObjectBody | null> => bucket.get(key, range ? { range } : {});
