// Runs the project's own wrangler with this same Node, without a shell: how the scripts reach the deployed
// D1 and R2 (`--remote`) with the account `wrangler login` gave them, and nothing else.
import { execFile } from "node:child_process";
import { ROOT, wranglerBin } from "./local-env.ts";

export type WranglerRun = { ok: boolean; stdout: string; stderr: string };

export function runWrangler(args: readonly string[]): Promise<WranglerRun> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [wranglerBin(), ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      // A non-zero exit is an answer (wrangler says why on its output); failing to start is not.
      if (err && typeof err.code !== "number") reject(new Error(`could not run wrangler: ${err.message}`));
      else resolve({ ok: !err, stdout, stderr });
    });
  });
}
