// The desk's pages as pure renders: what each row says (in the newsroom's words, in Beijing time), which
// rooms each role is offered, which controls a screen has for its script and which it leaves out.
import { describe, expect, it } from "vitest";
import { formatChineseDateTime } from "../src/content/dates.ts";
import type { Section } from "../src/domain/section.ts";
import type { DeskArticle } from "../src/db/desk-articles.ts";
import { sectionTree } from "../src/desk/articles.ts";
import { renderArticlesPage, type ArticlesPage } from "../src/desk/pages/articles.ts";
import { renderAuditPage } from "../src/desk/pages/audit.ts";
import { renderKeysPage } from "../src/desk/pages/keys.ts";
import { renderAccountPage } from "../src/desk/pages/account.ts";
import { renderStaffMemberPage } from "../src/desk/pages/staff.ts";
import { actionWord } from "../src/desk/words.ts";
import { one, select, texts } from "./html.ts";

// 06:02 UTC is 14:02 in Beijing.
const AT = Date.UTC(2026, 11, 7, 6, 2);
const ADMIN = { displayName: "王编辑", role: "admin" as const };
const AUTHOR = { displayName: "李记者", role: "author" as const };

const article = (over: Partial<DeskArticle>): DeskArticle => ({
  id: 7,
  title: "岚江新区开工",
  status: "draft",
  inTrash: false,
  sectionPath: "xw/dzyw",
  sectionName: "党政要闻",
  author: "李记者",
  updatedAt: AT,
  updatedBy: "王编辑",
  version: 3,
  editing: [],
  ...over,
});

const listPage = (over: Partial<ArticlesPage> = {}): ArticlesPage => ({
  siteName: "青岚传媒网",
  person: ADMIN,
  filters: {},
  sections: [{ path: "xw", name: "新闻", depth: 0 }, { path: "xw/dzyw", name: "党政要闻", depth: 1 }],
  authors: [{ id: 2, name: "李记者" }],
  rows: [article({})],
  next: null,
  paged: false,
  ...over,
});

describe("times", () => {
  it("read as Beijing time to the minute", () => {
    expect(formatChineseDateTime(AT)).toBe("2026年12月07日 14:02");
    // Past midnight in Beijing is still the day before in UTC.
    expect(formatChineseDateTime(Date.UTC(2026, 11, 31, 16, 5))).toBe("2027年01月01日 00:05");
  });
});

describe("文章", () => {
  it("shows each article's status, section, author, last change and who made it, linking to its editor page", async () => {
    const html = await renderArticlesPage(listPage({ rows: [article({}), article({ id: 8, status: "published", inTrash: true, author: null, updatedBy: null })] }));
    expect(await texts(html, ".row h3 a")).toEqual(["岚江新区开工", "岚江新区开工"]);
    expect((await select(html, ".row h3 a")).map((a) => a.attrs.href)).toEqual(["/desk/articles/7", "/desk/articles/8"]);
    expect(await texts(html, ".row:first-child .facts dt")).toEqual(["状态", "栏目", "作者", "最后修改"]);
    expect(await texts(html, ".row:first-child .facts dd")).toEqual(["草稿", "党政要闻", "李记者", "2026年12月07日 14:02（王编辑）"]);
    // In the trash, whatever its status; nobody known is a dash, not a blank.
    expect(await texts(html, ".row:nth-child(2) .facts dd")).toEqual(["回收站", "党政要闻", "—", "2026年12月07日 14:02"]);
    expect((await one(html, ".row:first-child time")).attrs.datetime).toBe("2026-12-07T14:02:00+08:00");
  });

  it("puts the filters back as they were asked, and pages forward by cursor with a way back to the first page", async () => {
    const html = await renderArticlesPage(
      listPage({ filters: { status: "scheduled", section: "xw/dzyw", author: 2 }, next: "/desk?status=scheduled&cursor=abc", paged: true }),
    );
    expect((await one(html, "#f-status option[selected]")).text).toBe("定时");
    expect((await one(html, "#f-section option[selected]")).attrs.value).toBe("xw/dzyw");
    expect((await one(html, "#f-author option[selected]")).text).toBe("李记者");
    expect(await texts(html, "#f-status option")).toEqual(["全部（不含回收站）", "草稿", "待审", "定时", "已发布", "已归档", "回收站"]);
    const pager = await select(html, "nav.pager a");
    expect(pager.map((a) => [a.text, a.attrs.href])).toEqual([
      ["回到第一页", "/desk?status=scheduled&section=xw%2Fdzyw&author=2"],
      ["下一页", "/desk?status=scheduled&cursor=abc"],
    ]);
  });

  it("says how a search ranked, and that it does not filter by author", async () => {
    const html = await renderArticlesPage(listPage({ filters: { q: "岚江", author: 2 }, found: { total: 3, capped: false } }));
    expect((await one(html, "h1")).text).toBe("搜索文章");
    expect((await one(html, "#f-q")).attrs.value).toBe("岚江");
    expect((await one(html, "p.hint")).text).toBe("找到 3 篇，按相关度排列；搜索不按作者筛选。");
  });

  it("offers each role only the rooms it may enter, always 写稿, 我的账户 and 退出登录", async () => {
    const rooms = async (person: typeof ADMIN | typeof AUTHOR) => texts(await renderArticlesPage(listPage({ person })), "nav.rooms a");
    expect(await rooms(ADMIN)).toEqual(["文章", "写稿", "推荐位", "专题", "员工", "API 密钥", "操作日志", "我的账户"]);
    expect(await rooms(AUTHOR)).toEqual(["文章", "写稿", "我的账户"]);
    const html = await renderArticlesPage(listPage());
    expect((await one(html, "nav.rooms a[aria-current=page]")).text).toBe("文章");
    expect((await one(html, 'nav.rooms a[href="/desk/articles/new"]')).text).toBe("写稿");
    const logout = await one(html, ".who form");
    expect(logout.attrs).toMatchObject({ method: "post", action: "/desk/logout" });
    expect(logout.text).toBe("退出登录");
    // Reading needs no script: the list has none.
    expect(await select(html, "script")).toEqual([]);
  });
});

