// Screenshots of the running site in headless Chromium, as a reader sees it on a desktop and a phone,
// for the README. Needs Debian's `chromium` (apt-get install chromium fonts-noto-cjk) and a running
// `npm run dev`.
//
//   node scripts/screenshots.ts [http://localhost:8787]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const base = process.argv[2] ?? "http://localhost:8787";
const out = join(import.meta.dirname, "screenshots");

const shots: Array<{ name: string; path: string; width: number; height: number }> = [
  { name: "home", path: "/", width: 1280, height: 1500 },
  { name: "article", path: "/html/xw/dzyw/88594.html", width: 1280, height: 1700 },
  { name: "section", path: "/html/xw/", width: 1280, height: 1500 },
  { name: "article-phone", path: "/html/xw/dzyw/88594.html", width: 390, height: 1600 },
];

for (const shot of shots) {
  const profile = mkdtempSync(join(tmpdir(), "masthead-chromium-"));
  const run = spawnSync(
    "chromium",
    [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--virtual-time-budget=5000", `--user-data-dir=${profile}`,
      `--window-size=${shot.width},${shot.height}`, `--screenshot=${join(out, `${shot.name}.png`)}`, `${base}${shot.path}`,
    ],
    { stdio: "inherit" },
  );
  rmSync(profile, { recursive: true, force: true });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
