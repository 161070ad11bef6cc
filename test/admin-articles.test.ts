// The editors' article API: create, edit with If-Match, publish, schedule, trash, revisions, audit.
import { describe, expect, it } from "vitest";
import { env, exports } from "cloudflare:workers";
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import worker from "../src/index.ts";
import { type ErrorJson, makeSection, uniqueSlug } from "./fixtures.ts";
import { type TestKey, makeKey } from "./keys-fixture.ts";
import { settledFetch } from "./settle.ts";

const BASE = "http://localhost/api/v1/admin/articles";

type Json = Record<string, unknown> & Partial<ErrorJson>;

async function call(key: TestKey, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const init: RequestInit = { method, headers: { ...key.headers, ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)["Content-Type"] ??= "application/json";
  }
  // Settled: a write's purge has run before the test reads what readers see.
  const res = await settledFetch(`${BASE}${path}`, init);
  const json = (res.headers.get("Content-Type") ?? "").includes("json") ? ((await res.json()) as Json) : ({} as Json);
  return { res, json };
}

async function newSection() {
  const path = `${uniqueSlug("adm")}/${uniqueSlug("sub")}`;
  await makeSection(path, "党政要闻");
  return path;
}

async function createDraft(key: TestKey, section: string, extra: Record<string, unknown> = {}) {
  const { res, json } = await call(key, "POST", "", { section, title: "巩固成果 谋求发展", ...extra });
  expect(res.status, JSON.stringify(json)).toBe(201);
  return json as Json & { id: number; version: number; status: string; url: string };
}

const publicStatus = async (id: number) => (await settledFetch(`http://localhost/api/v1/articles/${id}`)).status;

