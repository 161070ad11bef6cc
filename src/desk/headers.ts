// The desk's own response headers, on every /desk answer whatever made it (a page, a redirect, an error):
// never stored by any cache (a page shows one person's view; RFC 9111 §5.2.2.3, §5.2.2.7), never indexed,
// never framed, and a Content-Security-Policy under which only the desk's own script files run: no inline
// script, no eval, nothing from another origin. The reader site keeps its own policy (src/app.ts).
import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "../env.ts";

export const DESK_CACHE_CONTROL = "private, no-store";

const policy = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:"],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  xFrameOptions: "DENY",
  crossOriginResourcePolicy: "same-origin",
  crossOriginOpenerPolicy: "same-origin",
  referrerPolicy: "same-origin",
  // None of these; passkeys stay allowed (their default allowlist is this origin).
  permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
});

export const isDeskPath = (path: string) => path === "/desk" || path.startsWith("/desk/");

export function deskHeaders(): MiddlewareHandler<AppEnv> {
  return async function deskHeaders(c, next) {
    await policy(c, next);
    c.res.headers.set("Cache-Control", DESK_CACHE_CONTROL);
    c.res.headers.set("X-Robots-Tag", "noindex, nofollow");
  };
}
