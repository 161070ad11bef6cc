// Pictures and pastes in 写稿, in Chromium, as a reporter works: a Word paste cleaned into Markdown with its
// embedded and remote pictures brought into the store (the remote one from a made-up public site the Worker's
// stand-in web answers, test/browser/outbound.ts) and the ones that failed listed; a pasted picture asked for
// its alt text and uploaded with its progress shown; 插入图片 and 图片库 with search; axe-core with the dialogs open.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { VIEWPORTS, adminApi, connect, deskUnderTest, violations } from "./harness.ts";
import { makeArticle, readArticle, signedIn } from "./editor-people.ts";
import { PICTURE_HOST, remotePng } from "./outbound.ts";
import * as images from "../fixtures/images.ts";

const desk = deskUnderTest();

/** A PNG no other test uploads: the fixture with `tag` after its end (readers ignore what follows IEND). */
function pngTagged(tag: string): Buffer {
  return Buffer.concat([Buffer.from(images.png()), Buffer.from(tag)]);
}

/** Word's HTML for a short report: mso classes and styles, spans, <o:p>, full-width indents, a layout table and pictures. */
function wordHtml(embedded: Buffer): string {
  const remote = (path: string, alt: string) => `<img width=200 height=100 src="http://${PICTURE_HOST}${path}" alt="${alt}" v:shapes="_x0000_i1025">`;
  return `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta name=Generator content="Microsoft Word 15">
<style><!-- p.MsoNormal {mso-style-unhide:no; font-size:10.5pt; font-family:宋体;} --></style></head><body lang=ZH-CN style='tab-interval:21.0pt'>
<!--StartFragment--><p class=MsoNormal style='text-indent:21.0pt;mso-char-indent-count:2.0'><span style='font-family:宋体;mso-ascii-font-family:Calibri'>　　全市<b>防汛</b>物资已经备齐<o:p></o:p></span></p>
<table class=MsoTableGrid border=0 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'><tr><td width=553 style='width:415pt;padding:0cm 5.4pt'>
<p class=MsoNormal><span style='font-size:12.0pt'>　　仓库里的物资按类别存放。<o:p></o:p></span></p></td></tr></table>
<p class=MsoNormal><span><img width=6 height=4 src="data:image/png;base64,${embedded.toString("base64")}" alt="防汛物资仓库"></span><o:p></o:p></p>
<p class=MsoNormal>${remote("/photos/flood.png", "江堤")}<o:p></o:p></p>
<p class=MsoNormal>${remote("/photos/missing.png", "缺图")}<o:p></o:p></p>
<p class=MsoNormal>${remote("/photos/page.png", "网页")}<o:p></o:p></p>
<p class=MsoNormal><img src="http://127.0.0.1/admin.png" alt="内网"><o:p></o:p></p>
<p class=MsoNormal><img src="file:///C:/Users/lin/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png" alt="现场"><o:p></o:p></p>
<p class=MsoNormal><img src="file:///C:/Users/lin/AppData/Local/Temp/msohtmlclip1/01/clip_image003.png" alt="另一张"><o:p></o:p></p><!--EndFragment--></body></html>`;
}

/**
 * Pastes into 正文 as the browser delivers a paste: a ClipboardEvent carrying a DataTransfer, made in the page
 * (`fill` is the script that fills it there; the tests' own types know no DOM, so it travels as text).
 */
async function paste(page: Page, fill: string): Promise<void> {
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    ${fill}
    document.getElementById("e-body").dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
}

const pasteInto = (page: Page, html: string, plain: string) =>
  paste(page, `data.setData("text/html", ${JSON.stringify(html)}); data.setData("text/plain", ${JSON.stringify(plain)});`);

/** The /media/ keys named by `![alt](/media/<key>)` in `body`, by alt text. */
function picturesOf(body: string): Map<string, string> {
  return new Map([...body.matchAll(/!\[([^\]]*)\]\(\/media\/([0-9a-f]{64}\.[a-z]+)\)/g)].map((m) => [m[1] ?? "", m[2] ?? ""]));
}

async function storedImage(key: string): Promise<{ alt: string; caption: string }> {
  const res = await adminApi(desk ?? { origin: "", wsEndpoint: "", adminKey: "" }, "GET", `/api/v1/admin/images/${key}`);
  expect(res.status, key).toBe(200);
  return (await res.json()) as { alt: string; caption: string };
}

