// Pictures a pasted page names on other sites, fetched by the server into the media store (POST
// /api/v1/admin/images/fetch): through the upload path, and never a way into what only the Worker can reach.
// The other sites are a stand-in (test/stand-in-images.ts).
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { checkOutboundUrl } from "../src/content/outbound-url.ts";
import { fetchRemoteBytes } from "../src/publish/fetch-image.ts";
import { settledFetch } from "./settle.ts";
import { makeKey } from "./keys-fixture.ts";
import { desk, makePerson } from "./staff-fixture.ts";

describe("which addresses may be fetched", () => {
  it.each([
    ["http://localhost/a.png", "refused_host"],
    ["http://LOCALHOST./a.png", "refused_host"],
    ["http://editor.localhost/a.png", "refused_host"],
    ["http://127.0.0.1/a.png", "refused_host"],
    ["http://127.1/a.png", "refused_host"],
    ["http://2130706433/a.png", "refused_host"],
    ["http://0x7f.0.0.1/a.png", "refused_host"],
    ["http://0.0.0.0/a.png", "refused_host"],
    ["http://10.0.0.8/a.png", "refused_host"],
    ["http://172.20.1.1/a.png", "refused_host"],
    ["http://192.168.1.10/a.png", "refused_host"],
    ["http://100.100.100.200/latest/meta-data", "refused_host"],
    ["http://169.254.169.254/latest/meta-data/", "refused_host"],
    ["http://metadata.google.internal/computeMetadata/v1/", "refused_host"],
    ["http://[::1]/a.png", "refused_host"],
    ["http://[::ffff:127.0.0.1]/a.png", "refused_host"],
    ["http://[::ffff:a9fe:a9fe]/a.png", "refused_host"],
    // 6to4 of 127.0.0.1 and a Teredo address: tunnels with an IPv4 address inside, not in the last 32 bits.
    ["http://[2002:7f00:1::]/a.png", "refused_host"],
    ["http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/a.png", "refused_host"],
    ["http://[fd00:ec2::254]/latest/meta-data/", "refused_host"],
    ["http://[fe80::1]/a.png", "refused_host"],
    ["http://intranet/a.png", "refused_host"],
    ["http://nas.local/a.png", "refused_host"],
    ["http://images.example.com:22/a.png", "refused_host"],
    ["ftp://images.example.com/a.png", "bad_url"],
    ["file:///etc/passwd", "bad_url"],
    ["http://user:secret@images.example.com/a.png", "bad_url"],
    ["not a url", "bad_url"],
  ])("refuses %s (%s)", (url, reason) => {
    const checked = checkOutboundUrl(url);
    expect(checked instanceof URL ? "fetched" : checked.reason).toBe(reason);
  });

  it.each(["https://img.example.com/a.jpg", "http://images.example.com:8080/a.png", "http://8.8.8.8/a.png", "http://[2606:4700:4700::1111]/a.png", "http://[::ffff:8.8.8.8]/a.png"])(
    "fetches %s",
    (url) => {
      expect(checkOutboundUrl(url)).toBeInstanceOf(URL);
    },
  );
});

describe("a fetch that takes too long", () => {
  it("is given up when the deadline passes before the site answers", async () => {
    const deadline = new AbortController();
    const never = (request: Request) => {
      deadline.abort(new DOMException("deadline", "TimeoutError"));
      return new Promise<Response>((_, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason)));
    };
    await expect(fetchRemoteBytes("https://slow.example.com/a.png", { fetch: never, signal: deadline.signal })).rejects.toMatchObject({
      code: "fetch_failed",
      info: { reason: "timeout" },
    });
  });

  it("and when the site stops sending halfway", async () => {
    const deadline = new AbortController();
    const stalls = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new Uint8Array([0x89, 0x50]));
          },
          pull() {
            deadline.abort(new DOMException("deadline", "TimeoutError"));
            return new Promise(() => undefined);
          },
        }),
      );
    await expect(fetchRemoteBytes("https://slow.example.com/a.png", { fetch: stalls, signal: deadline.signal })).rejects.toMatchObject({
      code: "fetch_failed",
      info: { reason: "timeout" },
    });
  });
});

