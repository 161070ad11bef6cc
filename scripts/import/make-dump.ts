// Writes a synthetic DedeCMS 5.7 mysqldump of N articles (default 100,000) for measuring the importer: the
// demo site's sections as dede_arctype under DedeCMS's default /a/ typedirs (so every article has an old
// path to store), the data generator's articles as dede_archives rows and old-editor HTML bodies (inline
// styles, <font>, full-width indents, empty paragraphs) in dede_addonarticle, in extended INSERTs of about
// 1 MB as mysqldump writes them. Streamed to the file; nothing is kept. Not committed: written to .bench/.
//
//   node scripts/import/make-dump.ts --articles 100000 --out .bench/dedecms-100k.sql
import { createWriteStream } from "node:fs";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { SECTIONS } from "../demo/site.ts";
import { syntheticArticle } from "../generate/synthetic.ts";
import { seededRandom } from "../demo/random.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "100000" },
    out: { type: "string", default: ".bench/dedecms-100k.sql" },
    seed: { type: "string", default: "7" },
  },
});
const count = Number(values.articles);
if (!Number.isSafeInteger(count) || count < 1) throw new Error("--articles must be a positive whole number");

const quote = (s: string) =>
  `'${s.replaceAll("\\", "\\\\").replaceAll("'", "\\'").replaceAll("\n", "\\n").replaceAll("\r", "\\r").replaceAll('"', '\\"')}'`;

/** The Markdown a synthetic article has, as an old editor's HTML. */
function oldHtml(markdown: string, random: ReturnType<typeof seededRandom>): string {
  return markdown
    .split("\n\n")
    .map((block) => {
      const bold = block.replace(/\*\*(.+?)\*\*/g, "<b>$1</b>");
      if (bold.includes("\n- ")) {
        const [lead, ...items] = bold.split("\n").filter((l) => l.trim());
        return `<p>　　${lead}</p>\r\n<ul>${items.map((i) => `<li>${i.replace(/^- /, "")}</li>`).join("")}</ul>`;
      }
      const empty = random.chance(0.15) ? "<p>&nbsp;</p>\r\n" : "";
      return `${empty}<p style="text-indent: 2em;"><font face="宋体" size="3">　　${bold}</font></p>`;
    })
    .join("\r\n");
}

const leaves = SECTIONS.filter((s) => !SECTIONS.some((c) => c.path.startsWith(`${s.path}/`)));
const typeIds = new Map(SECTIONS.map((s, i) => [s.path, i + 1]));
const parentOf = (path: string) => (path.includes("/") ? (typeIds.get(path.slice(0, path.lastIndexOf("/"))) ?? 0) : 0);

mkdirSync(dirname(values.out), { recursive: true });
const out = createWriteStream(values.out);
const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once("drain", () => resolve())));

await write(
  [
    "-- MySQL dump 10.13  Distrib 5.5.62, for Linux (x86_64)",
    `-- A synthetic DedeCMS 5.7 site of ${count} articles, written by scripts/import/make-dump.ts for the import benchmark.`,
    "/*!40101 SET NAMES utf8 */;",
    "",
    "CREATE TABLE `dede_arctype` (`id` smallint(5) unsigned NOT NULL, `reid` smallint(5) unsigned NOT NULL DEFAULT '0', `sortrank` smallint(5) unsigned NOT NULL DEFAULT '50', `typename` char(30) NOT NULL DEFAULT '', `typedir` char(60) NOT NULL DEFAULT '', `isdefault` smallint(6) NOT NULL DEFAULT '0', `ispart` smallint(6) NOT NULL DEFAULT '0', `channeltype` smallint(6) DEFAULT '1', `namerule` char(50) NOT NULL DEFAULT '', `namerule2` char(50) NOT NULL DEFAULT '', `description` char(150) NOT NULL DEFAULT '', PRIMARY KEY (`id`)) ENGINE=MyISAM DEFAULT CHARSET=utf8;",
    `INSERT INTO \`dede_arctype\` VALUES ${SECTIONS.map((s) => `(${typeIds.get(s.path)},${parentOf(s.path)},${s.sortOrder},${quote(s.name)},'{cmspath}/a/${s.path}',1,0,1,'{typedir}/{Y}/{M}{D}/{aid}.html','{typedir}/list_{tid}_{page}.html',${quote(s.description)})`).join(",")};`,
    "",
    "CREATE TABLE `dede_addonarticle` (`aid` mediumint(8) unsigned NOT NULL DEFAULT '0', `typeid` smallint(5) unsigned NOT NULL DEFAULT '0', `body` mediumtext, `redirecturl` varchar(255) NOT NULL DEFAULT '', `templet` varchar(30) NOT NULL DEFAULT '', `userip` char(15) NOT NULL DEFAULT '', PRIMARY KEY (`aid`)) ENGINE=MyISAM DEFAULT CHARSET=utf8;",
    "",
  ].join("\n"),
);

