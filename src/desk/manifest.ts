// The shape of the manifest the client build writes (scripts/build-client.ts) and the Worker reads to name
// each desk page's content-hashed script: one schema, so the two cannot drift apart.
import * as v from "valibot";

/** Where the hashed files are served from (Workers Static Assets), and the only path the assets answer. */
export const ASSET_PATH = "/desk/assets/";

const AssetUrl = v.pipe(v.string(), v.startsWith(ASSET_PATH), v.regex(/^[\w/.-]+$/));

export const DeskScriptEntry = v.object({
  /** The page's entry module, `/desk/assets/<name>.<hash>.js`. */
  src: AssetUrl,
  /** The chunks it imports (transitively), preloaded so the browser fetches them with the entry, not after it. */
  preload: v.array(AssetUrl),
  /** The entry and its chunks gzipped, as measured at build time (the budget counts this). */
  gzip_bytes: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

export const DeskManifest = v.object({ scripts: v.record(v.string(), DeskScriptEntry) });

export type DeskScriptEntry = v.InferOutput<typeof DeskScriptEntry>;
export type DeskManifest = v.InferOutput<typeof DeskManifest>;
