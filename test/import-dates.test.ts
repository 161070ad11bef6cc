// An old article dated after the import (a mistyped year, a clock gone wrong): published, it would head
// every listing until that date, a state no write path makes. It waits as a draft for an editor instead.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { dedeDump, utf8 } from "./import-dumps.ts";
import { importDump } from "./import-fixture.ts";
import { get, texts, page } from "./html.ts";

describe("an article dated after the import", () => {
  it("is imported as a draft, with the reason and the date in the report, and the others as they were", async () => {
    // 2100-01-01 in Beijing time; 751 is an ordinary article of 2023.
    const summary = await importDump("dedecms", utf8(dedeDump([{ id: 751, title: "今年的" }, { id: 752, title: "百年后的", pubdate: 4102416000 }])));
    expect(summary.articles).toMatchObject({ published: 1, drafts: 1, draftReasons: { "dated after the import": 1 } });
    expect(summary.notes).toContainEqual({ id: 752, note: "dated 2100-01-01, after the import: imported as a draft" });
    const rows = await env.DB.prepare("SELECT id, status FROM articles WHERE id IN (751, 752) ORDER BY id").all();
    expect(rows.results).toEqual([{ id: 751, status: "published" }, { id: 752, status: "draft" }]);
    expect((await get("/plus/view.php?aid=752")).status).toBe(404);
    const listed = (await texts(await page("/html/cs/"), "main a")).join(" ");
    expect(listed).toContain("今年的");
    expect(listed).not.toContain("百年后的");
  });
});
