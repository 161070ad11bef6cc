// Runs `npm run import` as a newsroom would, on the GBK DedeCMS fixture with its uploads folder, into a fresh
// local state: what the workerd tests cannot reach (reading the dump and pictures from disk, the CLI's
// options, exit codes and report) — a cut-off dump, one with broken characters, one whose ids are taken.
// Part of `npm test`.
//
//   node scripts/checks/import-cli.ts
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { dedeDump } from "../../test/import-dumps.ts";
import { ROOT, openLocalEnv } from "../bindings/local-env.ts";
import type { ImportSummary } from "../import/report.ts";

const DUMP = join(ROOT, "test/fixtures/dumps/dedecms-gbk.sql");
const UPLOADS = join(ROOT, "test/fixtures/uploads");
const work = mkdtempSync(join(tmpdir(), "masthead-import-check-"));

function importCli(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, "scripts/import.ts"), ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const report = (file: string) => JSON.parse(readFileSync(file, "utf8")) as ImportSummary;

/** What an import leaves behind in a local state, to tell that one wrote nothing. */
async function counts(state: string) {
  const env = await openLocalEnv(join(state, "v3"));
  try {
    return await env.db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM sections) AS sections, (SELECT COUNT(*) FROM articles) AS articles,
                (SELECT COUNT(*) FROM legacy_paths) AS paths, (SELECT COUNT(*) FROM media) AS media`,
      )
      .first();
  } finally {
    await env.dispose();
  }
}

test("imports a dump from disk with its pictures, and a second run imports nothing", () => {
  const state = join(work, "good");
  const first = importCli("dedecms", DUMP, "--state", state, "--uploads", UPLOADS, "--report", join(work, "first.json"));
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^Imported DedeCMS tables dede_\* from dedecms-gbk\.sql \(text read as SET NAMES gbk\)/);
  assert.match(first.stdout, /Articles: 14 rows read; 6 published, 1 waiting for review \(待审\) and 1 drafts imported; 0 already there; 6 not imported\./);
  assert.match(first.stdout, /^ {2}served {2}\{typedir\}\/\{y\}\/\{m\}\{d\}\/\{aid\}\.html {2}\(2; e\.g\. \/a\/xinwen\/Min_Sheng\/2023\/0602\/88597\.html\)/m);
  const summary = report(join(work, "first.json"));
  assert.deepEqual([summary.images.stored, summary.images.missing.length, summary.images.refused.length], [4, 2, 1]);

  const second = importCli("dedecms", DUMP, "--state", state, "--uploads", UPLOADS, "--report", join(work, "second.json"));
  assert.equal(second.code, 0, second.stderr);
  assert.deepEqual(report(join(work, "second.json")).articles.unchanged, 8);
  assert.match(second.stdout, /0 published, 0 waiting for review \(待审\) and 0 drafts imported; 8 already there/);
});

test("refuses a cut-off dump with its line and imports nothing, not even the sections", async () => {
  const state = join(work, "bad");
  const whole = readFileSync(DUMP);
  const cut = join(work, "cut.sql");
  writeFileSync(cut, whole.subarray(0, whole.indexOf("INSERT INTO `dede_arctype`") + 200));
  const run = importCli("dedecms", cut, "--state", state);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /^import: line \d+: the dump ends inside a row of the INSERT into `dede_arctype` .* — nothing was imported$/m);
  assert.deepEqual(await counts(state), { sections: 0, articles: 0, paths: 0, media: 0 });
});

test("stops at text that is not valid in the dump's encoding, naming every field, and with --lenient imports it with each listed", async () => {
  const broken = join(ROOT, "test/fixtures/dumps/dedecms-gbk-broken.sql");
  const state = join(work, "broken");
  const run = importCli("dedecms", broken, "--state", state, "--uploads", UPLOADS);
  assert.equal(run.code, 1, run.stdout);
  assert.equal(
    run.stderr.trimEnd().split("\n").slice(-4).join("\n"),
    [
      "import: line 45: the body of `dede_addonarticle` id 88597 is not valid gbk text, the encoding the dump is read in (SET NAMES gbk), and neither is 1 more field: if the dump is in another encoding, name it (--encoding utf8, gbk…); to import it with � for each character that cannot be read, every field listed in the report: --lenient — nothing was imported",
      "Fields whose text is not valid (2):",
      "  line 45: the body of `dede_addonarticle` id 88597",
      "  line 129: the description of `dede_archives` id 88590",
    ].join("\n"),
  );
  assert.deepEqual(await counts(state), { sections: 0, articles: 0, paths: 0, media: 0 });

  const lenient = importCli("dedecms", broken, "--state", state, "--uploads", UPLOADS, "--lenient", "--report", join(work, "lenient.json"));
  assert.equal(lenient.code, 0, lenient.stderr);
  assert.match(lenient.stdout, /^Text: 2 fields not valid gbk, read with � in place of what could not be \(--lenient\), listed below\.$/m);
  assert.match(lenient.stdout, /^Text not valid gbk, read with �:\n {2}line 45: the body of `dede_addonarticle` id 88597\n {2}line 129: the description of `dede_archives` id 88590\n/m);
  const summary = report(join(work, "lenient.json"));
  assert.deepEqual(summary.badText.places.map((p) => [p.table, p.id, p.field, p.line]), [
    ["dede_addonarticle", 88597, "body", 45],
    ["dede_archives", 88590, "description", 129],
  ]);
  assert.equal(summary.articles.published, 6);
});

test("says first when not one article comes in because their ids are taken here, writes nothing, and exits 3", async () => {
  const state = join(work, "taken");
  // Articles 101–103 come from a PHPCMS site; a DedeCMS dump with the same ids cannot go in beside them.
  const phpcms = importCli("phpcms", join(ROOT, "test/fixtures/dumps/phpcms-utf8.sql"), "--state", state, "--report", join(work, "phpcms.json"));
  assert.equal(phpcms.code, 0, phpcms.stderr);
  const there = report(join(work, "phpcms.json"));
  const dump = join(work, "taken.sql");
  writeFileSync(dump, dedeDump([{ id: 101 }, { id: 102 }, { id: 103 }]));
  const run = importCli("dedecms", dump, "--state", state, "--report", join(work, "taken.json"));
  assert.equal(run.code, 3, run.stderr);
  const first = "0 of 3 articles imported: every id is already taken by an article here that was not imported from this dump.";
  assert.equal(run.stdout.split("\n").slice(0, 2).join("\n"), `${first}\nNothing was written: no section, no picture, no old URL. To try the import, give it a state of its own: --state .wrangler/try (docs/import.md, "Trying an import").`);
  assert.doesNotMatch(run.stdout, /purge its edge cache/);
  assert.equal(report(join(work, "taken.json")).noneImported?.split("\n")[0], first);
  const after = await counts(state);
  assert.deepEqual(after, { ...after, sections: there.sections.created, articles: there.articles.published + there.articles.submitted + there.articles.drafts });
});

test("refuses a picture too large for the upload path without reading it whole, and imports the rest", () => {
  const uploads = join(work, "huge-uploads");
  mkdirSync(join(uploads, "uploads"), { recursive: true });
  // A 3 GB file named .jpg (a backup or a video left in the web root), sparse so it costs no disk.
  writeFileSync(join(uploads, "uploads", "huge.jpg"), "");
  truncateSync(join(uploads, "uploads", "huge.jpg"), 3 * 1024 ** 3);
  const dump = join(work, "huge.sql");
  writeFileSync(dump, dedeDump([{ id: 1, body: '<p>正文</p><p><img src="/uploads/huge.jpg"></p>' }, { id: 2 }]));
  const run = importCli("dedecms", dump, "--state", join(work, "huge"), "--uploads", uploads, "--report", join(work, "huge.json"));
  assert.equal(run.code, 0, run.stderr);
  const summary = report(join(work, "huge.json"));
  assert.equal(summary.articles.published, 2);
  assert.deepEqual(summary.images.refused.map((r) => r.path), ["/uploads/huge.jpg"]);
});

test("says how to call it when the arguments are wrong", () => {
  const run = importCli("wordpress", DUMP);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /^import: name the system: dedecms or phpcms/);
});

test("says what is wrong, not a stack trace, for a mistyped option, a dump that is a folder or an uploads folder that is not there", () => {
  const state = join(work, "clumsy");
  const cases: [string[], RegExp][] = [
    [["dedecms", DUMP, "--state", state, "--updte"], /^import: unknown option --updte\n/],
    [["dedecms", DUMP, "--state", state, "--batch", "-5"], /^import: --batch needs a value\n/],
    [["dedecms", work, "--state", state], /^import: the dump .* is not a file\n/],
    // A mistyped --uploads would import every article without its pictures, and mark them as brought in.
    [["dedecms", DUMP, "--state", state, "--uploads", join(work, "no-such-folder")], /^import: the uploads folder .*no-such-folder is not a folder\n/],
  ];
  for (const [args, message] of cases) {
    const run = importCli(...args);
    assert.equal(run.code, 2, `${args.join(" ")}: ${run.stderr}`);
    assert.match(run.stderr, message);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  }
  assert.equal(existsSync(state), false, "nothing was written");
});

test.after(() => rmSync(work, { recursive: true, force: true }));