type Media = { key: string; url: string; width: number; height: number; alt: string; content_type: string };
type Failure = { error: { code: string; message: string; reason: string; upstream_status?: number } };

const run = () => `http://images.test/${crypto.randomUUID().slice(0, 8)}`;

async function fetchImage(url: string, extra: Record<string, unknown> = {}, role: "editor" | "author" = "editor") {
  const { headers } = await makeKey(role);
  return settledFetch("http://localhost/api/v1/admin/images/fetch", {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/json" },
    body: JSON.stringify({ url, ...extra }),
  });
}

const received = async (base: string) => (await (await fetch(`${base}/received`)).json()) as { path: string; headers: Record<string, string> }[];

describe("POST /api/v1/admin/images/fetch", () => {
  it("stores another site's picture through the upload path, once, and logs where it came from", async () => {
    const base = run();
    const salt = crypto.randomUUID();
    const res = await fetchImage(`${base}/photo.png?salt=${salt}`, { alt: "岚江", credit: "图片网" });
    expect(res.status).toBe(201);
    const media = (await res.json()) as Media;
    expect(media).toMatchObject({ content_type: "image/png", width: 6, height: 4, alt: "岚江" });
    expect((await settledFetch(`http://localhost${media.url}`)).status).toBe(200);
    const again = await fetchImage(`${base}/to/photo.png?salt=${salt}&type=text`);
    expect(again.status).toBe(200);
    expect(((await again.json()) as Media).key).toBe(media.key);
    const log = await env.DB.prepare("SELECT detail FROM audit_log WHERE action = 'image.fetch' AND detail LIKE ? ORDER BY id").bind(`%${base}%`).all<{ detail: string }>();
    expect(log.results.map((r) => (JSON.parse(r.detail) as { source: string }).source)).toEqual([`${base}/photo.png?salt=${salt}`, `${base}/photo.png?salt=${salt}&type=text`]);
  });

  it("sends no credential of the person's: no cookie, no Authorization, no Referer", async () => {
    const base = run();
    const editor = await makePerson("editor");
    const res = await desk(editor, "POST", "/api/v1/admin/images/fetch", { url: `${base}/photo.png` });
    expect(res.status).toBeLessThan(300);
    const [seen] = await received(base);
    expect(Object.keys(seen?.headers ?? {}).filter((h) => /^(cookie|authorization|referer|x-masthead-desk)$/i.test(h))).toEqual([]);
  });

  it.each([
    ["page.html", "not_an_image"],
    ["missing.png", "status"],
    ["big.png", "too_large"],
    ["loop", "too_many_redirects"],
  ])("answers 422 fetch_failed for %s, saying why (%s), and stores nothing", async (path, reason) => {
    const base = run();
    const res = await fetchImage(`${base}/${path}`);
    expect(res.status).toBe(422);
    const body = (await res.json()) as Failure;
    expect(body.error).toMatchObject({ code: "fetch_failed", reason });
    if (reason === "status") expect(body.error.upstream_status).toBe(404);
  });

  it("refuses a private address before fetching anything, and a redirect to one before following it", async () => {
    const direct = await fetchImage("http://127.0.0.1:8787/api/v1/admin/keys");
    expect(((await direct.json()) as Failure).error).toMatchObject({ code: "fetch_failed", reason: "refused_host" });
    const base = run();
    const redirected = await fetchImage(`${base}/to-url?u=${encodeURIComponent("http://169.254.169.254/latest/meta-data/")}`);
    expect(redirected.status).toBe(422);
    expect(((await redirected.json()) as Failure).error).toMatchObject({ reason: "refused_host" });
    expect((await received(base)).map((r) => r.path)).toEqual(["to-url"]);
    const scheme = await fetchImage(`${base}/to-url?u=${encodeURIComponent("file:///etc/passwd")}`);
    expect(((await scheme.json()) as Failure).error).toMatchObject({ reason: "bad_url" });
  });

  it("is any role's, as uploads are (a reporter's paste brings its pictures), and needs a URL", async () => {
    expect((await fetchImage(`${run()}/photo.png?salt=${crypto.randomUUID()}`, {}, "author")).status).toBe(201);
    expect((await fetchImage("")).status).toBe(400);
    expect((await fetchImage(`${run()}/photo.png`, { alt: "a\nb" })).status).toBe(400);
  });
});