describe("creating articles", () => {
  it("creates a draft by default and answers 201 with the article, its ETag and Location", async () => {
    const editor = await makeKey("editor");
    const section = await newSection();
    const { res, json } = await call(editor, "POST", "", {
      section,
      title: "工作组赴工业园区调研",
      kicker: "巩固成果 整合资源",
      subtitle: "两地合作十余年成效显著",
      summary: "调研组深入园区企业。",
      source: "青岚晚报",
      bylines: [{ name: "张三", role: "记者" }],
      body: "本网讯 5月31日，工作组深入园区调研。\n\n第三批**“两新”**组织党建示范园区。",
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("ETag")).toBe('"1"');
    expect(res.headers.get("Location")).toBe(`/api/v1/admin/articles/${json.id}`);
    expect(json).toMatchObject({
      status: "draft",
      version: 1,
      section: { path: section, name: "党政要闻" },
      title: "工作组赴工业园区调研",
      kicker: "巩固成果 整合资源",
      source: "青岚晚报",
      bylines: [{ name: "张三", role: "记者" }],
      published_at: null,
      url: `/html/${section}/${json.id}.html`,
    });
    expect(json.body_html).toContain("<strong>“两新”</strong>组织");
    expect(await publicStatus(json.id as number)).toBe(404);
  });

  it("keeps a legacy id when an editor imports one, and refuses it when taken", async () => {
    const editor = await makeKey("editor");
    const section = await newSection();
    const id = 880_000 + Math.floor(Math.random() * 100_000);
    const first = await call(editor, "POST", "", { id, section, title: "旧稿" });
    expect(first.res.status).toBe(201);
    expect(first.json.id).toBe(id);
    const again = await call(editor, "POST", "", { id, section, title: "旧稿" });
    expect(again.res.status).toBe(409);
    expect(again.json.error?.code).toBe("id_taken");
  });

  it("publishes in the same step when asked, live on the public API at once", async () => {
    const editor = await makeKey("editor");
    const draft = await createDraft(editor, await newSection(), { status: "published" });
    expect(draft.status).toBe("published");
    expect(await publicStatus(draft.id)).toBe(200);
  });

  it("returns the first result for a retried create with the same Idempotency-Key, creating nothing new", async () => {
    const editor = await makeKey("editor");
    const section = await newSection();
    const body = { section, title: "只应创建一次" };
    const headers = { "Idempotency-Key": crypto.randomUUID() };
    const first = await call(editor, "POST", "", body, headers);
    const retry = await call(editor, "POST", "", body, headers);
    expect(first.res.status).toBe(201);
    expect(retry.res.status).toBe(201);
    expect(retry.res.headers.get("Idempotent-Replayed")).toBe("true");
    // The first answer again, as it was stored with the article; only the first one purged anything.
    const { purge: _purge, pings: _pings, ...firstAnswer } = first.json;
    expect(retry.json).toEqual(firstAnswer);
    const { n } = (await env.DB.prepare(
      "SELECT count(*) AS n FROM articles a JOIN sections s ON s.id = a.section_id WHERE s.path = ?",
    ).bind(section).first<{ n: number }>())!;
    expect(n).toBe(1);
  });

  it("creates once when the same Idempotency-Key arrives twice at the same moment", async () => {
    const editor = await makeKey("editor");
    const section = await newSection();
    const headers = { "Idempotency-Key": crypto.randomUUID() };
    const results = await Promise.all([1, 2, 3].map(() => call(editor, "POST", "", { section, title: "并发重试" }, headers)));
    const ids = new Set(results.filter((r) => r.res.status === 201).map((r) => r.json.id));
    expect(ids.size).toBe(1);
    const { n } = (await env.DB.prepare(
      "SELECT count(*) AS n FROM articles a JOIN sections s ON s.id = a.section_id WHERE s.path = ?",
    ).bind(section).first<{ n: number }>())!;
    expect(n).toBe(1);
  });

  it("replays with the article's ETag, and treats JSON that differs only in whitespace as the same request", async () => {
    const editor = await makeKey("editor");
    const section = await newSection();
    const headers = { "Idempotency-Key": crypto.randomUUID() };
    const first = await call(editor, "POST", "", `{"section":"${section}","title":"空白"}`, headers);
    const retry = await call(editor, "POST", "", `{ "section": "${section}",\n  "title": "空白" }`, headers);
    expect(retry.res.status).toBe(201);
    expect(retry.json.id).toBe(first.json.id);
    expect(retry.res.headers.get("ETag")).toBe('"1"');
  });

  it("treats JSON with the same members in another order as the same request", async () => {
    const editor = await makeKey("editor");
    const section = await newSection();
    const headers = { "Idempotency-Key": crypto.randomUUID() };
    const bylines = [{ name: "林晓", role: "记者" }];
    const first = await call(editor, "POST", "", { section, title: "次序", bylines }, headers);
    expect(first.res.status).toBe(201);
    const retry = await call(editor, "POST", "", { bylines: [{ role: "记者", name: "林晓" }], title: "次序", section }, headers);
    expect(retry.res.status, JSON.stringify(retry.json)).toBe(201);
    expect(retry.res.headers.get("Idempotent-Replayed")).toBe("true");
    expect(retry.json.id).toBe(first.json.id);
  });

  it("gives every one of many simultaneous creates its own id", async () => {
    const editor = await makeKey("editor");
    const section = await newSection();
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => call(editor, "POST", "", { section, title: `同时${i}` })));
    expect(results.map((r) => r.res.status)).toEqual(Array(25).fill(201));
    expect(new Set(results.map((r) => r.json.id)).size).toBe(25);
  });

  it("continues above an imported legacy id, and refuses ids beyond the legacy range", async () => {
    const editor = await makeKey("editor");
    const section = await newSection();
    const legacy = 1_000_000_000 + Math.floor(Math.random() * 1_000_000);
    expect((await call(editor, "POST", "", { id: legacy, section, title: "旧稿" })).res.status).toBe(201);
    const next = await call(editor, "POST", "", { section, title: "新稿" });
    expect(next.json.id).toBeGreaterThan(legacy);
    for (const id of [4294967296, 9007199254740991]) {
      const tooBig = await call(editor, "POST", "", { id, section, title: "越界" });
      expect(tooBig.res.status).toBe(400);
      expect(tooBig.json.error?.details?.[0]?.path).toBe("id");
    }
  });

  it("keeps automatic ids usable whatever legacy id is imported, even at the top of the range", async () => {
    const editor = await makeKey("editor");
    const section = await newSection();
    const id = async () => {
      const created = await call(editor, "POST", "", { section, title: "新稿" });
      expect(created.res.status, JSON.stringify(created.json)).toBe(201);
      return created.json.id as number;
    };
    // Above 2^31, an import never moves the counter, trashed or not.
    expect((await call(editor, "POST", "", { id: 4294967295, section, title: "最大的旧编号" })).res.status).toBe(201);
    await call(editor, "DELETE", "/4294967295");
    const before = await id();
    expect(await id()).toBe(before + 1);
    expect(before).toBeLessThan(2 ** 31);
    // Just below it, the counter moves past the import, and 2^31 ids remain above.
    expect((await call(editor, "POST", "", { id: 2147483647, section, title: "高位旧编号" })).res.status).toBe(201);
    const next = await id();
    expect(next).toBe(2147483648);
    expect(await id()).toBe(next + 1);
  });

  it("forgets an Idempotency-Key after a day, so it can be used again", async () => {
    const editor = await makeKey("editor");
    const section = await newSection();
    const headers = { "Idempotency-Key": crypto.randomUUID() };
    const first = await call(editor, "POST", "", { section, title: "昨天的" }, headers);
    await env.DB.prepare("UPDATE idempotency_keys SET created_at = created_at - 2 * 86400000 WHERE key_id = ?").bind(editor.key.id).run();
    const later = await call(editor, "POST", "", { section, title: "今天的" }, headers);
    expect(later.res.status).toBe(201);
    expect(later.res.headers.get("Idempotent-Replayed")).toBeNull();
    expect(later.json.id).not.toBe(first.json.id);
  });

  it("refuses to reuse an Idempotency-Key for a different request", async () => {
    const editor = await makeKey("editor");
    const section = await newSection();
    const headers = { "Idempotency-Key": "key-reused-" + crypto.randomUUID() };
    await call(editor, "POST", "", { section, title: "甲" }, headers);
    const other = await call(editor, "POST", "", { section, title: "乙" }, headers);
    expect(other.res.status).toBe(422);
    expect(other.json.error?.code).toBe("idempotency_key_reused");
  });
});

