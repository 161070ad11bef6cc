// 推荐位 and 专题 at the desk, as the server renders them (no JavaScript): who is offered and let into them, a
// slot's fill and items in order with what each shows, a topic's groups and articles, the limits the inputs
// carry from the server's constants, and the refusals of these rooms' API worded by the desk.
import { describe, expect, it } from "vitest";
import { makeArticle, makeImage, uniqueSlug } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import { call, makeSlot, makeTopic, uniqueName } from "./curation-fixture.ts";
import { type Person, fetchApp, makePerson } from "./staff-fixture.ts";
import { png, pngOf } from "./fixtures/images.ts";
import { one, select, texts } from "./html.ts";
import { FRONT_LIMITS } from "../src/content/front-schemas.ts";
import { LIMITS } from "../src/content/schemas.ts";
import { refusalWords } from "../src/desk/error-words.ts";
import { messageFor } from "../client/lib/messages.ts";

const page = (person: Person, path: string) => fetchApp(path, { redirect: "manual", headers: { Accept: "text/html", Cookie: person.cookie } });

const rooms = async (html: string) => texts(html, 'nav[aria-label="编辑部导航"] a');

describe("who is offered 推荐位 and 专题", () => {
  it("editors and admins see both in the bar and get in; an author sees neither and gets the 403 page", async () => {
    for (const role of ["editor", "admin"] as const) {
      const person = await makePerson(role);
      const res = await page(person, "/desk/slots");
      expect(res.status, role).toBe(200);
      expect(await rooms(await res.text())).toEqual(expect.arrayContaining(["推荐位", "专题"]));
      expect((await page(person, "/desk/topics")).status, role).toBe(200);
    }
    const author = await makePerson("author");
    expect(await rooms(await (await page(author, "/desk")).text())).not.toContain("推荐位");
    for (const path of ["/desk/slots", "/desk/slots/toutiao", "/desk/topics", "/desk/topics/chengshi-gengxin"]) {
      const res = await page(author, path);
      expect(res.status, path).toBe(403);
      expect((await one(await res.text(), "h1")).text).toBe("没有权限");
    }
  });

  it("offers 新建推荐位 to admins only, as the API allows", async () => {
    const editor = await makePerson("editor");
    const admin = await makePerson("admin");
    expect(await select(await (await page(editor, "/desk/slots")).text(), '[data-form="create-slot"]')).toHaveLength(0);
    const html = await (await page(admin, "/desk/slots")).text();
    expect((await one(html, "#slot-name")).attrs.maxlength).toBe(String(FRONT_LIMITS.slotName));
  });
});

