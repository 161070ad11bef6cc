// The reader site as a reader gets it: article, section and home pages, redirects and 404s.
import { afterEach, describe, expect, it, vi } from "vitest";
import { env } from "cloudflare:workers";
import { articleUrl, sectionUrl } from "../src/content/urls.ts";
import { insertMedia } from "../src/db/media.ts";
import { makeArticle, makeArticles, makeSection, uniqueSlug } from "./fixtures.ts";
import { get, one, page, select, texts } from "./html.ts";
import { failing } from "./failing-d1.ts";
import { settledFetch } from "./settle.ts";

const SITE = env.SITE_NAME;


// A spy restored here, not after its expectations: one that failed would otherwise stay for the next file.
afterEach(() => {
  vi.restoreAllMocks();
});

describe("article page", () => {
  it("shows breadcrumb, kicker, title, subtitle, source, Shanghai date, body and bylines", async () => {
    const root = uniqueSlug("xw");
    await makeSection(root, "新闻");
    await makeSection(`${root}/dzyw`, "党政要闻");
    const a = await makeArticle({
      section: `${root}/dzyw`,
      title: "巩固成果 谋求高质量发展",
      kicker: "州工作组赴园区调研",
      subtitle: "——两地合作十余年成效显著",
      summary: "工作组深入园区企业调研座谈。",
      source: "青岚日报",
      body: "本网讯 5月31日，工作组深入园区调研。\n\n园区产值再创新高。",
      bylines: [
        { name: "张三", role: "记者" },
        { name: "李四", role: "记者" },
        { name: "王五", role: "通讯员" },
        { name: "赵六", role: "编辑" },
      ],
      // 16:30 UTC on June 1st is already June 2nd in Shanghai.
      publishedAt: Date.UTC(2023, 5, 1, 16, 30),
    });
    const res = await get(articleUrl(`${root}/dzyw`, a.id));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")?.toLowerCase()).toBe("text/html; charset=utf-8");
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=30, stale-while-revalidate=60, stale-if-error=604800");
    const html = await res.text();

    const crumbs = await select(html, "nav.crumbs li");
    expect(crumbs.map((c) => c.text)).toEqual([SITE, "新闻", "党政要闻", "正文"]);
    const crumbLinks = await select(html, "nav.crumbs a");
    expect(crumbLinks.map((l) => l.attrs.href)).toEqual(["/", `/html/${root}/`, `/html/${root}/dzyw/`]);
    expect((await one(html, "nav.crumbs")).attrs["aria-label"]).toBe("您所在的位置");
    expect(html).toContain("您所在的位置：");

    expect((await one(html, "h1")).text).toBe("巩固成果 谋求高质量发展");
    expect((await one(html, ".kicker")).text).toBe("州工作组赴园区调研");
    expect((await one(html, ".subtitle")).text).toBe("——两地合作十余年成效显著");
    // The kicker comes above the title, the subtitle below it.
    expect(html.indexOf('class="kicker"')).toBeLessThan(html.indexOf("<h1>"));
    expect(html.indexOf('class="subtitle"')).toBeGreaterThan(html.indexOf("<h1>"));
    expect((await one(html, ".story-meta")).text).toBe("来源：青岚日报2023年06月02日");
    const time = await one(html, ".story-meta time");
    expect(time.text).toBe("2023年06月02日");
    expect(time.attrs.datetime).toBe("2023-06-02T00:30:00+08:00");

    expect(await texts(html, ".story-body p")).toEqual(["本网讯 5月31日，工作组深入园区调研。", "园区产值再创新高。"]);
    expect(await texts(html, ".credits p")).toEqual(["记者 张三 李四通讯员 王五", "编辑 赵六"]);
    expect(await texts(html, ".credits span")).toEqual(["记者 张三 李四", "通讯员 王五", "编辑 赵六"]);

    expect((await one(html, "title")).text).toBe(`巩固成果 谋求高质量发展 - 党政要闻 - ${SITE}`);
    expect((await one(html, 'link[rel="canonical"]')).attrs.href).toBe(`${env.SITE_URL}/html/${root}/dzyw/${a.id}.html`);
    expect((await one(html, 'meta[name="description"]')).attrs.content).toBe("工作组深入园区企业调研座谈。");
    expect((await one(html, "html")).attrs.lang).toBe("zh-CN");
    // No script runs: the one script element is JSON-LD data.
    expect(html.replace(/<script type="application\/ld\+json">[^<]*<\/script>/, "")).not.toContain("<script");
  });

  it("shows the cover and body images with their reserved size, alt text and captions", async () => {
    const key = (n: number) => `${crypto.randomUUID().replaceAll("-", "").padEnd(63, "0")}${n}.jpg`;
    const [cover, inline] = [key(1), key(2)];
    const audit = { actor: { id: null, name: "test" }, action: "image.upload" };
    await insertMedia(env.DB, { key: cover, contentType: "image/jpeg", bytes: 1, width: 1200, height: 675, alt: "青岚湖全景", caption: "青岚湖", credit: "林晓 摄", createdBy: null }, audit);
    await insertMedia(env.DB, { key: inline, contentType: "image/jpeg", bytes: 1, width: 800, height: 600, alt: "会场", caption: "", credit: "本网记者 摄", createdBy: null }, audit);
    const section = uniqueSlug("tp");
    const a = await makeArticle({ section, title: "图片新闻", cover_image: cover, body: `第一段。\n\n![](/media/${inline} "座谈会现场")\n\n第二段。` });
    const html = await (await get(articleUrl(section, a.id))).text();
    const coverImg = await one(html, "figure.cover img");
    expect(coverImg.attrs).toMatchObject({ src: `/media/${cover}`, alt: "青岚湖全景", width: "1200", height: "675" });
    expect((await one(html, "figure.cover figcaption")).text).toBe("青岚湖（林晓 摄）");
    const bodyImg = await one(html, ".story-body figure img");
    expect(bodyImg.attrs).toMatchObject({ src: `/media/${inline}`, alt: "会场", width: "800", height: "600" });
    expect((await one(html, ".story-body figcaption")).text).toBe("座谈会现场（本网记者 摄）");
  });

  it("still renders when the rows of its cover and body images have gone", async () => {
    // Writes refuse images that were never uploaded; this is damaged data, e.g. a row deleted by hand.
    const key = `${crypto.randomUUID().replaceAll("-", "").padEnd(64, "e")}.png`;
    await insertMedia(env.DB, { key, contentType: "image/png", bytes: 1, width: 10, height: 10, alt: "", caption: "", credit: "", createdBy: null }, { actor: { id: null, name: "test" }, action: "image.upload" });
    const section = uniqueSlug("tp");
    const a = await makeArticle({ section, title: "图片丢失", cover_image: key, body: `![图](/media/${key})\n\n正文照常。` });
    await env.DB.prepare("DELETE FROM media WHERE key = ?").bind(key).run();
    const res = await get(articleUrl(section, a.id));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(await select(html, "figure.cover")).toEqual([]);
    expect(await texts(html, ".story-body p")).toContain("正文照常。");
  });

  it("marks the article's top-level section as current in the navigation", async () => {
    const root = uniqueSlug("nav");
    await makeSection(root, "导航栏目", -1e9);
    const a = await makeArticle({ section: `${root}/sub` });
    const html = await page(articleUrl(`${root}/sub`, a.id));
    const current = (await select(html, "nav.sitenav a")).filter((l) => l.attrs["aria-current"]);
    expect(current.map((l) => l.attrs.href)).toEqual([`/html/${root}/`]);
  });

  it("omits kicker, subtitle, source and bylines when the article has none, and describes it by its body", async () => {
    const section = uniqueSlug("bare");
    const a = await makeArticle({ section, title: "只有正文", body: "第一句话。第二句话。" });
    const html = await page(articleUrl(section, a.id));
    expect(await select(html, ".kicker")).toHaveLength(0);
    expect(await select(html, ".subtitle")).toHaveLength(0);
    expect(await select(html, ".credits")).toHaveLength(0);
    expect((await one(html, ".story-meta")).text).not.toContain("来源");
    expect((await one(html, 'meta[name="description"]')).attrs.content).toBe("第一句话。第二句话。");
  });

  it("shows a title with <script> and & as text", async () => {
    const section = uniqueSlug("esc");
    const a = await makeArticle({ section, title: `<script>alert("x")</script> & 新闻`, summary: `"quoted" <b>` });
    const html = await page(articleUrl(section, a.id));
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 新闻");
    // The title inside the JSON-LD cannot close its element: it holds no < at all, and reads back exact.
    const ld = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1] ?? "";
    expect(ld).toContain("\\u003c/script\\u003e");
    expect((JSON.parse(ld) as { headline: string }).headline).toBe(`<script>alert("x")</script> & 新闻`);
    expect(html.replace(/<script type="application\/ld\+json">[^<]*<\/script>/, "")).not.toContain("<script");
    expect((await one(html, "h1")).text).toBe(`<script>alert("x")</script> & 新闻`);
    expect((await one(html, 'meta[name="description"]')).attrs.content).toBe(`"quoted" <b>`);
  });

  describe("上一篇 / 下一篇", () => {
    async function neighbours(sectionPath: string, id: number) {
      const html = await page(articleUrl(sectionPath, id));
      return (await select(html, "nav.neighbours li")).map((li) => li.text);
    }

    it("links the older and newer article of the same section, with 没有了 at the ends", async () => {
      const section = uniqueSlug("pn");
      const [first, middle, last] = await makeArticles(section, 3);
      // Neither a draft nor an article of another section is a neighbour.
      await makeArticle({ section, title: "草稿", status: "draft" });
      await makeArticle({ section: uniqueSlug("other"), title: "别的栏目", publishedAt: Date.UTC(2023, 5, 1, 0, 1) });
      if (!first || !middle || !last) throw new Error("fixture");

      expect(await neighbours(section, first.id)).toEqual(["上一篇：没有了", "下一篇：第2篇"]);
      expect(await neighbours(section, middle.id)).toEqual(["上一篇：第1篇", "下一篇：第3篇"]);
      expect(await neighbours(section, last.id)).toEqual(["上一篇：第2篇", "下一篇：没有了"]);

      const html = await page(articleUrl(section, middle.id));
      const links = await select(html, "nav.neighbours a");
      expect(links.map((l) => [l.attrs.rel, l.attrs.href])).toEqual([
        ["prev", articleUrl(section, first.id)],
        ["next", articleUrl(section, last.id)],
      ]);
    });

    it("says 没有了 both ways for the only article of a section", async () => {
      const section = uniqueSlug("solo");
      const a = await makeArticle({ section });
      expect(await neighbours(section, a.id)).toEqual(["上一篇：没有了", "下一篇：没有了"]);
    });
  });

  describe("redirects and 404s", () => {
    it("answers 301 to the canonical URL for a known id under another section path", async () => {
      const section = uniqueSlug("canon");
      const a = await makeArticle({ section: `${section}/sub` });
      for (const wrong of [section, uniqueSlug("nowhere"), `${section}/sub/deeper`]) {
        const res = await get(`/html/${wrong}/${a.id}.html`);
        expect(res.status).toBe(301);
        expect(res.headers.get("Location")).toBe(articleUrl(`${section}/sub`, a.id));
      }
    });

    it("answers 404 for unknown, draft and scheduled articles, as a page in the site's look", async () => {
      const section = uniqueSlug("nf");
      const draft = await makeArticle({ section, status: "draft" });
      const scheduled = await makeArticle({ section, status: "scheduled", publish_at: Date.now() + 86_400_000 });
      for (const id of [draft.id, scheduled.id, 9_007_199_254_740_000]) {
        const res = await get(articleUrl(section, id));
        expect(res.status).toBe(404);
        expect(res.headers.get("Content-Type")?.toLowerCase()).toBe("text/html; charset=utf-8");
        const html = await res.text();
        expect((await one(html, ".status")).text).toBe("404");
        expect((await one(html, "a.brand")).text).toBe(SITE);
        expect(await select(html, 'link[rel="stylesheet"]')).toHaveLength(1);
      }
    });

    it("carries the site's section navigation, read in the request's one round trip", async () => {
      const top = uniqueSlug("nv");
      const name = `导航${top}`;
      await makeSection(top, name);
      const article = await makeArticle({ section: `${top}/sub`, status: "draft" });
      // A draft's URL, a page past a section's end, a section that does not exist, a file no route serves.
      for (const path of [articleUrl(`${top}/sub`, article.id), sectionUrl(top, 2), sectionUrl(uniqueSlug("none")), `/${uniqueSlug("nowhere")}.txt`]) {
        const res = await get(path);
        expect(res.status, path).toBe(404);
        expect(res.headers.get("Server-Timing"), path).toMatch(/round_trips=1 /);
        const nav = await select(await res.text(), "nav.sitenav a");
        expect(nav.find((a) => a.text === name)?.attrs.href, path).toBe(sectionUrl(top));
      }
    });

    it("still answers a 404 page, home link only, when D1 cannot give the navigation", async () => {
      const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
      const res = await settledFetch(`http://localhost/${uniqueSlug("nowhere")}.txt`, {}, failing("D1_ERROR: Network connection lost."));
      expect(logged).toHaveBeenCalledWith("404 page without navigation: D1 failed", expect.any(String), expect.any(Error));
      expect(res.status).toBe(404);
      expect(await texts(await res.text(), "nav.sitenav a")).toEqual(["首页"]);
    });

    it("answers 404 for malformed ids: letters, signs, leading zeros, beyond 2^53", async () => {
      const section = uniqueSlug("bad");
      const a = await makeArticle({ section });
      for (const file of [
        "abc.html", "12a.html", "-1.html", "+1.html", "1.5.html", "0.html", `0${a.id}.html`, `${a.id}.htm`,
        `${a.id}.HTML`, "9007199254740993.html", "99999999999999999999.html", `${"9".repeat(400)}.html`, ".html",
      ]) {
        expect((await get(`/html/${section}/${file}`)).status, file).toBe(404);
      }
    });

    it("answers a JSON error to a client that asks for JSON", async () => {
      const res = await get(`/html/${uniqueSlug("js")}/123456789.html`, { Accept: "application/json" });
      expect(res.status).toBe(404);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("not_found");
    });

    it("answers odd encodings, traversal and very long paths with a clean 404", async () => {
      for (const path of [
        "/html/%E6%96%B0/",
        "/html/xw/%ff.html",
        "/html/xw/%E6%96%B0.html",
        "/html/xw%2Fdzyw/",
        "/html/%2e%2e/%2e%2e/etc/passwd",
        "/html/../etc/passwd",
        "/html/XW/",
        "/html/",
        "/html",
        "/html//",
        "/html/xw//",
        `/html/${"a/".repeat(2000)}`,
        `/html/${"a".repeat(5000)}/`,
      ]) {
        const res = await get(path);
        expect(res.status, path).toBe(404);
      }
    });
  });
});

