// A dump whose text is in another encoding than the one it was written in: the classic old Chinese host's
// latin1 tables holding GBK, dumped byte by byte (SET NAMES latin1, or binary) and read with --encoding gbk.
// MySQL escaped such a dump one byte at a time, so the importer must read its escapes the same way.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { dedeDump, utf8 } from "./import-dumps.ts";
import { importDump } from "./import-fixture.ts";

// GBK bytes of the few characters used here, as a byte-wise (latin1) mysqldump writes them inside a string:
// 誠 is D5 5C, and its 5C, a backslash to latin1, is escaped.
const GBK_IN_LATIN1: Record<string, number[]> = {
  誠: [0xd5, 0x5c, 0x5c],
  信: [0xd0, 0xc5],
  测: [0xb2, 0xe2],
  试: [0xca, 0xd4],
  栏: [0xc0, 0xb8],
  目: [0xc4, 0xbf],
};
const latin1Dump = (text: string) => new Uint8Array([...text].flatMap((c) => GBK_IN_LATIN1[c] ?? [...utf8(c)]));

describe("a latin1 or binary dump of tables that hold GBK, read with --encoding gbk", () => {
  for (const names of ["latin1", "binary"]) {
    it(`reads SET NAMES ${names} escapes byte by byte and the text as GBK`, async () => {
      const id = names === "latin1" ? 721 : 722;
      // 誠 before n and before the closing quote: read as GBK pairs, its escaped 5C would be \n, or \'.
      const dump = latin1Dump(dedeDump([{ id, title: "誠n誠信", body: "<p>誠</p>" }], { names, charset: "latin1" }));
      const summary = await importDump("dedecms", dump, { encoding: "gbk" });
      expect(summary.articles.skipped).toEqual([]);
      const row = await env.DB.prepare("SELECT title, body FROM articles WHERE id = ?").bind(id).first();
      expect(row).toEqual({ title: "誠n誠信", body: "<p>誠</p>" });
      const section = await env.DB.prepare("SELECT name FROM sections WHERE path = 'cs'").first();
      expect(section).toEqual({ name: "测试栏目" });
    });
  }
});

describe("a GBK dump with a broken character", () => {
  it("reads the lone first byte MySQL escapes (\\ before it) as a character it cannot show, and imports the rest", async () => {
    // A title cut in the middle of 信 (D0 C5) by an old byte-counting substr: mysqldump writes the lone D0 as \ D0.
    const text = dedeDump([{ id: 731, title: "誠@" }, { id: 732, title: "誠信" }], { names: "gbk", charset: "gbk" });
    const gbk: Record<string, number[]> = { ...GBK_IN_LATIN1, 誠: [0xd5, 0x5c], "@": [0x5c, 0xd0] };
    const dump = new Uint8Array([...text].flatMap((c) => gbk[c] ?? [...utf8(c)]));
    const summary = await importDump("dedecms", dump);
    expect(summary.articles.skipped).toEqual([]);
    expect(summary.notes).toEqual([{ id: 731, note: "text that was not valid gbk shows as �" }]);
    const rows = await env.DB.prepare("SELECT id, title FROM articles WHERE id IN (731, 732) ORDER BY id").all();
    expect(rows.results).toEqual([
      { id: 731, title: "誠\ufffd" },
      { id: 732, title: "誠信" },
    ]);
  });
});

describe("a dump saved with a byte order mark (opened and saved in a Windows editor)", () => {
  it("is read like the same dump without it: the mark does not hide the comment after it", async () => {
    // Without the mark skipped, the comment's apostrophe would open a string that swallows the dump.
    const dump = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(`-- the newsroom's dump, (before the move)\n${dedeDump([{ id: 741, title: "带BOM的" }])}`)]);
    const summary = await importDump("dedecms", dump);
    expect(summary.articles).toMatchObject({ rows: 1, published: 1 });
    expect(await env.DB.prepare("SELECT title FROM articles WHERE id = 741").first()).toEqual({ title: "带BOM的" });
  });
});
