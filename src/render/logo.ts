// The site's mark, a square SVG at a content-hashed URL: the publisher logo of article metadata (JSON-LD), the
// feeds' icon, and the picture a shared link shows when its article has no cover. Drawn from src/render/mark.ts.
import { markSvg } from "./mark.ts";
import { fingerprint } from "./stylesheet.ts";

export const LOGO_SVG = markSvg(20, true);

export const LOGO_SIZE = { width: 512, height: 512 } as const;

export const LOGO_HASH = fingerprint(LOGO_SVG);

/** Where the logo is served: /assets/logo.<hash>.svg */
export const LOGO_URL = `/assets/logo.${LOGO_HASH}.svg`;
