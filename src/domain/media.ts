// Images: one stored object per content hash, with what pages need to show it.

export type Media = {
  /** `<sha256 hex of the bytes>.<ext>`. */
  key: string;
  contentType: string;
  bytes: number;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
  credit: string;
  createdAt: number;
  createdBy: number | null;
};

/** The only names /media serves: anything else (other objects, traversal, uppercase hex) is not a key. */
export const MEDIA_KEY = /^[0-9a-f]{64}\.(?:jpg|png|webp|gif|avif)$/;

/** What a page needs of an image to reserve its space. */
export type CoverImage = Pick<Media, "key" | "width" | "height" | "alt">;

/** A cover with what a figure shows under it. */
export type CoverFigure = CoverImage & Pick<Media, "caption" | "credit">;

/** What the body renderer knows of an uploaded image. */
export type ImageInfo = Pick<Media, "width" | "height" | "alt" | "caption" | "credit">;
