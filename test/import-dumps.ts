// Small DedeCMS dumps written in a test, for the cases a fixture file would only bury: a cut-off INSERT,
// a bad escape, an unknown character set, a body over the limit. Only the columns the importer reads.

export type DedeArticle = { id: number; typeid?: number; title?: string; pubdate?: number; body?: string; arcrank?: number };

/** A dede_arctype row: its typedir (with `{cmspath}`, `..`, as an old admin typed it) and page name rule. */
export type DedeSection = { id: number; name: string; typedir: string; namerule?: string };

const ONE_SECTION: DedeSection = { id: 1, name: "测试栏目", typedir: "{cmspath}/html/cs", namerule: "{typedir}/{aid}.html" };

const quote = (s: string) => `'${s.replaceAll("\\", "\\\\").replaceAll("'", "\\'").replaceAll("\n", "\\n")}'`;

/** A DedeCMS dump of one section (typeid 1, typedir /html/cs), or the given ones, and the given articles. */
export function dedeDump(articles: readonly DedeArticle[], opts: { names?: string; charset?: string; sections?: readonly DedeSection[] } = {}): string {
  const charset = opts.charset ?? "utf8";
  const archives = articles
    .map((a) => `(${a.id},${a.typeid ?? 1},${a.arcrank ?? 0},1,1,0,${quote(a.title ?? `第${a.id}篇`)},'','','',${a.pubdate ?? 1685581200 + a.id},${a.pubdate ?? 1685581200 + a.id},'','')`)
    .join(",");
  const addons = articles.map((a) => `(${a.id},${a.typeid ?? 1},${quote(a.body ?? `<p>正文${a.id}</p>`)},'')`).join(",");
  return [
    `/*!40101 SET NAMES ${opts.names ?? "utf8"} */;`,
    "CREATE TABLE `dede_addonarticle` (`aid` int, `typeid` int, `body` mediumtext, `redirecturl` varchar(255)) ENGINE=MyISAM DEFAULT CHARSET=" + charset + ";",
    `INSERT INTO \`dede_addonarticle\` VALUES ${addons};`,
    "CREATE TABLE `dede_archives` (`id` int, `typeid` int, `arcrank` int, `channel` int, `ismake` int, `money` int, `title` char(60), `writer` char(20), `source` char(30), `litpic` char(100), `pubdate` int, `senddate` int, `description` varchar(255), `filename` varchar(40)) ENGINE=MyISAM DEFAULT CHARSET=" + charset + ";",
    `INSERT INTO \`dede_archives\` VALUES ${archives};`,
    "CREATE TABLE `dede_arctype` (`id` int, `reid` int, `sortrank` int, `typename` char(30), `typedir` char(60), `isdefault` int, `ispart` int, `channeltype` int, `namerule` char(50), `namerule2` char(50)) ENGINE=MyISAM DEFAULT CHARSET=" + charset + ";",
    `INSERT INTO \`dede_arctype\` VALUES ${(opts.sections ?? [ONE_SECTION])
      .map((s) => `(${s.id},0,${s.id},${quote(s.name)},${quote(s.typedir)},1,0,1,${quote(s.namerule ?? "{typedir}/{aid}.html")},'{typedir}/list_{tid}_{page}.html')`)
      .join(",")};`,
    "",
  ].join("\n");
}

export const utf8 = (s: string) => new TextEncoder().encode(s);
