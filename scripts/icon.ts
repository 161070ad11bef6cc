// Draws /favicon.ico from the site's mark (src/render/mark.ts) and writes it into src/render/favicon-ico.ts:
// drawn once here, not in the Worker, where rasterizing would cost CPU on a cold isolate's first request.
//
//   npm run icon        after changing the mark (test/icon.test.ts says when)
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./bindings/local-env.ts";
import { drawFavicon, faviconModule } from "./icon/favicon.ts";

const bytes = drawFavicon();
const file = join(ROOT, "src/render/favicon-ico.ts");
writeFileSync(file, faviconModule(bytes));
console.log(`icon: ${bytes.length} bytes written to src/render/favicon-ico.ts`);
