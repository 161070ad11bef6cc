// The JSON shape of an image, shared by the upload answer, the list and the detail endpoint.
import type { Media } from "../domain/media.ts";
import { mediaUrl } from "../content/urls.ts";
import type { Media as MediaJson } from "../content/responses.ts";

export type { MediaJson };

export const mediaJson = (m: Media): MediaJson => ({
  key: m.key,
  url: mediaUrl(m.key),
  content_type: m.contentType,
  bytes: m.bytes,
  width: m.width,
  height: m.height,
  alt: m.alt,
  caption: m.caption,
  credit: m.credit,
});
