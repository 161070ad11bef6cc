// The deployed R2 bucket for the importer's --remote runs, through `wrangler r2 object put --remote`: what
// the upload path needs of a bucket (src/storage/media-objects.ts MediaBucket). Wrangler has no command that
// asks whether an object exists, so head() answers null and every picture is put: its key is its content's
// hash, so putting it again stores the same bytes.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MediaBucket } from "../../src/storage/media-objects.ts";
import { wranglerConfig } from "./local-env.ts";
import { runWrangler } from "./wrangler-cli.ts";

export function wranglerBucket(): MediaBucket {
  const bucket = wranglerConfig().bucketName;
  return {
    head: async () => null,
    async put(key, value, options) {
      const dir = mkdtempSync(join(tmpdir(), "masthead-r2-"));
      try {
        const file = join(dir, "object");
        writeFileSync(file, value);
        const run = await runWrangler(["r2", "object", "put", `${bucket}/${key}`, "--remote", "--file", file, "--content-type", options.httpMetadata.contentType]);
        if (!run.ok) throw new Error(`wrangler r2 object put ${key} failed: ${run.stdout}${run.stderr}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
