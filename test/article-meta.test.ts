// What an article page tells crawlers and link previews: canonical, Open Graph, Twitter card, NewsArticle JSON-LD.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { toRfc3339 } from "../src/content/dates.ts";
import { LOGO_URL } from "../src/render/logo.ts";
import { png } from "./fixtures/images.ts";
import { makeArticle, makeImage, makeSection, uniqueSlug } from "./fixtures.ts";
import { page, select } from "./html.ts";
import { settledFetch } from "./settle.ts";

const SITE = env.SITE_URL;

async function metaOf(html: string): Promise<Record<string, string>> {
  const tags = await select(html, "meta[property], meta[name]");
  return Object.fromEntries(tags.map((t) => [t.attrs.property ?? t.attrs.name ?? "", t.attrs.content ?? ""]));
}

const jsonLdOf = (html: string) => JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1] ?? "null") as Record<string, unknown>;

describe("an article page's metadata", () => {
  it("has Open Graph, a large Twitter card and NewsArticle JSON-LD with the cover, dates and reporters", async () => {
    const root = uniqueSlug("og");
    await makeSection(root, "新闻");
    await makeSection(`${root}/dzyw`, "党政要闻");
    const cover = await makeImage(png(), { alt: "会议现场" });
    const a = await makeArticle({
      section: `${root}/dzyw`,
      title: "市政府召开常务会议 </script><!--",
      summary: "研究部署冬季安全生产",
      bylines: [{ name: "林晓", role: "记者" }, { name: "邓文", role: "责任编辑" }],
      cover_image: cover.key,
      publishedAt: Date.UTC(2023, 5, 2, 0, 30),
    });
    const url = `${SITE}/html/${root}/dzyw/${a.id}.html`;
    const html = await page(`/html/${root}/dzyw/${a.id}.html`);
    const meta = await metaOf(html);
    expect(meta).toMatchObject({
      "og:type": "article",
      "og:site_name": env.SITE_NAME,
      "og:locale": "zh_CN",
      "og:title": "市政府召开常务会议 </script><!--",
      "og:description": "研究部署冬季安全生产",
      "og:url": url,
      "og:image": `${SITE}/media/${cover.key}`,
      "og:image:width": "6",
      "og:image:height": "4",
      "og:image:alt": "会议现场",
      "article:published_time": "2023-06-02T08:30:00+08:00",
      "article:modified_time": toRfc3339(a.updatedAt),
      "article:section": "党政要闻",
      "twitter:card": "summary_large_image",
      "twitter:title": "市政府召开常务会议 </script><!--",
      "twitter:image": `${SITE}/media/${cover.key}`,
    });
    expect((await select(html, 'link[rel="canonical"]'))[0]?.attrs.href).toBe(url);
    expect(jsonLdOf(html)).toEqual({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "市政府召开常务会议 </script><!--",
      description: "研究部署冬季安全生产",
      datePublished: "2023-06-02T08:30:00+08:00",
      dateModified: toRfc3339(a.updatedAt),
      author: [{ "@type": "Person", name: "林晓" }],
      publisher: {
        "@type": "NewsMediaOrganization",
        name: env.SITE_NAME,
        url: `${SITE}/`,
        logo: { "@type": "ImageObject", url: `${SITE}${LOGO_URL}`, width: 512, height: 512 },
      },
      image: [`${SITE}/media/${cover.key}`],
      articleSection: "党政要闻",
      inLanguage: "zh-CN",
      mainEntityOfPage: { "@type": "WebPage", "@id": url },
    });
  });

  it("falls back to the site's logo and a small card without a cover; the logo is served", async () => {
    const section = uniqueSlug("og");
    const a = await makeArticle({ section, title: "没有封面的稿件", body: "正文第一句。", bylines: [{ name: "邓文", role: "编辑" }] });
    const html = await page(`/html/${section}/${a.id}.html`);
    const meta = await metaOf(html);
    expect(meta["og:image"]).toBe(`${SITE}${LOGO_URL}`);
    expect(meta["og:description"]).toBe("正文第一句。");
    expect(meta["twitter:card"]).toBe("summary");
    // Only desk bylines: no author is claimed rather than an editor named as one.
    expect(jsonLdOf(html).author).toBeUndefined();
    const logo = await settledFetch(`http://localhost${LOGO_URL}`);
    expect(logo.status).toBe(200);
    expect(logo.headers.get("Content-Type")).toBe("image/svg+xml");
    expect(logo.headers.get("Cache-Control")).toContain("immutable");
    expect(await logo.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="512" height="512"/);
  });

  it("says nothing to crawlers on section pages or home but their feeds", async () => {
    const section = uniqueSlug("og");
    await makeArticle({ section });
    expect(jsonLdOf(await page(`/html/${section}/`))).toBeNull();
    expect((await metaOf(await page("/")))["og:type"]).toBeUndefined();
  });
});