describe("a slot's page", () => {
  it("lists each slot with how full it is, and a slot's live items in order with their title, expiry and picture", async () => {
    const admin = await makeKey("admin");
    const slot = await makeSlot(admin, uniqueName("s"), { name: "测试位", capacity: 5, needs_picture: true });
    const section = uniqueSlug("dsk");
    const image = await makeImage(png(), { alt: "江边的晚霞" });
    const a = await makeArticle({ section, title: "第一篇", cover_image: image.key });
    const b = await makeArticle({ section, title: "第二篇", cover_image: image.key });
    const items = [
      { article_id: b.id, title: "换个标题", expires_at: "2031-05-01T09:30:00+08:00" },
      { article_id: a.id, image: image.key },
    ];
    expect((await call(admin, "PUT", `/slots/${slot.slug}/items`, { items }, { "If-Match": `"${slot.version}"` })).status).toBe(200);
    const editor = await makePerson("editor");

    const list = await (await page(editor, "/desk/slots")).text();
    const row = (await select(list, "li.row")).find((r) => r.text.includes("测试位"));
    expect(row?.text).toContain("2/5");

    const res = await page(editor, `/desk/slots/${slot.slug}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect((await one(html, "h1")).text).toBe("测试位");
    expect(await texts(html, "[data-items] h3")).toEqual(["第 1 条：第二篇", "第 2 条：第一篇"]);
    const rows = await texts(html, "[data-items] li");
    expect(rows[0]).toContain("换个标题");
    expect(rows[0]).toContain("2031年05月01日 09:30");
    expect(rows[1]).toContain("江边的晚霞");
    const list2 = await one(html, "[data-items]");
    expect(list2.attrs).toMatchObject({ "data-version": "2", "data-needs-picture": "1", "data-title-max": String(LIMITS.title) });
    // 图片 offers only images that say what they show.
    expect(await texts(html, "template[data-picture-options] option")).toContain("江边的晚霞");
  });

  it("answers a slot that is not there with the desk's 404", async () => {
    const editor = await makePerson("editor");
    const res = await page(editor, "/desk/slots/no-such-slot");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("没有这个推荐位。");
  });
});

describe("a topic's page", () => {
  it("shows its fields, its groups in order with their limits, and its articles by group, with the public page linked", async () => {
    const editorKey = await makeKey("editor");
    const topic = await makeTopic(editorKey, uniqueName("tp"), ["最新", "背景"], { title: "桥的故事" });
    const article = await makeArticle({ section: uniqueSlug("dst"), title: "大桥合龙" });
    expect((await call(editorKey, "PUT", `/topics/${topic.slug}/articles/${article.id}`, { group: topic.groups[1]?.id })).status).toBe(200);
    const editor = await makePerson("editor");
    const html = await (await page(editor, `/desk/topics/${topic.slug}`)).text();
    expect((await one(html, "h1")).text).toBe("桥的故事");
    expect((await one(html, "#topic-title")).attrs).toMatchObject({ value: "桥的故事", maxlength: String(FRONT_LIMITS.topicTitle) });
    expect(await texts(html, "[data-groups] label")).toEqual(["第 1 个分组的名称", "第 2 个分组的名称"]);
    expect((await one(html, `#group-${topic.groups[0]?.id}`)).attrs.maxlength).toBe(String(FRONT_LIMITS.groupName));
    expect(await texts(html, `section[aria-labelledby="members-${topic.groups[1]?.id}"] h4`)).toEqual(["大桥合龙"]);
    expect((await select(html, "a")).map((a) => a.attrs.href)).toContain(`/special/${topic.slug}/`);
    expect((await one(html, "#topic-banner")).attrs["aria-describedby"]).toBe("topic-banner-hint");

    const list = await (await page(editor, "/desk/topics")).text();
    expect(await texts(list, "li.row h3")).toContain("桥的故事");
  });

  it("lists an image without alternative text for 题图, but not as a choice", async () => {
    await makeImage(pngOf(317, 211), { alt: "" });
    const editor = await makePerson("editor");
    const html = await (await page(editor, "/desk/topics")).text();
    const bare = (await select(html, "#topic-banner option")).filter((o) => o.text.startsWith("缺少替代文字"));
    expect(bare.length).toBeGreaterThan(0);
    for (const option of bare) expect(option.attrs.disabled).toBe("");
  });
});

describe("the refusals of 推荐位 and 专题, in the desk's words", () => {
  it("names an item's or a group's field by its place", () => {
    expect(refusalWords("invalid", [{ path: "items.2.expires_at", rule: "never" }])).toBe("填写的内容有误：第 3 条的下线时间不是这里能填写的项目。");
    expect(refusalWords("invalid", [{ path: "groups.0.name", rule: "max_characters", limit: 50 }])).toBe("填写的内容有误：第 1 个分组的名称最多 50 个字符。");
    expect(refusalWords("slug_taken", [{ path: "slug" }])).toBe("这个标识已被使用，请换一个。");
  });

  it("says a full slot's capacity", () => {
    expect(messageFor({ status: 422, code: "over_capacity", message: "", info: { capacity: 2 } })).toBe("这个推荐位最多放 2 篇文章，已经满了：请先移除一篇再加入。");
    expect(messageFor({ status: 422, code: "needs_picture", message: "", info: {} })).toContain("没有封面");
  });
});
