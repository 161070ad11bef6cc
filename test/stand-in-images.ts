// A stand-in for other sites' pictures, run in Node as part of the test Worker's outbound service
// (vitest.config.ts): what the server fetches when an editor pastes a page whose pictures live elsewhere.
// Paths under http(s)://images.test/<run>/ name their behaviour:
//
//   photo.png            a PNG (200, image/png); ?salt=<s> adds bytes after its end, for a picture no one stored yet
//   photo.png?type=text  sent as text/plain: the bytes decide, not the header
//   page.html            an HTML page, not a picture
//   missing.png          404
//   big.png              a PNG header followed by 11 MiB, sent without Content-Length
//   to/<path>            302 to <path> (with the query) under the same run; to-url?u=<url>: 302 to any URL
//   loop                 302 to itself, for ever
//   GET …/received       every request this run's paths received, as JSON: [{ path, headers }]
//
// Any other host: null, for the next stand-in.
import { png } from "./fixtures/images.ts";

type Outbound = { method: string; url: string; headers: Headers };

export const IMAGES_HOST = "images.test";

export function standInImages() {
  const received = new Map<string, { path: string; headers: Record<string, string> }[]>();
  return function images(request: Outbound): Response | null {
    const url = new URL(request.url);
    if (url.hostname !== IMAGES_HOST) return null;
    const [, run = "", ...rest] = url.pathname.split("/");
    const path = rest.join("/");
    if (path === "received") return Response.json(received.get(run) ?? []);
    const list = received.get(run) ?? [];
    list.push({ path, headers: Object.fromEntries(request.headers) });
    received.set(run, list);
    const base = `${url.protocol}//${url.host}/${run}/`;
    if (path === "photo.png") {
      const salt = new TextEncoder().encode(url.searchParams.get("salt") ?? "");
      const bytes = new Uint8Array([...png(), ...salt]);
      return new Response(bytes, { headers: { "Content-Type": url.searchParams.get("type") === "text" ? "text/plain" : "image/png" } });
    }
    if (path === "page.html") return new Response("<!doctype html><title>不是图片</title>", { headers: { "Content-Type": "text/html" } });
    if (path === "big.png") {
      const chunk = new Uint8Array(1024 * 1024);
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === 0) controller.enqueue(png());
          else if (sent > 11) controller.close();
          else controller.enqueue(chunk);
          sent += 1;
        },
      });
      return new Response(body, { headers: { "Content-Type": "image/png" } });
    }
    if (path.startsWith("to/")) return new Response(null, { status: 302, headers: { Location: `${base}${path.slice(3)}${url.search}` } });
    if (path === "to-url") return new Response(null, { status: 302, headers: { Location: url.searchParams.get("u") ?? "/" } });
    if (path === "loop") return new Response(null, { status: 302, headers: { Location: `${base}loop` } });
    return new Response("not found", { status: 404 });
  };
}