describe("API 密钥", () => {
  it("offers rotate and revoke, named after the key, only for keys still in use", async () => {
    const key = { id: 1, name: "导入脚本", role: "editor" as const, prefix: "ab12cd34", createdAt: AT, lastUsedAt: null, revokedAt: null };
    const html = await renderKeysPage({ siteName: "青岚传媒网", person: ADMIN, keys: [key, { ...key, id: 2, name: "旧客户端", revokedAt: AT }] });
    expect(await texts(html, ".row button")).toEqual(["轮换“导入脚本”", "吊销“导入脚本”"]);
    expect(await texts(html, ".row:nth-child(2) .facts dd")).toEqual(["mh_ab12cd34", "编辑", "已吊销", "2026年12月07日 14:02", "从未使用", "2026年12月07日 14:02"]);
    // The forms wait for their script: without it they would post nowhere useful.
    expect((await one(html, '[data-form="create-key"]')).attrs.hidden).toBe("");
    expect((await one(html, "noscript")).text).toContain("需要启用 JavaScript");
  });
});

describe("操作日志", () => {
  it("names who did what to which article, in words and as recorded", async () => {
    const html = await renderAuditPage({
      siteName: "青岚传媒网",
      person: ADMIN,
      filters: { action: "article.publish" },
      actors: [{ id: 2, name: "李记者", kind: "staff" }],
      items: [{ id: 1, at: AT, actor: { id: 2, kind: "staff", name: "李记者" }, action: "article.publish", articleId: 7, detail: { version: 4 } }],
      next: null,
      paged: false,
    });
    expect((await one(html, ".row h3")).text).toBe("李记者 发布 文章 7");
    expect((await one(html, ".row h3 a")).attrs.href).toBe("/desk/articles/7");
    expect(await texts(html, ".row .facts dd")).toEqual(["2026年12月07日 14:02", "李记者（员工）", "发布 article.publish", "version: 4"]);
    expect((await one(html, "#f-action option[selected]")).text).toBe("发布");
    expect((await one(html, "#f-actor option:not([value=''])")).text).toBe("李记者（员工）");
  });

  it("shows an action it has no word for as it was recorded", () => {
    expect(actionWord("article.recall")).toBe("撤回");
    expect(actionWord("article.unpublish")).toBe("取消发布");
    expect(actionWord("cache.purge")).toBe("cache.purge");
  });
});

describe("员工 and 我的账户", () => {
  it("offers to enable a disabled person, never to disable them again", async () => {
    const member = { id: 5, login: "lisi", displayName: "李四", role: "author" as const, state: "disabled", email: null, createdAt: AT, lastSignInAt: null, version: 2 };
    const html = await renderStaffMemberPage({ siteName: "青岚传媒网", person: ADMIN, member, sessions: [] });
    expect(await texts(html, "[data-member-actions] button")).toEqual(["启用账户", "生成重设密码链接"]);
    expect((await one(html, '[data-form="change-role"]')).attrs).toMatchObject({ "data-id": "5", "data-version": "2" });
    expect((await one(html, "#member-role option[selected]")).text).toBe("作者");
  });

  it("lists my passkeys and sessions, with no way to end the session I am using but signing out", async () => {
    const html = await renderAccountPage({
      siteName: "青岚传媒网",
      person: AUTHOR,
      me: { login: "lijizhe", displayName: "李记者", role: "author", email: null },
      passkeys: [{ id: 3, name: "办公室电脑", createdAt: AT, lastUsedAt: null }],
      sessions: [
        { id: 10, createdAt: AT, lastSeenAt: AT, userAgent: "Chrome", current: true },
        { id: 11, createdAt: AT, lastSeenAt: AT, userAgent: "Safari", current: false },
      ],
    });
    expect(await texts(html, "[data-passkey] h3")).toEqual(["办公室电脑"]);
    expect(await texts(html, "[data-passkey] button")).toEqual(["重命名", "删除“办公室电脑”"]);
    expect(await texts(html, "[data-end-session]")).toEqual(["结束这个登录"]);
    expect((await one(html, "[data-end-session]")).attrs["data-end-session"]).toBe("11");
    expect((await one(html, "#password-rule")).text).toContain("至少 10 个字符");
  });
});

describe("the section filter", () => {
  it("lists sections as a tree: each parent before its children, siblings by sort order", () => {
    const s = (id: number, path: string, parentId: number | null, sortOrder: number): Section => ({
      id, path, slug: path.split("/").pop() ?? path, name: path, parentId, sortOrder, description: "", changedAt: 0,
    });
    const tree = sectionTree([s(1, "xw", null, 0), s(2, "ty", null, 1), s(3, "xw/b", 1, 2), s(4, "xw/a", 1, 1), s(5, "ty/z", 2, 0)]);
    expect(tree.map((t) => `${t.depth}:${t.path}`)).toEqual(["0:xw", "1:xw/a", "1:xw/b", "0:ty", "1:ty/z"]);
  });
});
