// Which content-hashed script each desk page loads, read from the manifest the client build wrote
// (scripts/build-client.ts, run by wrangler's [build] and by vitest.config.ts before the Worker is bundled).
import { html } from "hono/html";
import * as v from "valibot";
import manifestJson from "../../dist/desk-manifest.json";
import { DeskManifest, type DeskScriptEntry } from "./manifest.ts";

/** The screens that have a script, one per file in client/pages/ (a test holds the two lists equal). */
export const DESK_SCRIPTS = ["login", "welcome", "staff", "keys", "account", "editor", "slots", "topics"] as const;
export type DeskScript = (typeof DESK_SCRIPTS)[number];

// Checked once per isolate: a manifest of the wrong shape is a broken build, not something to render around.
export const MANIFEST = v.parse(DeskManifest, manifestJson);

function scriptEntry(name: DeskScript): DeskScriptEntry {
  const entry = MANIFEST.scripts[name];
  if (!entry) throw new Error(`the client build has no script "${name}": run scripts/build-client.ts`);
  return entry;
}

/** The page's module and its chunks, preloaded so they arrive together: the only scripts a desk page has. */
export function scriptTags(name: DeskScript) {
  const entry = scriptEntry(name);
  return html`${entry.preload.map((src) => html`<link rel="modulepreload" href="${src}">\n`)}<script type="module" src="${entry.src}"></script>\n`;
}
