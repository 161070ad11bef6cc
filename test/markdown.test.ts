// Article bodies: CJK-aware Markdown, sanitized HTML, plain text.
import { describe, expect, it } from "vitest";
import { RenderTooLarge, excerpt, htmlToText, mediaKeysIn, renderBody } from "../src/content/markdown.ts";

const KEY = `${"ab".repeat(32)}.jpg`;

describe("Markdown for Chinese text", () => {
  it("bolds emphasis next to CJK punctuation, which plain CommonMark leaves alone", () => {
    expect(renderBody("第三批**“两新”**组织党建示范园区").html).toContain("<strong>“两新”</strong>组织");
  });

  it("keeps paragraphs and headings, demoting h1 below the page title", () => {
    const { html } = renderBody("# 标题\n\n第一段。\n\n第二段。");
    expect(html).toBe("<h2>标题</h2>\n<p>第一段。</p>\n<p>第二段。</p>");
  });
});

describe("sanitizing hostile input", () => {
  const cases: Array<[string, string, RegExp]> = [
    ["script tags and their content", "正文<script>alert(1)</script>", /script|alert/],
    ["event handlers", '<img src="https://example.com/a.png" onerror="alert(1)">', /onerror/],
    ["javascript: links", "[点我](javascript:alert(1))", /href/i],
    ["javascript: links in raw HTML", '<a href="JaVaScRiPt:alert(1)">x</a>', /href|javascript/i],
    ["entity-encoded javascript: links", '<a href="&#106;avascript:alert(1)">x</a>', /href|avascript/i],
    ["inline styles", '<p style="position:fixed">x</p>', /style|position/],
    ["style elements", "<style>body{display:none}</style>段落", /display|style/],
    ["foreign iframes", '<iframe src="https://evil.example/"></iframe>', /iframe|evil/],
    ["data: images", '<img src="data:image/svg+xml;base64,PHN2Zz4=">', /data:/],
    ["svg with scripts", '<svg><script>alert(1)</script></svg>', /svg|alert/],
    ["forms", '<form action="https://evil.example"><input name="q"></form>', /form|input/],
  ];
  for (const [name, input, forbidden] of cases) {
    it(`removes ${name}`, () => expect(renderBody(input).html).not.toMatch(forbidden));
  }

  it("keeps safe links and marks external ones noopener", () => {
    expect(renderBody("[人民网](https://www.people.com.cn/)").html).toBe(
      '<p><a href="https://www.people.com.cn/" rel="noopener noreferrer">人民网</a></p>',
    );
  });
});

describe("images", () => {
  it("turns a lone image into a figure with its caption and reserved size", () => {
    const images = new Map([[KEY, { width: 1200, height: 800, alt: "", caption: "", credit: "摄影 张三" }]]);
    const { html } = renderBody(`![会场](/media/${KEY} "会议现场")`, images);
    expect(html).toBe(
      `<figure><img src="/media/${KEY}" alt="会场" width="1200" height="800" loading="lazy" decoding="async" />` +
        "<figcaption>会议现场（摄影 张三）</figcaption></figure>",
    );
  });

  it("leaves images inside text inline", () => {
    expect(renderBody(`文字![图](/media/${KEY})文字`).html).toMatch(/^<p>文字<img/);
  });

  it("finds the media keys a body refers to", () => {
    expect(mediaKeysIn(`![a](/media/${KEY}) ![b](/media/${KEY}) ![c](https://x.example/c.png)`)).toEqual([KEY]);
  });
});

