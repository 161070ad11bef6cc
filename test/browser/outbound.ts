// The Internet as the Worker under test sees it: one made-up public host, as a pasted web page's pictures
// would come from, answering a real PNG, a 404 and a page that is not a picture. Its name is public, so the
// Worker's guard against inward fetches (content/outbound-url.ts) lets it through as it would a real site;
// loopback and private addresses are still refused before any request leaves. Any other host answers 502:
// the browser tests reach no real site.
import { Response } from "miniflare";
import * as images from "../fixtures/images.ts";

/** The made-up site: nothing resolves it; only this stand-in answers for it. */
export const PICTURE_HOST = "tupian.qingxi-wanbao.cn";

/** A PNG of its own (bytes after IEND are ignored by every reader), so it is not one a test uploads itself. */
export const remotePng = (): Uint8Array => {
  const png = images.png();
  const tail = new TextEncoder().encode("remote picture..");
  const out = new Uint8Array(png.length + tail.length);
  out.set(png);
  out.set(tail, png.length);
  return out;
};

export function outbound(request: { url: string }): Response {
  const url = new URL(request.url);
  if (url.hostname !== PICTURE_HOST) return new Response(null, { status: 502, statusText: "no network in the browser tests" });
  if (url.pathname === "/photos/flood.png") return new Response(remotePng(), { headers: { "Content-Type": "image/png" } });
  if (url.pathname === "/photos/page.png") return new Response("<!doctype html><title>稿件</title>", { headers: { "Content-Type": "text/html" } });
  return new Response("not found", { status: 404 });
}