describe("section page", () => {
  async function titles(path: string) {
    return texts(await page(path), ".list h2");
  }
  const numbered = (from: number, to: number) => {
    const out: string[] = [];
    for (let i = from; i >= to; i--) out.push(`第${i}篇`);
    return out;
  };

  it("lists exactly 20 articles on one page, newest first, without page links", async () => {
    const section = uniqueSlug("p20");
    await makeArticles(section, 20);
    const html = await page(sectionUrl(section));
    expect(await texts(html, ".list h2")).toEqual(numbered(20, 1));
    expect(await select(html, "nav.pagination")).toHaveLength(0);
    expect((await get(sectionUrl(section, 2))).status).toBe(404);
  });

  it("puts the 21st article on page 2, with 上一页 / 下一页 and page numbers", async () => {
    const section = uniqueSlug("p21");
    await makeArticles(section, 21);
    const first = await page(sectionUrl(section));
    expect(await texts(first, ".list h2")).toEqual(numbered(21, 2));
    const links1 = await select(first, "nav.pagination a");
    expect(links1.map((l) => [l.text, l.attrs.href, l.attrs.rel ?? null, l.attrs["aria-current"] ?? null])).toEqual([
      ["1", `/html/${section}/`, null, "page"],
      ["2", `/html/${section}/index_2.html`, null, null],
      ["下一页", `/html/${section}/index_2.html`, "next", null],
    ]);

    const second = await page(sectionUrl(section, 2));
    expect(await texts(second, ".list h2")).toEqual(["第1篇"]);
    const links2 = await select(second, "nav.pagination a");
    expect(links2.map((l) => [l.text, l.attrs.rel ?? null, l.attrs["aria-current"] ?? null])).toEqual([
      ["上一页", "prev", null],
      ["1", null, null],
      ["2", null, "page"],
    ]);
    expect((await one(second, 'link[rel="canonical"]')).attrs.href).toBe(`${env.SITE_URL}/html/${section}/index_2.html`);
    expect((await one(second, "title")).text).toBe(`${section} - 第2页 - ${SITE}`);
    expect((await get(sectionUrl(section, 3))).status).toBe(404);
  });

  it("splits 40 articles into two full pages and 404s past the end", async () => {
    const section = uniqueSlug("p40");
    await makeArticles(section, 40);
    expect(await titles(sectionUrl(section))).toEqual(numbered(40, 21));
    expect(await titles(sectionUrl(section, 2))).toEqual(numbered(20, 1));
    for (const n of [3, 4, 999999]) expect((await get(sectionUrl(section, n))).status).toBe(404);
  });

  it("orders by publication time, not by id or creation order", async () => {
    const section = uniqueSlug("ord");
    const t = Date.UTC(2022, 0, 1);
    await makeArticle({ section, title: "中", publishedAt: t + 2000 });
    await makeArticle({ section, title: "新", publishedAt: t + 5000 });
    await makeArticle({ section, title: "旧", publishedAt: t });
    expect(await titles(sectionUrl(section))).toEqual(["新", "中", "旧"]);
  });

  it("shows each item's link, date and summary, falling back to the start of the body", async () => {
    const section = uniqueSlug("sum");
    const withSummary = await makeArticle({ section, title: "有摘要", summary: "编辑写的摘要。", publishedAt: Date.UTC(2023, 5, 1, 16, 30) });
    await makeArticle({ section, title: "无摘要", body: "正文的第一句。正文的第二句。", publishedAt: Date.UTC(2023, 5, 3) });
    const html = await page(sectionUrl(section));
    expect(await texts(html, ".list .summary")).toEqual(["正文的第一句。正文的第二句。", "编辑写的摘要。"]);
    const link = (await select(html, ".list h2 a")).find((l) => l.text === "有摘要");
    expect(link?.attrs.href).toBe(articleUrl(section, withSummary.id));
    expect((await texts(html, ".list time"))[1]).toBe("2023年06月02日");
  });

  it("includes its subsections' articles, labelled, and links to the subsections", async () => {
    const root = uniqueSlug("tree");
    await makeSection(root, "新闻");
    await makeSection(`${root}/b`, "乙栏目", 2);
    await makeSection(`${root}/a`, "甲栏目", 1);
    await makeSection(`${root}/b/c`, "丙栏目");
    await makeArticle({ section: root, title: "本栏", publishedAt: Date.UTC(2023, 0, 1) });
    await makeArticle({ section: `${root}/a`, title: "甲文", publishedAt: Date.UTC(2023, 0, 2) });
    await makeArticle({ section: `${root}/b/c`, title: "丙文", publishedAt: Date.UTC(2023, 0, 3) });
    const html = await page(sectionUrl(root));
    expect(await texts(html, ".list h2")).toEqual(["丙文", "甲文", "本栏"]);
    expect(await texts(html, ".list .item-meta a")).toEqual(["丙栏目", "甲栏目"]);
    const subs = await select(html, "nav.subsections a");
    expect(subs.map((s) => [s.text, s.attrs.href])).toEqual([
      ["甲栏目", `/html/${root}/a/`],
      ["乙栏目", `/html/${root}/b/`],
    ]);
    // The subsection lists only its own.
    expect(await titles(sectionUrl(`${root}/a`))).toEqual(["甲文"]);
    const crumbs = await select(await page(sectionUrl(`${root}/b/c`)), "nav.crumbs li");
    expect(crumbs.map((c) => c.text)).toEqual([SITE, "新闻", "乙栏目", "丙栏目"]);
  });

  it("answers 200 with 暂无文章 for an empty section, and 404 for an unknown one", async () => {
    const section = uniqueSlug("empty");
    await makeSection(section, "空栏目");
    const html = await page(sectionUrl(section));
    expect((await one(html, "h1")).text).toBe("空栏目");
    expect((await one(html, ".empty")).text).toBe("暂无文章");
    expect((await get(sectionUrl(section, 2))).status).toBe(404);
    expect((await get(sectionUrl(uniqueSlug("unknown")))).status).toBe(404);
    expect((await get(`/html/${uniqueSlug("unknown")}`)).status).toBe(404);
  });

  it("redirects its other first-page names to the canonical one", async () => {
    const section = uniqueSlug("alias");
    await makeArticles(section, 1);
    for (const path of [`/html/${section}`, `/html/${section}/index_1.html`, `/html/${section}/index.html`]) {
      const res = await get(path);
      expect(res.status, path).toBe(301);
      expect(res.headers.get("Location")).toBe(`/html/${section}/`);
    }
  });

  it("answers 404 for page numbers that are zero, negative, padded, not numbers or absurdly large", async () => {
    const section = uniqueSlug("pg");
    await makeArticles(section, 1);
    for (const file of ["index_0.html", "index_-1.html", "index_02.html", "index_x.html", "index_.html", "index_2", "index_1e3.html", `index_${"9".repeat(30)}.html`]) {
      expect((await get(`/html/${section}/${file}`)).status, file).toBe(404);
    }
  });
});