describe("plain text", () => {
  it("puts each paragraph on its own line and decodes entities", () => {
    expect(htmlToText("<p>甲 &amp; 乙</p>\n<p>“丙”&lt;丁&gt;</p>")).toBe("甲 & 乙\n“丙”<丁>");
  });

  it("cuts excerpts at a sentence end when one is near", () => {
    const text = "一".repeat(80) + "。" + "二".repeat(80);
    expect(excerpt(text, 100)).toBe("一".repeat(80) + "。");
    expect(excerpt("短句。", 100)).toBe("短句。");
    expect(excerpt("三".repeat(200), 10)).toBe("三".repeat(10) + "…");
  });

  it("keeps a text of exactly the excerpt's length whole, and cuts one character more", () => {
    expect(excerpt("四".repeat(10), 10)).toBe("四".repeat(10));
    expect(excerpt(" 四 ".repeat(5), 9)).toBe("四 四 四 四 四");
    expect(excerpt("四".repeat(11), 10)).toBe("四".repeat(10) + "…");
    expect(excerpt(`${"五".repeat(10)}👨‍👩‍👧`, 10)).toBe("五".repeat(10) + "…");
  });

  it("counts characters as graphemes wherever a joining character is, and otherwise as code points", () => {
    // The definition: split the whole flattened text into graphemes (code points when nothing in it joins).
    const joins = /[\p{M}\u200d\ufe00-\ufe0f\u1100-\u11ff\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]/u;
    const segmenter = new Intl.Segmenter("zh-CN", { granularity: "grapheme" });
    const plainly = (text: string, max: number) => {
      const flat = text.replace(/\s+/g, " ").trim();
      const chars = joins.test(flat) ? Array.from(segmenter.segment(flat), (s) => s.segment) : [...flat];
      if (chars.length <= max) return flat;
      const head = chars.slice(0, max).join("");
      const stop = Math.max(head.lastIndexOf("。"), head.lastIndexOf("！"), head.lastIndexOf("？"));
      return stop >= max * 0.6 ? head.slice(0, stop + 1) : `${head}…`;
    };
    const pieces = ["字", "a", " \n\t", "。", "“", "—", "😀", "🇨🇳", "👨‍👩‍👧", "e\u0301", "か\u3099", "中\u302a", "\ud83d", "\udc00", "ᄀ\u1161", "\u0600١", "Ａ", "\u200c", "\u20d0", "\u2028"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 400; i++) {
      // Mostly plain text, now and then one of the rarer pieces somewhere in it.
      const text = Array.from({ length: 5 + (next() % 40) }, () => pieces[next() % 100 < 80 ? next() % 6 : next() % pieces.length]).join("");
      for (const max of [3, 10, 25]) expect(excerpt(text, max), JSON.stringify(text)).toBe(plainly(text, max));
    }
  });
});

describe("images and valid HTML", () => {
  const images = new Map([[KEY, { width: 800, height: 600, alt: "青岚湖畔", caption: "湖边晨雾", credit: "林晓 摄" }]]);

  it("uses the stored alt text and caption when the Markdown gives none", () => {
    expect(renderBody(`![](/media/${KEY})`, images).html).toBe(
      `<figure><img src="/media/${KEY}" alt="青岚湖畔" width="800" height="600" loading="lazy" decoding="async" />` +
        "<figcaption>湖边晨雾（林晓 摄）</figcaption></figure>",
    );
  });

  it("never puts a caption inside a paragraph", () => {
    expect(renderBody(`正文![图](/media/${KEY} "标题")正文`, images).html).not.toContain("figcaption");
  });

  it("gives raw HTML images an alt attribute", () => {
    expect(renderBody('<img src="https://example.com/a.png">').html).toContain('alt=""');
  });
});

describe("a body that would print far more HTML than can be kept", () => {
  it("is refused from its parse, before 160 MB of reference links are rendered and sanitized", () => {
    // 197,000 characters of Markdown (under the 200,000 limit) repeating a 5,000-character destination 32,000 times.
    const md = `[r]: https://example.com/${"x".repeat(5000)}\n\n${"[a][r]".repeat(32_000)}`;
    let refused: unknown = null;
    try {
      renderBody(md, new Map(), 1_000_000);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(RenderTooLarge);
    expect((refused as RenderTooLarge).atLeast).toBeGreaterThan(160_000_000);
  });

  it("renders a long body that stays within the limit as before", () => {
    const md = "正文一段。\n\n".repeat(20_000);
    expect(renderBody(md, new Map(), 1_000_000).text.split("\n")).toHaveLength(20_000);
  });
});
