// A dump the importer cannot read is refused whole, with the line where it goes wrong, before anything is
// written; a row it can read but must not import is skipped and reported, and the rest goes in.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { dedeDump, utf8 } from "./import-dumps.ts";
import { dumpBytes, importDump, tableCounts } from "./import-fixture.ts";

async function refused(dump: Uint8Array, message: RegExp, opts: Parameters<typeof importDump>[2] = {}) {
  const before = await tableCounts();
  await expect(importDump("dedecms", dump, opts)).rejects.toThrow(message);
  expect(await tableCounts()).toEqual(before);
}

describe("a malformed dump", () => {
  it("is refused when an INSERT is cut off, naming the line, and nothing is imported", async () => {
    const whole = dedeDump([{ id: 1 }, { id: 2 }, { id: 3 }]);
    const cut = whole.slice(0, whole.indexOf("(3,1,0"));
    await refused(utf8(`${cut}(3,1,0,1,1,0,'第3`), /^line 5: the dump ends inside a row of the INSERT into `dede_archives` \(the row starts at line 5\): it is cut off$/);
    await refused(utf8(whole.replace(/\),\(3,1,0,1,1,0,'第3篇'.*\);$/m, "),")), /^line 6: the INSERT into `dede_archives` has "C" where a row should be$/);
  });

  it("is refused on an escape MySQL never writes", async () => {
    await refused(utf8(dedeDump([{ id: 1, body: "<p>x</p>" }]).replace("<p>x</p>", "<p>\\q</p>")), /^line 3: unknown escape "\\q" in a string in a row of the INSERT into `dede_addonarticle`/);
  });

  it("is refused when rows are not separated by commas", async () => {
    await refused(utf8(dedeDump([{ id: 1 }, { id: 2 }]).replace("),(2,1,0", ") (2,1,0")), /^line 5: a "," is missing between two rows of the INSERT into `dede_archives`$/);
  });

  it("is refused on a character set it cannot read, in SET NAMES or a table's DEFAULT CHARSET", async () => {
    await refused(utf8(dedeDump([{ id: 1 }], { names: "klingon" })), /^line 1: unknown character set "klingon" in SET NAMES$/);
    await refused(utf8(dedeDump([{ id: 1 }], { names: "binary", charset: "ucs2" })), /^line 2: unknown character set "ucs2" for `dede_addonarticle`$/);
  });

  it("is refused when read in the wrong encoding, with the way to read it", async () => {
    // 誠 is D5 5C in GBK: read as UTF-8, its second byte is a backslash (in a dump that does not say how it was written).
    const gbk = dumpBytes("dedecms-gbk.sql");
    const setNames = utf8("/*!40101 SET NAMES gbk */;");
    const setAt = gbk.findIndex((_, i) => setNames.every((b, k) => gbk[i + k] === b));
    const unsaid = new Uint8Array([...gbk.subarray(0, setAt), ...utf8("-- no SET NAMES"), ...gbk.subarray(setAt + setNames.length)]);
    await refused(unsaid, /^line 42: unknown escape .* means the dump is GBK or Big5 \(try --encoding gbk\)$/, { encoding: "utf8" });
    // One that says SET NAMES gbk is read with GBK's escapes, and its text is not UTF-8: even --lenient refuses it.
    for (const lenient of [false, true]) {
      await refused(dumpBytes("dedecms-gbk.sql"), /^line 126: 15 of 16 rows of `dede_archives` are not valid utf8 text: the dump is in another encoding \(try --encoding gbk/, { encoding: "utf8", lenient });
    }
    // A section name in GBK bytes (测试栏目) in a dump that says it is UTF-8.
    const text = dedeDump([{ id: 1 }]);
    const at = utf8(text.slice(0, text.indexOf("测试栏目"))).length;
    const mixed = new Uint8Array([...utf8(text).slice(0, at), 0xb2, 0xe2, 0xca, 0xd4, 0xc0, 0xb8, 0xc4, 0xbf, ...utf8(text).slice(at + utf8("测试栏目").length)]);
    await refused(mixed, /^line 7: the typename of `dede_arctype` id 1 is not valid utf8 text, the encoding the dump is read in \(SET NAMES utf8\): if the dump is in another encoding, name it \(--encoding utf8, gbk…\); to import it with � for each character that cannot be read, every field listed in the report: --lenient$/);
  });

  it("is refused when it is not the system's", async () => {
    await refused(dumpBytes("phpcms-utf8.sql"), /^line 0: no DedeCMS tables \(archives, addonarticle, arctype\) with rows in the dump$/);
  });
});

describe("rows that cannot be imported", () => {
  it("are skipped and reported with their id and reason, a body over the limit after cleaning too", async () => {
    const long = `<p style="color:red">${"长".repeat(200_001)}</p>`;
    const summary = await importDump(
      "dedecms",
      utf8(dedeDump([{ id: 701 }, { id: 702, body: long }, { id: 703, title: "x".repeat(201) }, { id: 704, typeid: 9 }, { id: 705 }])),
    );
    expect(summary.articles.published).toBe(2);
    expect(Object.fromEntries(summary.articles.skipped.map((s) => [s.id, s.reason]))).toEqual({
      702: "The article has invalid fields (body: must be at most 200000 characters)",
      703: "The article has invalid fields (title: must be at most 200 characters)",
      704: "unknown section (typeid 9)",
    });
  });

  it("keeps the first of two rows with the same id (article or body) and reports the other, in one batch or two, on every run", async () => {
    // Batches of three: 711's twin is in the same batch, 712's in the next one.
    const dump = utf8(
      dedeDump([
        { id: 711, title: "第一个711" },
        { id: 711, title: "第二个711" },
        { id: 712, title: "第一个712" },
        { id: 713 },
        { id: 712, title: "第二个712" },
        { id: 714 },
      ]) + "INSERT INTO `dede_addonarticle` VALUES (713,1,'<p>又一份正文</p>',''),(714,1,'<p>再一份正文</p>','');\n",
    );
    for (const update of [false, true]) {
      const summary = await importDump("dedecms", dump, { update });
      expect(summary.articles.skipped.map((s) => [s.id, s.line, s.reason])).toEqual([
        [711, 5, "a second row with id 711 (the first is at line 5): only the first is imported"],
        [712, 5, "a second row with id 712 (the first is at line 5): only the first is imported"],
      ]);
      expect(summary.articles.updated).toEqual([]);
    }
    const titles = await env.DB.prepare("SELECT id, title, body FROM articles WHERE id BETWEEN 711 AND 714 ORDER BY id").all();
    expect(titles.results).toEqual([
      { id: 711, title: "第一个711", body: "<p>正文711</p>" },
      { id: 712, title: "第一个712", body: "<p>正文712</p>" },
      { id: 713, title: "第713篇", body: "<p>正文713</p>" },
      { id: 714, title: "第714篇", body: "<p>正文714</p>" },
    ]);
  });
});