// The same articles twice, from the same seed: bodies first (addonarticle sorts before archives), then the rows.
const START = Date.parse("2014-01-01T07:00:00+08:00") / 1000;
function* articles() {
  const random = seededRandom(Number(values.seed));
  let t = START;
  for (let id = 1; id <= count; id++) {
    t += random.int(5, 55) * 60;
    const section = random.pick(leaves).path;
    yield { id, section, at: t, random, article: syntheticArticle(random, { id, sectionPath: section, publishedAt: t * 1000, covers: [] }) };
  }
}

const LIMIT = 1_000_000;
async function table(name: string, rowOf: (a: ReturnType<typeof articles> extends Generator<infer T> ? T : never) => string) {
  let line = "";
  for (const a of articles()) {
    const row = rowOf(a);
    if (line && line.length + row.length > LIMIT) {
      await write(`INSERT INTO \`${name}\` VALUES ${line};\n`);
      line = "";
    }
    line += line ? `,${row}` : row;
  }
  if (line) await write(`INSERT INTO \`${name}\` VALUES ${line};\n`);
}

await table("dede_addonarticle", (a) => `(${a.id},${typeIds.get(a.section)},${quote(oldHtml(a.article.body ?? "", a.random))},'','','127.0.0.1')`);
await write(
  "\nCREATE TABLE `dede_archives` (`id` mediumint(8) unsigned NOT NULL DEFAULT '0', `typeid` smallint(5) unsigned NOT NULL DEFAULT '0', `sortrank` int(10) unsigned NOT NULL DEFAULT '0', `flag` set('c','h','p','f','s','j','a','b') DEFAULT NULL, `ismake` smallint(6) NOT NULL DEFAULT '0', `channel` smallint(6) NOT NULL DEFAULT '1', `arcrank` smallint(6) NOT NULL DEFAULT '0', `click` mediumint(8) unsigned NOT NULL DEFAULT '0', `money` smallint(6) NOT NULL DEFAULT '0', `title` char(60) NOT NULL DEFAULT '', `shorttitle` char(36) NOT NULL DEFAULT '', `writer` char(20) NOT NULL DEFAULT '', `source` char(30) NOT NULL DEFAULT '', `litpic` char(100) NOT NULL DEFAULT '', `pubdate` int(10) unsigned NOT NULL DEFAULT '0', `senddate` int(10) unsigned NOT NULL DEFAULT '0', `keywords` char(30) NOT NULL DEFAULT '', `description` varchar(255) NOT NULL DEFAULT '', `filename` varchar(40) NOT NULL DEFAULT '', PRIMARY KEY (`id`)) ENGINE=MyISAM DEFAULT CHARSET=utf8;\n",
);
await table("dede_archives", (a) => {
  const writer = (a.article.bylines ?? []).filter((b) => b.role !== "编辑" && b.role !== "责任编辑").map((b) => `${b.role} ${b.name}`).join(" ");
  return `(${a.id},${typeIds.get(a.section)},${a.at},NULL,1,1,0,${a.id % 997},0,${quote(a.article.title)},'',${quote(writer.slice(0, 20))},${quote(a.article.source ?? "")},'',${a.at},${a.at - 600},'',${quote(a.article.summary ?? "")},'')`;
});
await write("-- Dump completed\n");
await new Promise<void>((resolve) => out.end(() => resolve()));
console.log(`make-dump: ${count} DedeCMS articles in ${values.out}`);