describe("home", () => {
  it("shows each top-level section's latest headlines in sort order, the newest as the lead with its summary", async () => {
    const late = uniqueSlug("hb");
    const early = uniqueSlug("ha");
    await makeSection(late, "后块", 1e9 + 1);
    await makeSection(early, "前块", 1e9);
    for (let i = 1; i <= 10; i++) {
      await makeArticle({ section: `${early}/sub`, title: `前块第${i}篇`, summary: `摘要${i}`, publishedAt: Date.UTC(2023, 1, 1, 0, i) });
    }
    await makeArticle({ section: late, title: "后块唯一" });

    const res = await get("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=30, stale-while-revalidate=60, stale-if-error=604800");
    const html = await res.text();
    const blocks = (await select(html, "section.block h2")).map((h) => h.text);
    expect(blocks.indexOf("前块")).toBeGreaterThanOrEqual(0);
    expect(blocks.indexOf("前块")).toBeLessThan(blocks.indexOf("后块"));

    const block = await one(html, `section[aria-labelledby="s-${early}"]`);
    expect(block.text).toContain("前块第10篇 摘要10");
    const heads = await texts(html, `section[aria-labelledby="s-${early}"] .headlines a`);
    expect(heads).toEqual(["前块第9篇", "前块第8篇", "前块第7篇", "前块第6篇", "前块第5篇", "前块第4篇", "前块第3篇"]);
    expect(await texts(html, `section[aria-labelledby="s-${early}"] .lead h3`)).toEqual(["前块第10篇"]);
    // The nav lists the top-level sections in the same order.
    const nav = (await select(html, "nav.sitenav a")).map((a) => a.attrs.href);
    expect(nav[0]).toBe("/");
    expect(nav.indexOf(`/html/${early}/`)).toBeLessThan(nav.indexOf(`/html/${late}/`));
    expect(html).not.toContain(`/html/${early}/sub/"`);
  });
});

describe("stylesheet", () => {
  it("is served at the hashed URL pages link, cached for a year", async () => {
    const href = (await one(await page("/"), 'link[rel="stylesheet"]')).attrs.href ?? "";
    expect(href).toMatch(/^\/assets\/site\.[0-9a-f]{8}\.css$/);
    const res = await get(href);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/css; charset=utf-8");
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=31536000, stale-if-error=31536000, immutable");
    expect((await get(href, { "If-None-Match": res.headers.get("ETag") ?? "" })).status).toBe(304);
    expect(await res.text()).toContain('"PingFang SC"');
    expect((await get("/assets/nothing.css")).status).toBe(404);
  });
});
