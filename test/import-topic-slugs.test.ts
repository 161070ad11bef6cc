// How an old 专题's topic is named: from its old file name, `zt-<id>` without one, `<slug>-<id>` when a topic
// of the newsroom's already has the name — which stays theirs, untouched, while the old URLs lead to the import's.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { topicSlug } from "../scripts/import/specials.ts";
import { getTopic } from "../src/db/topics.ts";
import { get } from "./html.ts";
import { importDump } from "./import-fixture.ts";
import { makeKey } from "./keys-fixture.ts";
import { settledFetch } from "./settle.ts";

describe("the slug of an imported 专题", () => {
  it("is its file name in lower case with hyphens, or zt-<id> when that leaves nothing", () => {
    expect(topicSlug("LanJiang_Bridge", 1)).toBe("lanjiang-bridge");
    expect(topicSlug("  Min_Sheng_2023.html ", 7)).toBe("min-sheng-2023-html");
    expect(topicSlug("两会", 3)).toBe("zt-3");
    expect(topicSlug("", 88609)).toBe("zt-88609");
    expect(topicSlug("--__--", 2)).toBe("zt-2");
    expect(topicSlug("a".repeat(80), 2)).toBe("a".repeat(50));
  });

  it("takes <slug>-<id> when the newsroom already has a topic of that name, and leaves theirs alone", async () => {
    const editor = await makeKey("editor");
    const made = await settledFetch("http://localhost/api/v1/admin/topics", {
      method: "POST",
      headers: { ...editor.headers, "Content-Type": "application/json" },
      body: JSON.stringify({ slug: "lanjiang-bridge", title: "编辑部自己的专题" }),
    });
    expect(made.status).toBe(201);
    const summary = await importDump("phpcms", "phpcms-utf8.sql");
    expect(summary.topics).toMatchObject({ created: 2, kept: [] });
    expect((await getTopic(env.DB, "lanjiang-bridge"))?.title).toBe("编辑部自己的专题");
    expect((await getTopic(env.DB, "lanjiang-bridge-1"))?.title).toBe("岚江大桥通车");
    for (const old of ["/index.php?m=special&c=index&id=1", "/special/LanJiang_Bridge/"]) {
      const res = await get(old);
      expect([res.status, res.headers.get("Location")], old).toEqual([301, "/special/lanjiang-bridge-1/"]);
    }
  });
});
