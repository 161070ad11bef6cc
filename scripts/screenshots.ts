// Screenshots of the running site in headless Chromium, as a reader sees it on a desktop and a phone,
// for the README (into docs/images), through playwright-core. Needs Debian's `chromium` (apt-get install
// chromium fonts-noto-cjk) and a running `npm run dev`.
//
//   node scripts/screenshots.ts [http://localhost:8787]
import { join } from "node:path";
import { chromium } from "playwright-core";

const base = process.argv[2] ?? "http://localhost:8787";
const out = join(import.meta.dirname, "../docs/images");

const shots: Array<{ name: string; path: string; width: number; height: number }> = [
  { name: "home", path: "/", width: 1280, height: 1500 },
  { name: "home-phone", path: "/", width: 390, height: 2400 },
  { name: "topic", path: "/special/chengshi-gengxin/", width: 1280, height: 1200 },
  { name: "article", path: "/html/xw/dzyw/88594.html", width: 1280, height: 1700 },
  { name: "section", path: "/html/xw/", width: 1280, height: 1500 },
  { name: "article-phone", path: "/html/xw/dzyw/88594.html", width: 390, height: 1600 },
  { name: "search", path: "/search?q=%E5%B2%9A%E6%B1%9F", width: 1280, height: 1200 },
];

// Through playwright rather than `chromium --screenshot`, which captures before lazy images below the fold
// have loaded: a reader who scrolls sees them, so the picture should too.
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height } });
    await page.goto(`${base}${shot.path}`, { waitUntil: "networkidle" });
    // A string, since this project's TypeScript knows no DOM: it runs in the page.
    await page.evaluate(`Promise.all([...document.images].map((img) => { img.loading = "eager"; return img.decode().catch(() => {}); }))`);
    await page.screenshot({ path: join(out, `${shot.name}.png`) });
    await page.close();
    console.log(`screenshots: ${shot.name}.png (${shot.width}×${shot.height}) of ${shot.path}`);
  }
} finally {
  await browser.close();
}
