// An import that brings none of its articles in — their ids taken by articles already here (a fixture
// imported into the demo), or not one row importable — says so first and leaves nothing behind: no empty
// section on the home page, no old path, no picture. A re-run that finds everything there is not one.
import { describe, expect, it } from "vitest";
import { formatSummary } from "../scripts/import/report.ts";
import { page } from "./html.ts";
import { dedeDump, utf8 } from "./import-dumps.ts";
import { importDump, tableCounts } from "./import-fixture.ts";
import { makeArticle } from "./fixtures.ts";

const PICTURE = '<p><img src="/uploads/allimg/230601/1-230601090012.png"></p>';

describe("an import that brings no article in", () => {
  it("says first that every id is taken here and how to try it apart, and makes no section, old path or picture", async () => {
    for (const id of [901, 902, 903]) await makeArticle({ section: "bendi", id, title: `本地的第${id}篇` });
    const before = await tableCounts();
    const dump = dedeDump([{ id: 901, body: PICTURE }, { id: 902 }, { id: 903 }], { sections: [{ id: 1, name: "空栏目", typedir: "/html/kong" }] });
    const summary = await importDump("dedecms", utf8(dump));
    expect(summary.noneImported).toBe(
      "0 of 3 articles imported: every id is already taken by an article here that was not imported from this dump.\n" +
        'Nothing was written: no section, no picture, no old URL. To try the import, give it a state of its own: --state .wrangler/try (docs/import.md, "Trying an import").',
    );
    expect(formatSummary(summary).slice(0, 3)).toEqual([...(summary.noneImported ?? "").split("\n"), ""]);
    expect(summary.sections).toMatchObject({ created: 0, existing: 0, notMade: 1 });
    expect(summary.urls).toEqual([]);
    expect(await tableCounts()).toEqual(before);
    const home = await page("/");
    expect(home).not.toContain("空栏目");
    expect(home).not.toContain("暂无文章");
  });

  it("says when not one row can be imported, and writes nothing", async () => {
    const before = await tableCounts();
    // Both in the old site's recycle bin.
    const dump = dedeDump([{ id: 911, arcrank: -2 }, { id: 912, arcrank: -2 }], { sections: [{ id: 1, name: "回收站", typedir: "/html/huishou" }] });
    const summary = await importDump("dedecms", utf8(dump));
    expect(summary.noneImported).toBe(
      "0 of 2 articles imported: not one of its rows can be imported (each is listed below with its reason).\nNothing was written: no section, no picture, no old URL.",
    );
    expect(await tableCounts()).toEqual(before);
  });
});

describe("an import that brings some articles in, or finds them there", () => {
  it("makes the whole tree, a section with no article of its own included, and a re-run is no import of nothing", async () => {
    const sections = [
      { id: 1, name: "有文章", typedir: "/html/youwen" },
      { id: 2, name: "还没有", typedir: "/html/haimei" },
    ];
    const dump = utf8(dedeDump([{ id: 921 }, { id: 922 }], { sections }));
    const first = await importDump("dedecms", dump);
    expect(first.noneImported).toBeNull();
    expect(first.sections).toMatchObject({ created: 2, notMade: 0 });
    const before = await tableCounts();
    const again = await importDump("dedecms", dump);
    expect(again.noneImported).toBeNull();
    expect(again.articles).toMatchObject({ published: 0, unchanged: 2 });
    expect(again.sections).toMatchObject({ created: 0, existing: 2 });
    expect(await tableCounts()).toEqual(before);
  });
});
