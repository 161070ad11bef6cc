// The site's mark, a square SVG at a content-hashed URL: the publisher logo of article metadata (JSON-LD), the
// feeds' icon, and the picture a shared link shows when its article has no cover. Mountains over mist, for 青岚.
import { fingerprint } from "./stylesheet.ts";

export const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
<rect width="512" height="512" rx="64" fill="#b4141b"/>
<path d="M56 360 L176 196 L240 276 L316 152 L456 360 Z" fill="#ffffff"/>
<path d="M56 404 C136 380 200 428 280 404 S408 380 456 404" fill="none" stroke="#ffffff" stroke-width="20" stroke-linecap="round"/>
</svg>
`;

export const LOGO_SIZE = { width: 512, height: 512 } as const;

export const LOGO_HASH = fingerprint(LOGO_SVG);

/** Where the logo is served: /assets/logo.<hash>.svg */
export const LOGO_URL = `/assets/logo.${LOGO_HASH}.svg`;