describe.skipIf(desk === null)("pictures and pastes in 写稿", () => {
  let browser: Browser;
  beforeAll(async () => {
    if (desk) browser = await connect(desk);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("pastes from Word as clean Markdown in one edit, brings both pictures into the store and lists each one that failed", async () => {
    if (!desk) return;
    const article = await makeArticle(desk, { title: "防汛物资", body: "前文。", bylines: [{ name: "林晓", role: "记者" }] });
    const { page, errors } = await signedIn(browser, desk, "editor", "粘贴编辑");
    await page.goto(`/desk/articles/${article.id}`);
    const body = page.getByLabel("正文（Markdown）");
    await body.focus();
    await page.keyboard.press("Control+End");
    const embedded = pngTagged(`embedded ${crypto.randomUUID()}`);
    // Word puts the first picture kept on disk (clip_image001) beside its HTML as a file; the second one is not there.
    const clip = pngTagged(`clip ${crypto.randomUUID()}`);
    await paste(
      page,
      `data.setData("text/html", ${JSON.stringify(wordHtml(embedded))}); data.setData("text/plain", "全市防汛物资已经备齐");
       data.items.add(new File([Uint8Array.from(atob(${JSON.stringify(clip.toString("base64"))}), (c) => c.charCodeAt(0))], "image001.png", { type: "image/png" }));`,
    );

    const problems = page.getByRole("region", { name: "粘贴的图片需要处理" });
    await problems.waitFor();
    const text = await body.inputValue();
    expect(text.startsWith("前文。\n\n全市**防汛**物资已经备齐\n\n仓库里的物资按类别存放。\n\n")).toBe(true);
    expect(text).not.toMatch(/mso|<o:p>|<table|<span|\u3000|paste:|data:image/);
    expect(text).toContain("【图片未能导入：第 3 张，图片所在的网站回答 404，没有给出图片】");
    expect(text).toContain("【图片未能导入：第 4 张，那个地址上的不是图片】");
    expect(text).toContain("【图片未能导入：第 5 张，图片地址指向内部网络，不能从那里取图】");
    expect(text).toContain("【图片未能导入：第 7 张，图片只在您的电脑上，浏览器拿不到它：请用“插入图片”重新选择这个文件】");
    const pictures = picturesOf(text);
    expect([...pictures.keys()]).toEqual(["防汛物资仓库", "江堤", "现场"]);
    for (const [n, why] of [
      [3, "图片所在的网站回答 404"],
      [4, "那个地址上的不是图片"],
      [5, "图片地址指向内部网络"],
      [7, "图片只在您的电脑上"],
    ] as const) {
      await problems.getByRole("listitem").filter({ hasText: `第 ${n} 张` }).filter({ hasText: why }).waitFor();
    }

    // Both pictures are in the store, with the alt text Word had; the remote one is the stand-in site's PNG.
    const embeddedKey = pictures.get("防汛物资仓库") ?? "";
    const remoteKey = pictures.get("江堤") ?? "";
    expect((await storedImage(embeddedKey)).alt).toBe("防汛物资仓库");
    expect((await storedImage(remoteKey)).alt).toBe("江堤");
    const served = await fetch(`${desk.origin}/media/${remoteKey}`);
    expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(remotePng()))).toBe(true);
    expect(Buffer.from(await (await fetch(`${desk.origin}/media/${embeddedKey}`)).arrayBuffer()).equals(embedded)).toBe(true);
    const clipKey = pictures.get("现场") ?? "";
    expect((await storedImage(clipKey)).alt).toBe("现场");
    expect(Buffer.from(await (await fetch(`${desk.origin}/media/${clipKey}`)).arrayBuffer()).equals(clip)).toBe(true);

    // A paste is an edit like typing: it autosaves, and one Ctrl+Z takes the whole of it back.
    await expect.poll(async () => (await readArticle(desk, article.id)).body, { timeout: 20_000 }).toBe(text);
    await body.focus();
    await page.keyboard.press("Control+z");
    expect(await body.inputValue()).toBe("前文。");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("asks a pasted picture's alt text first, shows its upload, and inserts it with that text", async () => {
    if (!desk) return;
    const { page, errors } = await signedIn(browser, desk, "editor", "贴图编辑");
    await page.goto("/desk/articles/new");
    const body = page.getByLabel("正文（Markdown）");
    await body.fill("第一段。");
    const bytes = pngTagged(`pasted ${crypto.randomUUID()}`);
    await paste(
      page,
      `data.items.add(new File([Uint8Array.from(atob(${JSON.stringify(bytes.toString("base64"))}), (c) => c.charCodeAt(0))], "截图.png", { type: "image/png" }));`,
    );
    const dialog = page.getByRole("dialog", { name: "插入图片：填写替代文字" });
    await dialog.waitFor();
    // No alt text, no picture: 插入 keeps the dialog open and says why.
    await dialog.getByRole("button", { name: "插入" }).click();
    await dialog.getByText("请填写替代文字").waitFor();
    expect(await body.inputValue()).toBe("第一段。");
    await dialog.getByLabel("替代文字（必填）").fill("会场[全景]");
    await dialog.getByLabel("图片说明（选填）").fill("12月1日，市政府常务会议现场。");
    // The upload is held at the network until its progress bar has been seen.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/api/v1/admin/images", async (route) => {
      await held;
      await route.continue();
    });
    await dialog.getByRole("button", { name: "插入" }).click();
    await page.getByRole("progressbar", { name: "截图.png 的上传进度" }).waitFor();
    expect(await body.inputValue()).toBe("第一段。");
    release();
    await page.getByRole("list", { name: "图片上传" }).getByText("截图.png 已上传并插入正文").waitFor();
    const text = await body.inputValue();
    expect(text).toMatch(/^第一段。\n\n!\[会场\\\[全景\\\]\]\(\/media\/[0-9a-f]{64}\.png\)$/);
    const key = /\/media\/([^)]+)\)/.exec(text)?.[1] ?? "";
    expect(await storedImage(key)).toMatchObject({ alt: "会场[全景]", caption: "12月1日，市政府常务会议现场。" });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("lets a reporter (an author) bring pictures too: 插入图片 is there, and a pasted page's picture comes in", async () => {
    if (!desk) return;
    const { page, errors } = await signedIn(browser, desk, "author", "贴图记者");
    await page.goto("/desk/articles/new");
    const body = page.getByLabel("正文（Markdown）");
    await body.fill("导语。");
    expect(await page.getByRole("button", { name: "插入图片" }).count()).toBe(1);
    await pasteInto(page, `<p class=MsoNormal><b>防汛</b>通知<o:p></o:p></p><img src="http://${PICTURE_HOST}/photos/flood.png" alt="江堤">`, "防汛通知");
    await expect.poll(() => body.inputValue(), { timeout: 30_000 }).toMatch(/\/media\//);
    expect(await body.inputValue()).toMatch(/^导语。\n\n\*\*防汛\*\*通知\n\n!\[江堤\]\(\/media\/[0-9a-f]{64}\.png\)$/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("uploads with 插入图片, says in Chinese why a file is refused, and inserts from 图片库 found by its caption", async () => {
    if (!desk) return;
    const { page, errors } = await signedIn(browser, desk, "editor", "图库编辑");
    await page.goto("/desk/articles/new");
    const body = page.getByLabel("正文（Markdown）");
    await body.fill("开头。");

    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "插入图片" }).click();
    await (await chooser).setFiles({ name: "说明.txt", mimeType: "image/png", buffer: Buffer.from("这不是图片") });
    const dialog = page.getByRole("dialog", { name: "插入图片：填写替代文字" });
    await dialog.getByLabel("替代文字（必填）").fill("不是图片");
    await dialog.getByRole("button", { name: "插入" }).click();
    await page.getByRole("alert").filter({ hasText: "说明.txt 没有上传：不是可用的图片格式：只能用 JPEG、PNG、WebP、GIF 或 AVIF 图片。" }).waitFor();
    expect(await body.inputValue()).toBe("开头。");

    const word = `图库${crypto.randomUUID().slice(0, 6)}`;
    const upload = await fetch(`${desk.origin}/api/v1/admin/images?alt=${encodeURIComponent("江边的早晨")}&caption=${encodeURIComponent(`摄于${word}`)}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${desk.adminKey}`, "Content-Type": "image/png" },
      body: pngTagged(word),
    });
    const uploaded = (await upload.json()) as { url: string };
    await page.getByRole("button", { name: "从图片库选择" }).click();
    const library = page.getByRole("dialog", { name: "图片库" });
    await library.getByLabel("按替代文字或图片说明搜索").fill(word);
    await library.getByRole("button", { name: "搜索", exact: true }).click();
    await library.getByText(`替代文字或图片说明含“${word}”的 1 张图片`).waitFor();
    await library.getByRole("button", { name: /江边的早晨/ }).click();
    expect(await library.isVisible()).toBe(false);
    expect(await body.inputValue()).toBe(`开头。\n\n![江边的早晨](${uploaded.url})`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  for (const width of VIEWPORTS) {
    it(`has no WCAG 2.2 A/AA violations with its dialogs open at ${width.width} px`, async () => {
      if (!desk) return;
      const { page, errors } = await signedIn(browser, desk, "editor", "图片无障碍", width);
      await page.goto("/desk/articles/new");
      const found: string[] = [];
      await page.getByRole("button", { name: "从图片库选择" }).click();
      await page.getByRole("dialog", { name: "图片库" }).getByText(/张图片|还没有图片/).waitFor();
      found.push(...(await violations(page, "写稿, 图片库")));
      await page.keyboard.press("Escape");
      const chooser = page.waitForEvent("filechooser");
      await page.getByRole("button", { name: "插入图片" }).click();
      await (await chooser).setFiles({ name: "a.png", mimeType: "image/png", buffer: pngTagged("a11y") });
      const dialog = page.getByRole("dialog", { name: "插入图片：填写替代文字" });
      await dialog.getByRole("button", { name: "插入" }).click();
      await dialog.getByText("请填写替代文字").waitFor();
      found.push(...(await violations(page, "写稿, 替代文字")));
      await dialog.getByRole("button", { name: "取消" }).click();
      await pasteInto(page, `<p>文字</p><img src="http://${PICTURE_HOST}/photos/missing.png" alt="缺图">`, "文字");
      await page.getByRole("region", { name: "粘贴的图片需要处理" }).waitFor();
      found.push(...(await violations(page, "写稿, 粘贴后粘贴的图片需要处理")));
      expect(found).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});