describe("refusing bad input", () => {
  it("lists every problem by field path", async () => {
    const editor = await makeKey("editor");
    const { res, json } = await call(editor, "POST", "", {
      section: "Not A Path",
      title: "",
      bylines: [{ name: "张三", role: "" }, { name: "李四" }],
      publish_at: "2023-06-02 08:00",
      colour: "red",
    });
    expect(res.status).toBe(400);
    const paths = json.error?.details?.map((d) => d.path).sort();
    expect(paths).toEqual(["bylines.0.role", "bylines.1.role", "colour", "publish_at", "section", "title"]);
    expect(json.error?.details?.find((d) => d.path === "colour")?.message).toBe("unknown field");
  });

  it("refuses unknown fields and empty edits on PATCH, changing nothing", async () => {
    const editor = await makeKey("editor");
    const draft = await createDraft(editor, await newSection());
    const unknown = await call(editor, "PATCH", `/${draft.id}`, { title: "新", status: "published" }, { "If-Match": '"1"' });
    expect(unknown.res.status).toBe(400);
    expect(unknown.json.error?.details).toEqual([{ path: "status", message: "unknown field" }]);
    const empty = await call(editor, "PATCH", `/${draft.id}`, {}, { "If-Match": '"1"' });
    expect(empty.res.status).toBe(400);
    const { json } = await call(editor, "GET", `/${draft.id}`);
    expect(json).toMatchObject({ version: 1, title: "巩固成果 谋求发展", status: "draft" });
  });

  it("refuses a query string on every change, as on every endpoint that takes none, changing nothing", async () => {
    const editor = await makeKey("editor");
    const section = await newSection();
    const draft = await createDraft(editor, section);
    const writes: [string, string, unknown?][] = [
      ["POST", "?colour=red", { section, title: "新" }],
      ["PATCH", `/${draft.id}?status=published`, { title: "新" }],
      ["POST", `/${draft.id}/publish?at=now`],
      ["POST", `/${draft.id}/unpublish?x=1`],
      ["POST", `/${draft.id}/archive?x=1`],
      ["DELETE", `/${draft.id}?x=1`],
      ["POST", `/${draft.id}/restore?x=1`],
      ["POST", `/${draft.id}/revisions/1/restore?x=1`],
      ["POST", `/${draft.id}/preview?expires_in=60`],
    ];
    for (const [method, path, body] of writes) {
      const { res, json } = await call(editor, method, path, body, { "If-Match": "*" });
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(json.error?.code, `${method} ${path}`).toBe("bad_request");
    }
    const { json } = await call(editor, "GET", `/${draft.id}`);
    expect(json).toMatchObject({ version: 1, status: "draft" });
    const { json: list } = await call(editor, "GET", `?section=${section}`);
    expect((list.items as unknown[]).length).toBe(1);
  });

  it("refuses dates that do not exist, broken Unicode, bidi overrides and prototype keys", async () => {
    const editor = await makeKey("editor");
    const section = await newSection();
    const cases: Array<[unknown, string]> = [
      [{ section, title: "二月三十日", publish_at: "2023-02-30T08:00:00+08:00" }, "publish_at"],
      [{ section, title: "二十四点", publish_at: "2023-06-01T24:00:00+08:00" }, "publish_at"],
      [{ section, title: "a\ud800b" }, "title"],
      [{ section, title: "标题\u202e反转" }, "title"],
      [{ section, title: "两行\u2028标题" }, "title"],
    ];
    for (const [body, path] of cases) {
      const { res, json } = await call(editor, "POST", "", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(json.error?.details?.[0]?.path).toBe(path);
    }
    const proto = await call(editor, "POST", "", `{"section":"${section}","title":"原型","__proto__":{"x":1}}`);
    expect(proto.res.status).toBe(400);
    expect(proto.json.error?.details).toEqual([{ path: "__proto__", message: "unknown field" }]);
  });

  it("refuses a member given twice, at any depth, since JSON readers disagree on which one counts", async () => {
    const editor = await makeKey("editor");
    const section = await newSection();
    const headers = { "Idempotency-Key": crypto.randomUUID() };
    const twice = await call(editor, "POST", "", `{"section":"${section}","title":"甲","title":"乙"}`, headers);
    expect(twice.res.status).toBe(400);
    expect(twice.json.error?.details).toEqual([{ path: "title", message: "is given more than once" }]);
    const nested = await call(editor, "POST", "", `{"section":"${section}","title":"甲","bylines":[{"name":"张三","role":"记者","ro\\u006ce":"编辑"}]}`);
    expect(nested.res.status).toBe(400);
    expect(nested.json.error?.details).toEqual([{ path: "bylines.0.role", message: "is given more than once" }]);
    // Nothing was stored, and the key is still free for the request the client meant.
    const meant = await call(editor, "POST", "", { section, title: "乙" }, headers);
    expect(meant.res.status).toBe(201);
    const draft = meant.json as Json & { id: number };
    const patched = await call(editor, "PATCH", `/${draft.id}`, `{"title":"丙","title":"丁"}`, { "If-Match": '"1"' });
    expect(patched.res.status).toBe(400);
    expect((await call(editor, "GET", `/${draft.id}`)).json).toMatchObject({ title: "乙", version: 1 });
  });

  it("answers 400, not 500, to JSON nested hundreds of thousands of levels deep, with a short answer", async () => {
    const editor = await makeKey("editor");
    const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    expect((await call(editor, "POST", "", deep)).res.status).toBe(400);
    const deepObject = `{"section":"x","title":"y","bylines":${'{"a":'.repeat(300_000)}{"__proto__":1}${"}".repeat(300_000)}}`;
    const { res, json } = await call(editor, "POST", "", deepObject);
    expect(res.status).toBe(400);
    expect(json.error?.details?.[0]?.message).toBe("nested more than 32 levels deep");
    expect(JSON.stringify(json).length).toBeLessThan(1000);
  });

  it("answers 400 to a body that is JSON but not an object, on create and on publish, changing nothing", async () => {
    const editor = await makeKey("editor");
    const section = await newSection();
    const draft = await createDraft(editor, section);
    for (const body of ["[]", "null", '"x"', "1", "[{}]"]) {
      for (const path of ["", `/${draft.id}/publish`]) {
        const { res, json } = await call(editor, "POST", path, body);
        expect(res.status, `${path} ${body}`).toBe(400);
        expect(json.error?.message, `${path} ${body}`).toBe("The body must be a JSON object");
        expect(json.error?.details).toEqual([{ path: "(body)", message: "must be a JSON object" }]);
      }
    }
    const { json } = await call(editor, "GET", `/${draft.id}`);
    expect(json).toMatchObject({ status: "draft", version: 1 });
  });

  it("answers 413 for a body over the limit, before storing anything", async () => {
    const editor = await makeKey("editor");
    const section = await newSection();
    const { res, json } = await call(editor, "POST", "", { section, title: "太长", body: "字".repeat(800_000) });
    expect(res.status).toBe(413);
    expect(json.error?.code).toBe("payload_too_large");
  });

  it("answers 413 for an oversized body sent without a Content-Length", async () => {
    const editor = await makeKey("editor");
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 40) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await exports.default.fetch(BASE, {
      method: "POST",
      headers: { ...editor.headers, "Content-Type": "application/json" },
      body: stream,
    });
    expect(res.status).toBe(413);
  });

  it("answers 400 for malformed JSON and 415 for another media type", async () => {
    const editor = await makeKey("editor");
    expect((await call(editor, "POST", "", "{\"title\": ")).res.status).toBe(400);
    const form = await call(editor, "POST", "", "title=x", { "Content-Type": "application/x-www-form-urlencoded" });
    expect(form.res.status).toBe(415);
  });

  it("answers 422 for a section that does not exist", async () => {
    const editor = await makeKey("editor");
    const { res, json } = await call(editor, "POST", "", { section: "no/such-section", title: "无处安放" });
    expect(res.status).toBe(422);
    expect(json.error?.code).toBe("unknown_section");
  });

  it("answers 404 for an unknown article and for ids that are not ids", async () => {
    const editor = await makeKey("editor");
    expect((await call(editor, "GET", "/999999999999")).res.status).toBe(404);
    expect((await call(editor, "GET", "/abc")).res.status).toBe(404);
    expect((await call(editor, "GET", "/99999999999999999999999")).res.status).toBe(404);
  });
});

