// A dump whose text is in another encoding than the one it was written in: the classic old Chinese host's
// latin1 tables holding GBK, dumped byte by byte (SET NAMES latin1, or binary) and read with --encoding gbk.
// MySQL escaped such a dump one byte at a time, so the importer must read its escapes the same way.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { dedeDump, utf8 } from "./import-dumps.ts";
import { dumpBytes, importDump, tableCounts } from "./import-fixture.ts";
import type { DumpRecord } from "../scripts/import/record.ts";
import { formatSummary } from "../scripts/import/report.ts";
import { readBodies, scanDump, tableRows } from "../scripts/import/scan.ts";
import { TABLES } from "../scripts/import/tables.ts";
import { bytesSource } from "../scripts/import/source.ts";
import { siteOf } from "../scripts/import/systems.ts";

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
  // A title cut in the middle of 信 (D0 C5) by an old byte-counting substr: mysqldump writes the lone D0 as \ D0.
  const text = dedeDump([{ id: 731, title: "誠@" }, { id: 732, title: "誠信" }], { names: "gbk", charset: "gbk" });
  const gbk: Record<string, number[]> = { ...GBK_IN_LATIN1, 誠: [0xd5, 0x5c], "@": [0x5c, 0xd0] };
  const dump = new Uint8Array([...text].flatMap((c) => gbk[c] ?? [...utf8(c)]));

  it("stops the import at the field's line, says how to go on, and writes nothing", async () => {
    const before = await tableCounts();
    await expect(importDump("dedecms", dump)).rejects.toThrow(
      /^line 5: the title of `dede_archives` id 731 is not valid gbk text, the encoding the dump is read in \(SET NAMES gbk\): if the dump is in another encoding, name it \(--encoding utf8, gbk…\); to import it with � for each character that cannot be read, every field listed in the report: --lenient$/,
    );
    expect(await tableCounts()).toEqual(before);
  });

  it("with --lenient imports it with � for the character it cannot show, and lists the field", async () => {
    const summary = await importDump("dedecms", dump, { lenient: true });
    expect(summary.articles.skipped).toEqual([]);
    expect(summary.badText).toEqual({ charset: "gbk", total: 1, places: [{ table: "dede_archives", id: 731, field: "title", line: 5 }] });
    expect(formatSummary(summary)).toEqual(
      expect.arrayContaining([
        "Text: 1 field not valid gbk, read with � in place of what could not be (--lenient), listed below.",
        "Text not valid gbk, read with �:",
        "  line 5: the title of `dede_archives` id 731",
      ]),
    );
    const rows = await env.DB.prepare("SELECT id, title FROM articles WHERE id IN (731, 732) ORDER BY id").all();
    expect(rows.results).toEqual([
      { id: 731, title: "誠\ufffd" },
      { id: 732, title: "誠信" },
    ]);
  });
});

describe("a GBK dump with broken characters in a description and a body (fixture)", () => {
  it("names each field, the first one's line leading, and imports nothing", async () => {
    const before = await tableCounts();
    const refusal = importDump("dedecms", "dedecms-gbk-broken.sql");
    await expect(refusal).rejects.toThrow(/^line 45: the body of `dede_addonarticle` id 88597 is not valid gbk text, .*, and neither is 1 more field: /);
    await expect(refusal).rejects.toMatchObject({
      places: [
        { table: "dede_addonarticle", id: 88597, field: "body", line: 45 },
        { table: "dede_archives", id: 88590, field: "description", line: 129 },
      ],
    });
    expect(await tableCounts()).toEqual(before);
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

describe("the fields checked for text not valid in the dump's encoding", () => {
  // TABLES names them apart from the mappings that read them: this keeps the two from drifting apart.
  for (const [system, fixture] of [
    ["dedecms", "dedecms-utf8.sql"],
    ["phpcms", "phpcms-utf8.sql"],
  ] as const) {
    it(`are every text field the ${system} mapping reads`, async () => {
      const source = bytesSource(dumpBytes(fixture));
      const scan = await scanDump(source, { system });
      const read = new Map<string, Set<string>>();
      // A field read whose value is text (a quoted number is read as one, but is digits only, always valid).
      const spy = (table: string, record: DumpRecord): DumpRecord =>
        new Proxy(record, {
          get(target, key, receiver) {
            const value: unknown = Reflect.get(target, key, receiver);
            if (typeof key === "string" && typeof value === "string" && !/^-?[0-9]+$/.test(value)) read.set(table, (read.get(table) ?? new Set()).add(key));
            return value;
          },
        });
      const small = Object.fromEntries(Object.entries(scan.small).map(([table, rows]) => [table, rows.map((r) => spy(table, r))]));
      const site = siteOf({ ...scan, small }, {});
      const tables = TABLES[system];
      for await (const { row, record } of tableRows(source, scan.main)) {
        const id = Number(record.id ?? record.aid);
        const body = (await readBodies(source, scan, [id])).get(id);
        site.article(spy(tables.main, record), body ? spy(tables.body, body.record) : null, row.line);
      }
      const checked: Readonly<Record<string, readonly string[]>> = tables.text;
      for (const [table, fields] of read) expect([table, [...fields].filter((f) => !checked[table]?.includes(f))]).toEqual([table, []]);
      expect(read.size).toBeGreaterThan(2);
    });
  }
});
