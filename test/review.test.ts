// Review (审核): an author submits a draft (提交审核), editors see the queue of 待审 articles, and publish,
// schedule or return one (退回) with a note the author sees; the author may take it back (撤回). Each step
// is a change through the one write path, with its revision and audit entry; readers see none of it.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { settledFetch } from "./settle.ts";
import { makeSection, uniqueSlug } from "./fixtures.ts";
import { type TestKey, makeKey } from "./keys-fixture.ts";
import { desk, makePerson } from "./staff-fixture.ts";

const BASE = "http://localhost/api/v1/admin/articles";

type Json = Record<string, unknown> & {
  id: number;
  status: string;
  version: number;
  review: { action: string; note: string; actor: { id: number | null; name: string }; at: string } | null;
  error?: { code: string; message: string };
};

async function call(key: TestKey, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await settledFetch(`${BASE}${path}`, {
    method,
    headers: { ...key.headers, ...headers, ...(body !== undefined && { "Content-Type": "application/json" }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { res, json: (await res.json()) as Json };
}

async function draftBy(key: TestKey, title = "待审稿件") {
  const section = `${uniqueSlug("rv")}`;
  await makeSection(section);
  const { res, json } = await call(key, "POST", "", { section, title, body: "正文" });
  expect(res.status).toBe(201);
  return { ...json, section };
}

const auditOf = async (id: number) =>
  (
    await env.DB.prepare("SELECT key_id, key_name, action, detail FROM audit_log WHERE article_id = ? ORDER BY id").bind(id).all<{
      key_id: number | null;
      key_name: string;
      action: string;
      detail: string;
    }>()
  ).results.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));

describe("an author submits their draft for review", () => {
  it("moves it to 待审 with the note, as a revision and an audit entry by the author", async () => {
    const author = await makeKey("author");
    const draft = await draftBy(author);
    const { res, json } = await call(author, "POST", `/${draft.id}/submit`, { note: "请核对第二段的数字" });
    expect(res.status).toBe(200);
    expect(res.headers.get("ETag")).toBe('"2"');
    expect(json).toMatchObject({ status: "submitted", version: 2, created_by: author.key.id });
    expect(json.review).toMatchObject({ action: "submit", note: "请核对第二段的数字", actor: { id: author.key.id, name: author.key.name } });
    const revisions = (await call(author, "GET", `/${draft.id}/revisions`)).json as unknown as { items: { action: string; actor_id: number }[] };
    expect(revisions.items[0]).toMatchObject({ action: "submit", actor_id: author.key.id });
    const audit = await auditOf(draft.id);
    expect(audit.at(-1)).toMatchObject({ key_id: author.key.id, action: "article.submit", detail: { version: 2, status: "submitted", note: "请核对第二段的数字" } });
  });

  it("takes a note-less submission, and answers a retried one as done without writing again", async () => {
    const author = await makeKey("author");
    const draft = await draftBy(author);
    expect((await call(author, "POST", `/${draft.id}/submit`)).json).toMatchObject({ status: "submitted", version: 2, review: { note: "" } });
    const again = await call(author, "POST", `/${draft.id}/submit`, {});
    expect(again.res.status).toBe(200);
    expect(again.json.version).toBe(2);
    const other = await call(author, "POST", `/${draft.id}/submit`, { note: "换个说明" });
    expect(other.res.status).toBe(409);
    expect(other.json.error?.code).toBe("wrong_status");
  });

  it("refuses another author's draft, a published article, and an author's edits while it waits", async () => {
    const author = await makeKey("author");
    const stranger = await makeKey("author");
    const editor = await makeKey("editor");
    const draft = await draftBy(author);
    expect((await call(stranger, "POST", `/${draft.id}/submit`)).res.status).toBe(403);
    await call(author, "POST", `/${draft.id}/submit`, { note: "" });
    const edit = await call(author, "PATCH", `/${draft.id}`, { title: "偷偷改" }, { "If-Match": '"2"' });
    expect(edit.res.status).toBe(403);
    expect(edit.json.error?.message).toMatch(/waiting for review: take it back/);
    expect((await call(author, "DELETE", `/${draft.id}`)).res.status).toBe(403);
    const published = await draftBy(editor);
    await call(editor, "POST", `/${published.id}/publish`);
    const refused = await call(editor, "POST", `/${published.id}/submit`);
    expect(refused.res.status).toBe(409);
    expect(refused.json.error?.code).toBe("wrong_status");
  });

  it("is refused a note that is not text, or too long", async () => {
    const author = await makeKey("author");
    const draft = await draftBy(author);
    expect((await call(author, "POST", `/${draft.id}/submit`, { note: 3 })).res.status).toBe(400);
    expect((await call(author, "POST", `/${draft.id}/submit`, { note: "长".repeat(1001) })).res.status).toBe(400);
    expect((await call(author, "POST", `/${draft.id}/submit`, { reason: "x" })).res.status).toBe(400);
  });
});

describe("the editors' queue", () => {
  it("lists what waits for review, and by author, newest change first", async () => {
    const author = await makeKey("author");
    const other = await makeKey("author");
    const editor = await makeKey("editor");
    const first = await draftBy(author, "甲稿");
    const second = await draftBy(other, "乙稿");
    const kept = await draftBy(author, "丙稿（草稿）");
    await call(author, "POST", `/${first.id}/submit`);
    await call(other, "POST", `/${second.id}/submit`);
    const queue = (await call(editor, "GET", "?status=submitted&limit=100")).json as unknown as { items: { id: number; status: string }[] };
    const ids = queue.items.map((i) => i.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    expect(ids).not.toContain(kept.id);
    expect(queue.items.every((i) => i.status === "submitted")).toBe(true);
    const byAuthor = (await call(editor, "GET", `?author=${author.key.id}`)).json as unknown as { items: { id: number; created_by: number }[] };
    expect(byAuthor.items.map((i) => i.id)).toEqual([first.id, kept.id]);
    const waitingOfAuthor = (await call(editor, "GET", `?author=${author.key.id}&status=submitted`)).json as unknown as { items: { id: number }[] };
    expect(waitingOfAuthor.items.map((i) => i.id)).toEqual([first.id]);
    expect((await call(editor, "GET", "?author=0")).res.status).toBe(400);
    expect((await call(editor, "GET", "?author=x")).res.status).toBe(400);
  });

  it("loses a submission an editor moves to the trash, which says trash wherever its state is shown", async () => {
    const author = await makeKey("author");
    const editor = await makeKey("editor");
    const draft = await draftBy(author, "待审后删除");
    await call(author, "POST", `/${draft.id}/submit`, { note: "请审" });
    const trashed = await call(editor, "DELETE", `/${draft.id}`);
    expect(trashed.json).toMatchObject({ status: "trash", review: null });
    expect((await call(editor, "GET", `/${draft.id}`)).json.status).toBe("trash");
    const queue = (await call(editor, "GET", `?status=submitted&author=${author.key.id}`)).json as unknown as { items: { id: number }[] };
    expect(queue.items.map((i) => i.id)).toEqual([]);
    const bin = (await call(editor, "GET", `?status=trash&author=${author.key.id}`)).json as unknown as { items: { id: number; status: string }[] };
    expect(bin.items).toMatchObject([{ id: draft.id, status: "trash" }]);
    expect((await auditOf(draft.id)).at(-1)).toMatchObject({ action: "article.trash", detail: { status: "trash" } });
    const refused = await call(editor, "POST", `/${draft.id}/return`, { note: "退回" });
    expect([refused.res.status, refused.json.error?.code]).toEqual([409, "in_trash"]);
  });
});

describe("an editor decides", () => {
  it("returns it to its author as a draft with a note the author sees until the next submission", async () => {
    const author = await makePerson("author", { displayName: "林晓" });
    const editor = await makePerson("editor", { displayName: "王五" });
    const created = await desk(author, "POST", "/api/v1/admin/articles", { section: (await makeSection(uniqueSlug("rv"))).path, title: "稿件" });
    const { id } = (await created.json()) as Json;
    await desk(author, "POST", `/api/v1/admin/articles/${id}/submit`, { note: "请审" });
    expect((await desk(editor, "POST", `/api/v1/admin/articles/${id}/return`, {})).status).toBe(400);
    expect((await desk(editor, "POST", `/api/v1/admin/articles/${id}/return`, { note: " \u200b " })).status).toBe(400);
    const returned = await desk(editor, "POST", `/api/v1/admin/articles/${id}/return`, { note: "导语太长，请压缩到两行" });
    expect(returned.status).toBe(200);
    const seen = (await (await desk(author, "GET", `/api/v1/admin/articles/${id}`)).json()) as Json;
    expect(seen).toMatchObject({ status: "draft", version: 3 });
    expect(seen.review).toMatchObject({ action: "return", note: "导语太长，请压缩到两行", actor: { id: editor.staff.id, name: "王五" } });
    // The author works on it again: the note stays through the edits, and goes with the next submission.
    const edited = await desk(author, "PATCH", `/api/v1/admin/articles/${id}`, { summary: "两行导语" }, { "If-Match": '"3"' });
    expect(((await edited.json()) as Json).review?.note).toBe("导语太长，请压缩到两行");
    const resubmitted = (await (await desk(author, "POST", `/api/v1/admin/articles/${id}/submit`, { note: "已压缩" })).json()) as Json;
    expect(resubmitted.review).toMatchObject({ action: "submit", note: "已压缩" });
    const actions = (await auditOf(id)).map((a) => [a.action, a.key_id]);
    expect(actions).toEqual([
      ["article.create", author.staff.id],
      ["article.submit", author.staff.id],
      ["article.return", editor.staff.id],
      ["article.update", author.staff.id],
      ["article.submit", author.staff.id],
    ]);
  });

  it("publishes or schedules it from the queue, and the review is over", async () => {
    const author = await makeKey("author");
    const editor = await makeKey("editor");
    const now = await draftBy(author);
    const later = await draftBy(author);
    await call(author, "POST", `/${now.id}/submit`, { note: "急稿" });
    await call(author, "POST", `/${later.id}/submit`);
    const published = await call(editor, "POST", `/${now.id}/publish`);
    expect(published.json).toMatchObject({ status: "published", review: null });
    const at = new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d+Z$/, "Z");
    const scheduled = await call(editor, "POST", `/${later.id}/publish`, { publish_at: at });
    expect(scheduled.json).toMatchObject({ status: "scheduled", review: null });
  });

  it("is the only one who may: an author can neither publish nor return a submission, theirs included", async () => {
    const author = await makeKey("author");
    const draft = await draftBy(author);
    await call(author, "POST", `/${draft.id}/submit`);
    expect((await call(author, "POST", `/${draft.id}/publish`)).res.status).toBe(403);
    expect((await call(author, "POST", `/${draft.id}/return`, { note: "自己退回" })).res.status).toBe(403);
  });

  it("edits a submission in place, and may return only what waits", async () => {
    const author = await makeKey("author");
    const editor = await makeKey("editor");
    const draft = await draftBy(author);
    const early = await call(editor, "POST", `/${draft.id}/return`, { note: "还没提交" });
    expect(early.res.status).toBe(409);
    expect(early.json.error?.code).toBe("wrong_status");
    await call(author, "POST", `/${draft.id}/submit`);
    const edited = await call(editor, "PATCH", `/${draft.id}`, { title: "编辑改过的标题" }, { "If-Match": '"2"' });
    expect(edited.json).toMatchObject({ status: "submitted", title: "编辑改过的标题", version: 3 });
  });
});

describe("an author takes a submission back", () => {
  it("to keep writing: back to a draft, the submission's note gone; taking back a draft changes nothing", async () => {
    const author = await makeKey("author");
    const draft = await draftBy(author);
    await call(author, "POST", `/${draft.id}/submit`, { note: "请审" });
    const recalled = await call(author, "POST", `/${draft.id}/recall`);
    expect(recalled.json).toMatchObject({ status: "draft", version: 3, review: null });
    expect((await call(author, "POST", `/${draft.id}/recall`)).json.version).toBe(3);
    expect((await call(author, "PATCH", `/${draft.id}`, { title: "继续写" }, { "If-Match": '"3"' })).res.status).toBe(200);
    expect((await auditOf(draft.id)).map((a) => a.action)).toContain("article.recall");
  });

  it("but not someone else's, nor one an editor has published", async () => {
    const author = await makeKey("author");
    const stranger = await makeKey("author");
    const editor = await makeKey("editor");
    const draft = await draftBy(author);
    await call(author, "POST", `/${draft.id}/submit`);
    expect((await call(stranger, "POST", `/${draft.id}/recall`)).res.status).toBe(403);
    await call(editor, "POST", `/${draft.id}/publish`);
    expect((await call(author, "POST", `/${draft.id}/recall`)).res.status).toBe(403);
    const byEditor = await call(editor, "POST", `/${draft.id}/recall`);
    expect(byEditor.res.status).toBe(409);
  });
});

describe("readers", () => {
  it("see nothing of an article waiting for review: no page, no API, no listing, no feed, no search", async () => {
    const author = await makeKey("author");
    const draft = await draftBy(author, "尚在审核的独家稿件");
    await call(author, "PATCH", `/${draft.id}`, { body: "独家内容：岚江审核测试词" }, { "If-Match": "*" });
    await call(author, "POST", `/${draft.id}/submit`);
    const editor = await makeKey("editor");
    // A published neighbour in the same section: the listing, feed and search are there, and show it alone.
    const { json: shown } = await call(editor, "POST", "", { section: draft.section, title: "已发布的稿件", body: "岚江审核测试词", status: "published" });
    const get = (path: string) => settledFetch(`http://localhost${path}`);
    expect((await get(`/html/${draft.section}/${draft.id}.html`)).status).toBe(404);
    expect((await get(`/api/v1/articles/${draft.id}`)).status).toBe(404);
    const listing = await (await get(`/html/${draft.section}/`)).text();
    expect(listing).toContain("已发布的稿件");
    expect(listing).not.toContain("尚在审核的独家稿件");
    const feed = await (await get(`/html/${draft.section}/rss.xml`)).text();
    expect(feed).toContain("已发布的稿件");
    expect(feed).not.toContain("尚在审核的独家稿件");
    const hits = (await (await get(`/api/v1/search?q=${encodeURIComponent("岚江审核测试词")}&section=${draft.section}`)).json()) as { items: { id: number }[] };
    expect(hits.items.map((i) => i.id)).toEqual([shown.id]);
    const found = await settledFetch(`http://localhost/api/v1/admin/search?q=${encodeURIComponent("岚江审核测试词")}&status=submitted`, { headers: editor.headers });
    expect(((await found.json()) as { items: { id: number }[] }).items.map((i) => i.id)).toEqual([draft.id]);
  });
});