describe("editing with If-Match", () => {
  it("answers 428 without If-Match and 412 with a stale version, telling the current one", async () => {
    const editor = await makeKey("editor");
    const draft = await createDraft(editor, await newSection());
    const missing = await call(editor, "PATCH", `/${draft.id}`, { title: "新标题" });
    expect(missing.res.status).toBe(428);
    await call(editor, "PATCH", `/${draft.id}`, { title: "第二版" }, { "If-Match": '"1"' });
    const stale = await call(editor, "PATCH", `/${draft.id}`, { title: "第三版" }, { "If-Match": '"1"' });
    expect(stale.res.status).toBe(412);
    expect(stale.json.error).toMatchObject({ code: "version_conflict", current_version: 2 });
    const { json } = await call(editor, "GET", `/${draft.id}`);
    expect(json.title).toBe("第二版");
  });

  it("lets exactly one of two concurrent edits of the same version win", async () => {
    const editor = await makeKey("editor");
    const other = await makeKey("editor");
    const draft = await createDraft(editor, await newSection());
    const [a, b] = await Promise.all([
      call(editor, "PATCH", `/${draft.id}`, { title: "甲的修改" }, { "If-Match": '"1"' }),
      call(other, "PATCH", `/${draft.id}`, { title: "乙的修改" }, { "If-Match": '"1"' }),
    ]);
    expect([a.res.status, b.res.status].sort()).toEqual([200, 412]);
    const winner = a.res.status === 200 ? "甲的修改" : "乙的修改";
    const { json, res } = await call(editor, "GET", `/${draft.id}`);
    expect(res.headers.get("ETag")).toBe('"2"');
    expect(json.title).toBe(winner);
  });

  it("makes an edit to a published article live at once", async () => {
    const editor = await makeKey("editor");
    const draft = await createDraft(editor, await newSection(), { status: "published" });
    await call(editor, "PATCH", `/${draft.id}`, { title: "更正后的标题" }, { "If-Match": `"${draft.version}"` });
    const res = await exports.default.fetch(`http://localhost/api/v1/articles/${draft.id}`);
    expect(((await res.json()) as { title: string }).title).toBe("更正后的标题");
  });

  it("sanitizes hostile Markdown and HTML before storing it", async () => {
    const editor = await makeKey("editor");
    const draft = await createDraft(editor, await newSection());
    const { json } = await call(
      editor,
      "PATCH",
      `/${draft.id}`,
      { body: '正文<script>alert(1)</script><img src=x onerror=alert(2)>[链接](javascript:alert(3))<iframe src="https://evil.example"></iframe>' },
      { "If-Match": '"1"' },
    );
    expect(json.body_html).not.toMatch(/<script|onerror|href="javascript|<iframe|alert\([12]\)/i);
    expect(json.body).toContain("<script>");
  });
});

describe("publishing", () => {
  it("publishes now, unpublishes, and needs the editor role", async () => {
    const author = await makeKey("author");
    const editor = await makeKey("editor");
    const draft = await createDraft(author, await newSection());
    expect((await call(author, "POST", `/${draft.id}/publish`)).res.status).toBe(403);
    const published = await call(editor, "POST", `/${draft.id}/publish`);
    expect(published.res.status).toBe(200);
    expect(published.json).toMatchObject({ status: "published", version: 2 });
    expect(await publicStatus(draft.id)).toBe(200);
    const unpublished = await call(editor, "POST", `/${draft.id}/unpublish`);
    expect(unpublished.json.status).toBe("draft");
    expect(await publicStatus(draft.id)).toBe(404);
  });

  it("schedules when publish_at is in the future, and the cron trigger publishes it once when due", async () => {
    const editor = await makeKey("editor");
    const draft = await createDraft(editor, await newSection());
    const at = new Date(Date.now() + 60_000).toISOString();
    const scheduled = await call(editor, "POST", `/${draft.id}/publish`, { publish_at: at });
    expect(scheduled.json).toMatchObject({ status: "scheduled" });
    expect(await publicStatus(draft.id)).toBe(404);

    // Two overlapping runs of the trigger, two minutes later.
    const runs = [1, 2].map(async () => {
      const ctx = createExecutionContext();
      await worker.scheduled(createScheduledController({ scheduledTime: Date.now() + 120_000, cron: "* * * * *" }), env, ctx);
      await waitOnExecutionContext(ctx);
    });
    await Promise.all(runs);

    const { json } = await call(editor, "GET", `/${draft.id}`);
    expect(json.status).toBe("published");
    expect(json.published_at).toBe(json.publish_at);
    expect(await publicStatus(draft.id)).toBe(200);
    const { results } = await env.DB.prepare("SELECT action FROM revisions WHERE article_id = ? ORDER BY version")
      .bind(draft.id)
      .all<{ action: string }>();
    expect(results.map((r) => r.action)).toEqual(["create", "schedule", "publish"]);
  });

  it("archives a published article: off the site, marked archived, publishable again", async () => {
    const editor = await makeKey("editor");
    const draft = await createDraft(editor, await newSection(), { status: "published" });
    const archived = await call(editor, "POST", `/${draft.id}/archive`);
    expect(archived.json).toMatchObject({ status: "archived", published_at: null });
    expect(await publicStatus(draft.id)).toBe(404);
    const again = await call(editor, "POST", `/${draft.id}/publish`);
    expect(again.json.status).toBe("published");
  });

  it("publishes a scheduled article now when asked with publish_at null", async () => {
    const editor = await makeKey("editor");
    const draft = await createDraft(editor, await newSection());
    await call(editor, "POST", `/${draft.id}/publish`, { publish_at: new Date(Date.now() + 86_400_000).toISOString() });
    const now = await call(editor, "POST", `/${draft.id}/publish`, { publish_at: null });
    expect(now.json.status).toBe("published");
    expect(await publicStatus(draft.id)).toBe(200);
  });

  it("refuses a malformed publish_at", async () => {
    const editor = await makeKey("editor");
    const draft = await createDraft(editor, await newSection());
    const { res, json } = await call(editor, "POST", `/${draft.id}/publish`, { publish_at: "tomorrow" });
    expect(res.status).toBe(400);
    expect(json.error?.details?.[0]?.path).toBe("publish_at");
  });
});

describe("listings follow every change", () => {
  const listed = async (section: string) => {
    const res = await exports.default.fetch(`http://localhost/api/v1/articles?section=${section}&limit=100`);
    return ((await res.json()) as { items: { id: number }[] }).items.map((a) => a.id);
  };

  it("moves a published article to another section: off the old listing, on the new, old URL redirects", async () => {
    const editor = await makeKey("editor");
    const [from, to] = [await newSection(), await newSection()];
    const a = await createDraft(editor, from, { status: "published" });
    const moved = await call(editor, "PATCH", `/${a.id}`, { section: to }, { "If-Match": `"${a.version}"` });
    expect(moved.json.url).toBe(`/html/${to}/${a.id}.html`);
    expect(await listed(from)).not.toContain(a.id);
    expect(await listed(to)).toEqual([a.id]);
    const old = await exports.default.fetch(`http://localhost/html/${from}/${a.id}.html`, { redirect: "manual" });
    expect(old.status).toBe(301);
    expect(old.headers.get("Location")).toBe(`/html/${to}/${a.id}.html`);
  });

  it("places a backdated article by its date, and closes the gap when one is unpublished", async () => {
    const editor = await makeKey("editor");
    const section = await newSection();
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) {
      const d = await createDraft(editor, section, { title: `第${i}篇` });
      await call(editor, "POST", `/${d.id}/publish`, { publish_at: `2024-0${i + 1}-01T08:00:00+08:00` });
      ids.push(d.id);
    }
    const old = await createDraft(editor, section, { title: "补发的旧闻" });
    await call(editor, "POST", `/${old.id}/publish`, { publish_at: "2024-02-15T08:00:00+08:00" });
    expect(await listed(section)).toEqual([ids[3], ids[2], old.id, ids[1], ids[0]]);
    await call(editor, "POST", `/${ids[2]}/unpublish`);
    expect(await listed(section)).toEqual([ids[3], old.id, ids[1], ids[0]]);
    const { results } = await env.DB.prepare(
      `SELECT l.position FROM section_listing l JOIN sections s ON s.id = l.section_id WHERE s.path = ? ORDER BY l.published_at, l.article_id`,
    ).bind(section).all<{ position: number }>();
    expect(results.map((r) => r.position)).toEqual([1, 2, 3, 4]);
  });
});

