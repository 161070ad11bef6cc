// The site's icon: an SVG at a content-hashed URL for browsers that take one (every page links it), and
// /favicon.ico at the fixed path browsers, feed readers and crawlers ask for, the same mark at 16 and 32
// pixels (drawn by `npm run icon` into favicon-ico.ts).
import { FAVICON_ICO_BASE64 } from "./favicon-ico.ts";
import { ICON_MIST_WIDTH, markSvg } from "./mark.ts";
import { fingerprint } from "./stylesheet.ts";

export const ICON_SVG = markSvg(ICON_MIST_WIDTH, false);

export const ICON_HASH = fingerprint(ICON_SVG);

/** Where pages link the icon: /assets/icon.<hash>.svg */
export const ICON_URL = `/assets/icon.${ICON_HASH}.svg`;

export const FAVICON_URL = "/favicon.ico";

export const FAVICON_ICO = Uint8Array.from(atob(FAVICON_ICO_BASE64), (c) => c.charCodeAt(0));

/** Names this version of the ICO, for its ETag. */
export const FAVICON_HASH = fingerprint(FAVICON_ICO_BASE64);
