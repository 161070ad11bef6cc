// 写稿 and an article's editor page as the server renders them: every field labelled in Chinese with the API's
// limit, the article's text in its fields (readable without JavaScript), the version the script saves on,
// and only the publishing steps the person's role may take.
import { describe, expect, it } from "vitest";
import { makeSection, uniqueSlug } from "./fixtures.ts";
import { type Person, desk, fetchApp, makePerson } from "./staff-fixture.ts";
import { one, select, texts } from "./html.ts";

const page = (person: Person, path: string) => fetchApp(path, { redirect: "manual", headers: { Accept: "text/html", Cookie: person.cookie } });

async function write(person: Person, body: Record<string, unknown>): Promise<{ id: number; version: number }> {
  const res = await desk(person, "POST", "/api/v1/admin/articles", body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: number; version: number };
}

describe("写稿", () => {
  it("is an empty article with every field labelled in Chinese and its limit shown", async () => {
    const author = await makePerson("author");
    const res = await page(author, "/desk/articles/new");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect((await one(html, "h1")).text).toBe("写稿");
    const labels = await texts(html, "form[data-editor] label");
    for (const label of ["栏目", "引题", "标题", "副题", "来源", "摘要", "封面", "正文（Markdown）", "第 1 位的身份", "第 1 位的姓名"]) expect(labels).toContain(label);
    expect((await one(html, "#count-title")).text).toBe("上限 200 字");
    expect((await one(html, "#count-body")).text).toBe("上限 200000 字");
    expect((await one(html, "fieldset.bylines legend")).text).toBe("作者");
    expect(await texts(html, "#e-byline-role-1 option")).toEqual(["记者", "通讯员", "摄影", "编辑", "责任编辑"]);
    expect((await one(html, "form[data-editor]")).attrs["data-id"]).toBe("");
    expect((await one(html, 'nav.rooms a[aria-current="page"]')).text).toBe("写稿");
  });

  it("offers an author no step that needs an editor, and an editor every step", async () => {
    const author = await makePerson("author");
    const editor = await makePerson("editor");
    const actions = async (p: Person) => (await select(await (await page(p, "/desk/articles/new")).text(), "[data-action]")).map((b) => b.attrs["data-action"]);
    expect(await actions(author)).toEqual(["submit", "recall", "trash", "restore"]);
    expect(await actions(editor)).toEqual(["submit", "recall", "publish", "return", "unpublish", "archive", "trash", "restore", "schedule"]);
  });
});

describe("an article's editor", () => {
  it("shows the article's text in its fields, with the version its saves build on", async () => {
    const section = `${uniqueSlug("ed")}`;
    await makeSection(section, "编辑测试栏目");
    const author = await makePerson("author");
    const a = await write(author, {
      section,
      title: "市政府召开<常务>会议",
      kicker: "研究部署",
      source: "青岚日报",
      bylines: [{ name: "林晓", role: "记者" }, { name: "王芳", role: "首席记者" }],
      body: "本网讯 第一段。\n\n第二段。",
    });
    const res = await page(author, `/desk/articles/${a.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const form = await one(html, "form[data-editor]");
    expect(form.attrs["data-id"]).toBe(String(a.id));
    expect(form.attrs["data-version"]).toBe(String(a.version));
    expect(form.attrs["data-own"]).toBe("1");
    expect((await one(html, "#e-title")).attrs.value).toBe("市政府召开<常务>会议");
    expect((await one(html, "#e-kicker")).attrs.value).toBe("研究部署");
    expect(html).toContain('aria-describedby="count-body">\n本网讯 第一段。\n\n第二段。</textarea>');
    expect((await one(html, "#e-section option[selected]")).attrs.value).toBe(section);
    expect((await one(html, "#e-byline-name-2")).attrs.value).toBe("王芳");
    // A role the newsroom's list does not have is kept, not changed to 记者.
    expect((await one(html, "#e-byline-role-2 option[selected]")).text).toBe("首席记者");
  });

  it("shows the note of the last review step: why it was sent back, or what came with it", async () => {
    const author = await makePerson("author", { displayName: "李记者" });
    const editor = await makePerson("editor", { displayName: "张编辑" });
    await makeSection("xw", "新闻");
    const a = await write(author, { section: "xw", title: "待审的稿子" });
    expect((await desk(author, "POST", `/api/v1/admin/articles/${a.id}/submit`, { note: "请核对数字" })).status).toBe(200);
    const waiting = await (await page(editor, `/desk/articles/${a.id}`)).text();
    expect((await one(waiting, "[data-review]")).text).toMatch(/^提交审核时的说明（李记者，\d{4}年.+）：请核对数字$/);
    expect((await one(waiting, "form[data-editor]")).attrs["data-state"]).toBe("submitted");
    expect((await desk(editor, "POST", `/api/v1/admin/articles/${a.id}/return`, { note: "数字不对" })).status).toBe(200);
    const back = await (await page(author, `/desk/articles/${a.id}`)).text();
    expect((await one(back, "[data-review]")).text).toMatch(/^退回意见（张编辑，.+）：数字不对$/);
    const fresh = await (await page(author, "/desk/articles/new")).text();
    expect((await one(fresh, "[data-review]")).attrs.hidden).toBe("");
  });

  it("is not someone else's to own, and is 404 for an article that is not there", async () => {
    const author = await makePerson("author");
    const other = await makePerson("author");
    await makeSection("xw", "新闻");
    const a = await write(author, { section: "xw", title: "别人的稿子" });
    expect((await one(await (await page(other, `/desk/articles/${a.id}`)).text(), "form[data-editor]")).attrs["data-own"]).toBe("0");
    expect((await page(other, "/desk/articles/999999999")).status).toBe(404);
    expect((await page(other, "/desk/articles/99999999999999999")).status).toBe(404);
  });
});