describe("trash and revisions", () => {
  it("lets editors trash, restore and revert without If-Match, even right after someone else's change", async () => {
    const author = await makeKey("author");
    const editor = await makeKey("editor");
    const draft = await createDraft(author, await newSection());
    await call(author, "PATCH", `/${draft.id}`, { title: "作者改过" }, { "If-Match": '"1"' });
    expect((await call(editor, "POST", `/${draft.id}/revisions/1/restore`)).res.status).toBe(200);
    expect((await call(editor, "DELETE", `/${draft.id}`)).res.status).toBe(200);
    expect((await call(editor, "POST", `/${draft.id}/restore`)).res.status).toBe(200);
  });

  it("moves to trash (off the site) and restores as a draft", async () => {
    const editor = await makeKey("editor");
    const section = await newSection();
    const draft = await createDraft(editor, section, { status: "published" });
    const trashed = await call(editor, "DELETE", `/${draft.id}`);
    expect(trashed.res.status).toBe(200);
    expect(trashed.json.deleted_at).not.toBeNull();
    expect(await publicStatus(draft.id)).toBe(404);
    // One word for the state wherever it is shown: the answer, the article, the list it is filtered into.
    expect(trashed.json.status).toBe("trash");
    expect((await call(editor, "GET", `/${draft.id}`)).json).toMatchObject({ status: "trash" });
    const inTrash = await call(editor, "GET", "?status=trash&limit=100");
    expect((inTrash.json.items as { id: number; status: string }[]).find((a) => a.id === draft.id)?.status).toBe("trash");
    const notTrash = await call(editor, "GET", `?section=${encodeURIComponent(section)}&limit=100`);
    expect((notTrash.json.items as { id: number }[]).map((a) => a.id)).not.toContain(draft.id);
    const audit = await env.DB.prepare("SELECT detail FROM audit_log WHERE article_id = ? AND action = 'article.trash'").bind(draft.id).first<{ detail: string }>();
    expect(JSON.parse(audit?.detail ?? "{}")).toMatchObject({ status: "trash" });
    const edit = await call(editor, "PATCH", `/${draft.id}`, { title: "x" }, { "If-Match": `"${trashed.json.version}"` });
    expect(edit.res.status).toBe(409);
    const restored = await call(editor, "POST", `/${draft.id}/restore`);
    expect(restored.json).toMatchObject({ status: "draft", deleted_at: null });
  });

  it("keeps a revision of every change with who and when, and restores an old one", async () => {
    const editor = await makeKey("editor", `编辑 ${crypto.randomUUID().slice(0, 6)}`);
    const draft = await createDraft(editor, await newSection(), { body: "第一稿" });
    await call(editor, "PATCH", `/${draft.id}`, { body: "第二稿", title: "改过的标题" }, { "If-Match": '"1"' });
    const revisions = await call(editor, "GET", `/${draft.id}/revisions`);
    expect(revisions.json.items).toEqual([
      expect.objectContaining({ version: 2, action: "update", actor: editor.key.name }),
      expect.objectContaining({ version: 1, action: "create", actor: editor.key.name }),
    ]);
    const restored = await call(editor, "POST", `/${draft.id}/revisions/1/restore`);
    expect(restored.json).toMatchObject({ version: 3, body: "第一稿", title: "巩固成果 谋求发展" });
    expect((await call(editor, "POST", `/${draft.id}/revisions/99/restore`)).res.status).toBe(404);
  });

  it("records every write in the audit log with the key's name", async () => {
    const editor = await makeKey("editor");
    const draft = await createDraft(editor, await newSection());
    await call(editor, "POST", `/${draft.id}/publish`);
    const { results } = await env.DB.prepare("SELECT key_name, action FROM audit_log WHERE article_id = ? ORDER BY id")
      .bind(draft.id)
      .all<{ key_name: string; action: string }>();
    expect(results).toEqual([
      { key_name: editor.key.name, action: "article.create" },
      { key_name: editor.key.name, action: "article.publish" },
    ]);
  });
});

