// The one XML-escaping module: whatever an editor or an importer put into a title or a body, what comes out is
// well-formed XML 1.0 that says the same text.
import { describe, expect, it } from "vitest";
import { attributes, cdata, element, escapeXml, xmlChars } from "../src/render/xml.ts";

/** What an XML parser reads back from a document holding `fragment` as the content of <t>. */
function parsed(fragment: string): string {
  const unescaped = fragment
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, text: string) => text.replace(/[&<>]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[ch] ?? ch))
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e] ?? "");
  return unescaped;
}

describe("escapeXml", () => {
  it("keeps CJK, emoji and other non-ASCII text as it is", () => {
    const text = "青岚市召开常务会议：“两新”组织 😀 𠀀 é";
    expect(escapeXml(text)).toBe(text);
  });

  it("escapes the five characters that mean something in XML, once each", () => {
    expect(escapeXml(`<b>"A" & 'B'</b> &amp;`)).toBe("&lt;b&gt;&quot;A&quot; &amp; &apos;B&apos;&lt;/b&gt; &amp;amp;");
  });

  it("removes the C0 controls XML 1.0 forbids, keeping tab, newline and carriage return", () => {
    const pasted = "标题\u0000\u0001\u0008\u000b\u000c\u000e\u001f正文\t\n\r";
    expect(escapeXml(pasted)).toBe("标题正文\t\n\r");
  });

  it("removes U+FFFE, U+FFFF and lone surrogates, but never half of a pair", () => {
    expect(xmlChars("a\ufffeb\uffffc")).toBe("abc");
    expect(xmlChars("x\ud83dy\ude00z")).toBe("xyz");
    expect(xmlChars("😀\ud83d")).toBe("😀");
    expect(xmlChars("\ude00😀")).toBe("😀");
  });
});

describe("cdata", () => {
  it("carries HTML whole, splitting a ]]> so the section does not end early", () => {
    const html = '<p>a ]]> b <a href="/x?a=1&b=2">链接</a> ]]]]></p>';
    const section = cdata(html);
    expect(section.startsWith("<![CDATA[")).toBe(true);
    // The only ]]> left are the ends of sections.
    expect(section.split("]]>").length - 1).toBe(section.split("<![CDATA[").length - 1);
    expect(parsed(section).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&")).toBe(html);
  });

  it("removes forbidden characters inside the section too", () => {
    expect(cdata("<p>\u0002x\u001b</p>")).toBe("<![CDATA[<p>x</p>]]>");
  });
});

describe("element and attributes", () => {
  it("escape the text and each attribute value", () => {
    expect(element("title", "A & <B>")).toBe("<title>A &amp; &lt;B&gt;</title>");
    expect(attributes({ href: 'https://x/?a=1&b="2"', length: 12 })).toBe('href="https://x/?a=1&amp;b=&quot;2&quot;" length="12"');
  });
});
