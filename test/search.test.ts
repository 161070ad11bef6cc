// Search as readers use it: what they find for the words they type, in which order, with what marked —
// through the JSON API (scoped to each test's own section, so tests never see each other's articles) and
// the results page in the site's look.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { importPublishedArticles } from "../src/publish/import.ts";
import { SEARCH_WINDOW } from "../src/domain/search.ts";
import { TEST_ACTOR, makeArticle, makeSection, uniqueSlug } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import { ORIGIN, editorSearch, idsEditorsFind, idsFound, readerSearch } from "./search-fixture.ts";
import { settledFetch } from "./settle.ts";

const day = (n: number) => Date.UTC(2025, 0, n, 2);

describe("what a reader finds", () => {
  it("finds a two-character word inside longer words, where a dictionary would cut it apart", async () => {
    const section = uniqueSlug("sw");
    const battery = await makeArticle({ section, title: "产业园新项目投产", body: "本网讯 鹤湾区一家锂电池企业今日投产。" });
    const solar = await makeArticle({ section, title: "光伏发电并网", body: "项目总装机容量较大。" });
    await makeArticle({ section, title: "无关的消息", body: "今天天气晴朗。" });
    expect(await idsFound("锂电", section)).toEqual([battery.id]);
    expect(await idsFound("光伏", section)).toEqual([solar.id]);
    expect(await idsFound("甘孜", section)).toEqual([]);
  });

  it("finds one character wherever it stands: starting a pair, or ending a run", async () => {
    const section = uniqueSlug("sw");
    const inside = await makeArticle({ section, title: "城区道路改造", publishedAt: day(1) });
    const starting = await makeArticle({ section, title: "区域协作", publishedAt: day(2) });
    const ending = await makeArticle({ section, title: "覆盖全区。", publishedAt: day(3) });
    await makeArticle({ section, title: "城市道路改造", publishedAt: day(4) });
    expect(new Set(await idsFound("区", section))).toEqual(new Set([inside.id, starting.id, ending.id]));
  });

  it("matches a phrase only where its characters stand together; separate words anywhere", async () => {
    const section = uniqueSlug("sw");
    const whole = await makeArticle({ section, title: "工业园区扩建" });
    const apart = await makeArticle({ section, title: "工业发展与园区建设" });
    expect(await idsFound("工业园区", section)).toEqual([whole.id]);
    expect(new Set(await idsFound("工业 园区", section))).toEqual(new Set([whole.id, apart.id]));
  });

  it("finds mixed Chinese, Latin and numbers, without regard to case or width", async () => {
    const section = uniqueSlug("sw");
    const base = await makeArticle({ section, title: "全市新建5G基站1200个" });
    const separate = await makeArticle({ section, title: "5G网络覆盖乡村 基站建设加快" });
    const year = await makeArticle({ section, title: "2026年度工作会议召开" });
    const phone = await makeArticle({ section, title: "新款ＩＰＨＯＮＥ 15在青岚首发" });
    expect(await idsFound("5G基站", section)).toEqual([base.id]);
    expect(new Set(await idsFound("5g 基站", section))).toEqual(new Set([base.id, separate.id]));
    expect(await idsFound("2026年", section)).toEqual([year.id]);
    expect(await idsFound("iPhone15", section)).toEqual([phone.id]);
    expect(await idsFound("1200", section)).toEqual([base.id]);
  });

  it("joins a term typed with full-width punctuation as it joins the half-width term: ３．５亿 is 3.5亿", async () => {
    const section = uniqueSlug("sw");
    const amount = await makeArticle({ section, title: "项目总投资3.5亿元", publishedAt: day(1) });
    await makeArticle({ section, title: "3个项目投资5亿元", publishedAt: day(2) });
    const code = await makeArticle({ section, title: "R&D投入 COVID-19防控", publishedAt: day(3) });
    await makeArticle({ section, title: "研发投入R与D分列 COVID防控第19天", publishedAt: day(4) });
    expect(await idsFound("3.5亿", section)).toEqual([amount.id]);
    expect(await idsFound("３．５亿", section)).toEqual([amount.id]);
    expect(await idsFound("Ｒ＆Ｄ", section)).toEqual([code.id]);
    expect(await idsFound("ＣＯＶＩＤ－１９", section)).toEqual([code.id]);
    const { body } = await readerSearch({ q: "３．５亿", section });
    expect(body.items.map((i) => i.title_html)).toEqual(["项目总投资<mark>3.5亿</mark>元"]);
  });

  it("finds a word that is only in the body, and in the kicker, summary, source and bylines", async () => {
    const section = uniqueSlug("sw");
    const body = await makeArticle({ section, title: "市政府召开常务会议", body: "会议研究了甘眉工业园区的建设。" });
    const kicker = await makeArticle({ section, title: "今日要闻", kicker: "聚焦甘眉", summary: "一段摘要" });
    const byline = await makeArticle({ section, title: "另一条消息", source: "青岚晚报", bylines: [{ name: "林晓岚", role: "记者" }] });
    expect(new Set(await idsFound("甘眉", section))).toEqual(new Set([body.id, kicker.id]));
    expect(await idsFound("林晓岚", section)).toEqual([byline.id]);
    expect(await idsFound("青岚晚报", section)).toEqual([byline.id]);
    const { body: found } = await readerSearch({ q: "甘眉", section });
    const hit = found.items.find((i) => i.id === body.id);
    expect(hit?.title_html).toBe("市政府召开常务会议");
    expect(hit?.snippet_html).toBe("会议研究了<mark>甘眉</mark>工业园区的建设。");
  });

  it("finds traditional script with simplified and simplified with traditional, marking the original", async () => {
    const section = uniqueSlug("sw");
    const simplified = await makeArticle({ section, title: "巩固脱贫攻坚成果", publishedAt: day(1) });
    const traditional = await makeArticle({ section, title: "鞏固脫貧攻堅成果", publishedAt: day(2) });
    for (const q of ["巩固", "鞏固", "脱贫攻坚", "脫貧攻堅"]) expect(new Set(await idsFound(q, section)), q).toEqual(new Set([simplified.id, traditional.id]));
    const { body } = await readerSearch({ q: "巩固", section });
    expect(body.items.map((i) => i.title_html)).toEqual(["<mark>鞏固</mark>脫貧攻堅成果", "<mark>巩固</mark>脱贫攻坚成果"]);
  });

  it("ranks a match in the title above one in the body, whatever their dates", async () => {
    const section = uniqueSlug("sw");
    const inTitle = await makeArticle({ section, title: "岚江治理取得成效", body: "正文没有提到它。", publishedAt: day(1) });
    const inBody = await makeArticle({ section, title: "一条新闻", body: "今年以来岚江治理持续推进。", publishedAt: day(9) });
    expect(await idsFound("岚江", section)).toEqual([inTitle.id, inBody.id]);
  });

  it("ranks the newer of two equally good matches first, also when ids run the other way", async () => {
    const section = uniqueSlug("sw");
    const newer = await makeArticle({ section, id: 7_000_001 + Math.floor(Math.random() * 1e6), title: "茶山村茶叶丰收", publishedAt: day(20) });
    const older = await makeArticle({ section, id: newer.id + 1, title: "茶山村茶叶丰收", publishedAt: day(10) });
    expect(await idsFound("茶叶", section)).toEqual([newer.id, older.id]);
  });

  it("ranks a word in more articles than the window among its newest matches, title first, reading boundedly", async () => {
    const section = uniqueSlug("sw");
    await makeSection(section);
    const word = `岚${uniqueSlug("").slice(-3)}`;
    const count = SEARCH_WINDOW + 200;
    const items = Array.from({ length: count }, (_, i) => ({
      section,
      // The 300th newest has the word in its title; every other one only in its body.
      title: i === count - 300 ? `${word}进入标题` : `第${i}条消息`,
      body: `本网讯 今天的消息提到了${word}。`,
      published_at: Date.UTC(2020, 0, 1) + i * 60_000,
    }));
    const ids: number[] = [];
    for (let at = 0; at < count; at += 200) ids.push(...(await importPublishedArticles(env.DB, items.slice(at, at + 200), { actor: TEST_ACTOR, now: Date.now() })).ids);
    const { body, res } = await readerSearch({ q: word, section, limit: "3" });
    expect(body.total).toBe(SEARCH_WINDOW);
    expect(body.total_capped).toBe(true);
    expect(body.items.map((i) => i.id)).toEqual([ids[count - 300], ids[count - 1], ids[count - 2]]);
    const rowsRead = Number(/rows_read=(\d+)/.exec(res.headers.get("Server-Timing") ?? "")?.[1]);
    // Each pass over the window reads its rows once: the matches, their count for the one phrase, the
    // scoring, the ranking — a constant number of windows, whatever the archive holds.
    expect(rowsRead).toBeLessThan(10 * SEARCH_WINDOW);
  });

  it("shows the part of a long body where the word is, marked, not the opening", async () => {
    const section = uniqueSlug("sw");
    const body = `${"开头的段落没有关键词。".repeat(30)}\n\n据介绍，桃溪镇竹编技艺已有三百年历史。\n\n${"结尾的段落也没有。".repeat(30)}`;
    await makeArticle({ section, title: "一条新闻", body });
    const { body: found } = await readerSearch({ q: "竹编", section });
    const snippet = found.items[0]?.snippet_html ?? "";
    expect(snippet.startsWith("…据介绍，桃溪镇<mark>竹编</mark>技艺已有三百年历史。")).toBe(true);
    expect(snippet.endsWith("…")).toBe(true);
  });

  it("escapes what it marks: a body's < and & stay text", async () => {
    const section = uniqueSlug("sw");
    await makeArticle({ section, title: "符号", body: "检测 a<b 与 R&D 投入 <img src=x onerror=alert(1)> 光伏" });
    const { body } = await readerSearch({ q: "光伏 R&D", section });
    expect(body.items[0]?.snippet_html).toContain("a&lt;b 与 <mark>R&amp;D</mark> 投入");
    expect(body.items[0]?.snippet_html).not.toContain("<img");
  });

  it("searches a section and its subsections, and answers 404 for a section that does not exist", async () => {
    const root = uniqueSlug("sw");
    await makeSection(`${root}/a`);
    await makeSection(`${root}/b`);
    const a = await makeArticle({ section: `${root}/a`, title: "梅坪县杨梅上市" });
    const b = await makeArticle({ section: `${root}/b`, title: "杨梅节开幕" });
    expect(new Set(await idsFound("杨梅", root))).toEqual(new Set([a.id, b.id]));
    expect(await idsFound("杨梅", `${root}/b`)).toEqual([b.id]);
    const missing = await readerSearch({ q: "杨梅", section: `${root}/none` });
    expect(missing.status).toBe(404);
    expect((missing.body as unknown as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("pages through every result with next_cursor, none twice, the last page saying null", async () => {
    const section = uniqueSlug("sw");
    const made = [];
    for (let i = 0; i < 25; i++) made.push(await makeArticle({ section, title: `白石村新闻第${i + 1}条`, publishedAt: day(1) + i * 60_000 }));
    const seen: number[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 5; pages++) {
      const params: Record<string, string> = { q: "白石村", section, limit: "10", ...(cursor && { cursor }) };
      const { body } = await readerSearch(params);
      expect(body.total).toBe(25);
      seen.push(...body.items.map((i) => i.id));
      cursor = body.next_cursor;
      if (cursor === null) break;
    }
    expect(cursor).toBeNull();
    expect(seen).toEqual(made.map((a) => a.id).reverse());
  });
});

describe("what readers never find, and editors do", () => {
  it("finds drafts, scheduled, withdrawn, archived and trashed articles for editors only", async () => {
    const section = uniqueSlug("sw");
    const editor = await makeKey("editor");
    const published = await makeArticle({ section, title: "白鹭湿地公园开园" });
    const draft = await makeArticle({ section, title: "白鹭湿地草稿", status: "draft" });
    const scheduled = await makeArticle({ section, title: "白鹭湿地预告", status: "scheduled" });
    const archived = await makeArticle({ section, title: "白鹭湿地旧闻" });
    const trashed = await makeArticle({ section, title: "白鹭湿地删稿" });
    for (const [id, path] of [[archived.id, "archive"], [trashed.id, ""]] as const) {
      const res = await settledFetch(`${ORIGIN}/api/v1/admin/articles/${id}${path ? `/${path}` : ""}`, { method: path ? "POST" : "DELETE", headers: editor.headers });
      expect(res.status).toBe(200);
    }
    expect(await idsFound("白鹭", section)).toEqual([published.id]);
    const page = await settledFetch(`${ORIGIN}/search?q=${encodeURIComponent("白鹭湿地草稿")}`);
    expect(await page.text()).not.toContain("白鹭湿地草稿</a>");
    expect(new Set(await idsEditorsFind(editor, "白鹭", section))).toEqual(new Set([published.id, draft.id, scheduled.id, archived.id]));
    expect(await idsEditorsFind(editor, "白鹭", section, "draft")).toEqual([draft.id]);
    expect(await idsEditorsFind(editor, "白鹭", section, "trash")).toEqual([trashed.id]);
    const { body } = await editorSearch(editor, { q: "白鹭", section, status: "scheduled" });
    expect(body.items[0]).toMatchObject({ id: scheduled.id, status: "scheduled", admin_url: `/api/v1/admin/articles/${scheduled.id}` });
    // A hit in the trash says so in its status, as the article and the list filter do.
    const inTrash = await editorSearch(editor, { q: "白鹭", section, status: "trash" });
    expect(inTrash.body.items.map((i) => [i.id, i.status])).toEqual([[trashed.id, "trash"]]);
  });

  it("lets editors page through all of a search that ranks more than a window of published and drafts", async () => {
    const section = uniqueSlug("sw");
    await makeSection(section);
    const editor = await makeKey("editor");
    const word = `鹭${uniqueSlug("").slice(-3)}`;
    // Neither range fills its window, together they hold more than one: nothing was left unranked.
    const published = SEARCH_WINDOW - 100;
    const drafts = 250;
    const items = Array.from({ length: published + drafts }, (_, i) => ({
      section,
      title: `第${i}条消息`,
      body: `本网讯 今天的消息提到了${word}。`,
      published_at: Date.UTC(2020, 0, 1) + i * 60_000,
      ...(i >= published && { status: "draft" as const }),
    }));
    for (let at = 0; at < items.length; at += 200) await importPublishedArticles(env.DB, items.slice(at, at + 200), { actor: TEST_ACTOR, now: Date.now() });
    const seen = new Set<number>();
    let cursor: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const { status, body } = await editorSearch(editor, { q: word, section, limit: "100", ...(cursor && { cursor }) });
      expect(status, `page ${pages + 1}: ${JSON.stringify(body)}`).toBe(200);
      expect(body.total).toBe(published + drafts);
      expect(body.total_capped).toBe(false);
      for (const item of body.items) seen.add(item.id);
      cursor = body.next_cursor;
      if (cursor === null) break;
    }
    expect(cursor).toBeNull();
    expect(seen.size).toBe(published + drafts);
    const { body: readers } = await readerSearch({ q: word, section });
    expect([readers.total, readers.total_capped]).toEqual([published, false]);
  });

  it("keeps the editors' search behind the key check and out of every cache", async () => {
    const unauthenticated = await settledFetch(`${ORIGIN}/api/v1/admin/search?q=光伏`);
    expect(unauthenticated.status).toBe(401);
    const author = await makeKey("author");
    const { status, res } = await editorSearch(author, { q: "光伏" });
    expect(status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
  });
});

describe("the results page", () => {
  it("shows each hit's title, snippet, section and date in the site's look, with the query in the box", async () => {
    const section = uniqueSlug("sw");
    await makeSection(section, "本地新闻");
    const word = `雁川${uniqueSlug("").slice(-4)}`;
    const hit = await makeArticle({ section, title: `雁川县举办${word}论坛`, body: `本网讯 雁川县今天举办${word}论坛。`, publishedAt: Date.UTC(2025, 5, 2, 1) });
    const res = await settledFetch(`${ORIGIN}/search?q=${encodeURIComponent(word)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<title>${word} - 搜索结果 - 青岚传媒网</title>`);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain(`<input id="site-search" type="search" name="q" value="${word}"`);
    expect(html).toContain("找到 1 篇相关文章。");
    expect(html).toContain(`<a href="/html/${section}/${hit.id}.html">雁川县举办<mark>${word}</mark>论坛</a>`);
    expect(html).toContain(`本网讯 雁川县今天举办<mark>${word}</mark>论坛。`);
    expect(html).toContain(`<a href="/html/${section}/">本地新闻</a><time datetime="2025-06-02T09:00:00+08:00">2025年06月02日</time>`);
  });

  it("pages 20 at a time, with page links, and a page past the end is a 404", async () => {
    const section = uniqueSlug("sw");
    const word = `禾丰${uniqueSlug("").slice(-4)}`;
    for (let i = 0; i < 23; i++) await makeArticle({ section, title: `${word}第${i + 1}条`, publishedAt: day(1) + i * 60_000 });
    const first = await (await settledFetch(`${ORIGIN}/search?q=${encodeURIComponent(word)}`)).text();
    expect(first.match(/<li class="item">/g)).toHaveLength(20);
    expect(first).toContain(`href="/search?q=${encodeURIComponent(word)}&amp;page=2" rel="next"`);
    const second = await settledFetch(`${ORIGIN}/search?q=${encodeURIComponent(word)}&page=2`);
    expect((await second.text()).match(/<li class="item">/g)).toHaveLength(3);
    expect((await settledFetch(`${ORIGIN}/search?q=${encodeURIComponent(word)}&page=3`)).status).toBe(404);
  });

  it("is the empty search page without a query, and says so when nothing was found", async () => {
    const empty = await settledFetch(`${ORIGIN}/search`);
    expect(empty.status).toBe(200);
    const html = await empty.text();
    expect(html).toContain("<h1>站内搜索</h1>");
    expect(html).toContain("请输入要查找的词语");
    const none = await (await settledFetch(`${ORIGIN}/search?q=${encodeURIComponent("不存在的词语组合")}`)).text();
    expect(none).toContain("没有找到相关文章");
  });
});

describe("one URL per query", () => {
  it("redirects other spellings of a query to the one a search box writes", async () => {
    const cases: [string, string][] = [
      ["/search?q=%20%E5%85%89%E4%BC%8F%E3%80%80", "/search?q=%E5%85%89%E4%BC%8F"],
      ["/search?q=%E5%85%89%E4%BC%8F%20%20%E9%94%82", "/search?q=%E5%85%89%E4%BC%8F+%E9%94%82"],
      ["/search?page=2&q=a", "/search?q=a&page=2"],
      ["/search?q=a&page=1", "/search?q=a"],
      ["/search?q=a&page=x", "/search?q=a"],
      ["/search?q=a&from=timeline", "/search?q=a"],
      ["/search?q=a&q=b", "/search?q=a"],
      ["/search?q=", "/search"],
      ["/search?q=%E2%80%AE%E5%85%89", "/search?q=%E5%85%89"],
    ];
    for (const [from, to] of cases) {
      const res = await settledFetch(`${ORIGIN}${from}`, { redirect: "manual" });
      expect([res.status, res.headers.get("Location")], from).toEqual([301, to]);
    }
    expect((await settledFetch(`${ORIGIN}/search?q=%E5%85%89+%E9%94%82`, { redirect: "manual" })).status).toBe(200);
    // Escapes in lower case are the same octets (RFC 3986 §6.2.2.1), as curl's --data-urlencode writes them:
    // answered, at the same cache key (test/key-space.test.ts), not sent round a 301.
    expect((await settledFetch(`${ORIGIN}/search?q=%e5%85%89`, { redirect: "manual" })).status).toBe(200);
  });
});