describe("authors", () => {
  it("edit their own drafts but not others', and cannot publish on create", async () => {
    const author = await makeKey("author");
    const otherAuthor = await makeKey("author");
    const section = await newSection();
    const mine = await createDraft(author, section);
    expect((await call(author, "PATCH", `/${mine.id}`, { title: "我的稿子" }, { "If-Match": '"1"' })).res.status).toBe(200);
    expect((await call(otherAuthor, "PATCH", `/${mine.id}`, { title: "别人的" }, { "If-Match": '"2"' })).res.status).toBe(403);
    expect((await call(author, "POST", "", { section, title: "直接发布", status: "published" })).res.status).toBe(403);
    expect((await call(otherAuthor, "DELETE", `/${mine.id}`)).res.status).toBe(403);
    expect((await call(author, "DELETE", `/${mine.id}`)).res.status).toBe(200);
    expect((await call(author, "POST", `/${mine.id}/restore`)).res.status).toBe(200);
  });

  it("keep their drafts when their key is rotated", async () => {
    const author = await makeKey("author");
    const admin = await makeKey("admin");
    const mine = await createDraft(author, await newSection());
    const res = await exports.default.fetch(`http://localhost/api/v1/admin/keys/${author.key.id}/rotate`, { method: "POST", headers: admin.headers });
    const { secret } = (await res.json()) as { secret: string };
    const rotated = { ...author, headers: { ...author.headers, Authorization: `Bearer ${secret}` } };
    expect((await call(rotated, "PATCH", `/${mine.id}`, { title: "换了钥匙" }, { "If-Match": '"1"' })).res.status).toBe(200);
  });

  it("cannot touch their drafts once an editor has published them", async () => {
    const author = await makeKey("author");
    const editor = await makeKey("editor");
    const mine = await createDraft(author, await newSection());
    await call(editor, "POST", `/${mine.id}/publish`);
    expect((await call(author, "PATCH", `/${mine.id}`, { title: "改" }, { "If-Match": '"2"' })).res.status).toBe(403);
    expect((await call(author, "DELETE", `/${mine.id}`)).res.status).toBe(403);
  });
});

describe("the editors' list", () => {
  it("filters by status and section and pages with a cursor", async () => {
    const editor = await makeKey("editor");
    const section = await newSection();
    for (let i = 0; i < 5; i++) await createDraft(editor, section, { title: `稿件${i}` });
    await createDraft(editor, section, { title: "已发布", status: "published" });
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `?section=${section}&status=draft&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const { json } = await call(editor, "GET", q);
      seen.push(...(json.items as { id: number; status: string }[]).map((a) => a.id));
      cursor = json.next_cursor as string | null;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect((await call(editor, "GET", "?status=bogus")).res.status).toBe(400);
    expect((await call(editor, "GET", "?limit=1000")).res.status).toBe(400);
  });
});
