// The mysqldump lexer (scripts/import/dump/): every value MySQL writes, read the same whatever the chunk
// sizes, and every malformed input refused with its line.
import { describe, expect, it } from "vitest";
import { type Charset, UTF8, charsetNamed } from "../scripts/import/dump/charsets.ts";
import { parseCreateTable } from "../scripts/import/dump/create-table.ts";
import { DumpLexer, type RawRow } from "../scripts/import/dump/lexer.ts";
import { valueAt } from "../scripts/import/dump/values.ts";

const GBK = charsetNamed("gbk") as Charset;

function lex(bytes: Uint8Array, chunk = bytes.length || 1, charset = UTF8) {
  const rows: RawRow[] = [];
  const statements: [string, number][] = [];
  const inserts: string[] = [];
  const lexer = new DumpLexer(
    { row: (r) => rows.push(r), statement: (t, line) => statements.push([t, line]), insert: (i) => inserts.push(`${i.table}:${i.columns?.join(",") ?? "*"}@${i.line}`) },
    charset,
  );
  for (let at = 0; at < bytes.length; at += chunk) lexer.feed(bytes.subarray(at, at + chunk));
  lexer.end();
  return { rows, statements, inserts, values: rows.map((r) => r.values.map((_, i) => valueAt(r, i, charset))) };
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("reading a dump", () => {
  const dump = [
    "-- MySQL dump 10.13",
    "/*!40101 SET NAMES utf8 */;",
    "# a comment MySQL allows",
    "/* a block",
    "   comment; with a semicolon */",
    "CREATE TABLE `t` (`id` int(11), `s` text COMMENT 'a, b', `f` set('c','h')) ENGINE=MyISAM DEFAULT CHARSET=gbk;",
    "LOCK TABLES `t` WRITE;",
    "INSERT INTO `t` VALUES (1,'It\\'s \\\"q\\\"\\n\\ttab\\\\ \\0\\b\\r\\Z','c,h'),(2,'doubled '' quote \\% \\_',NULL),",
    "(3,_binary 'bin',-1.5e2),(4,X'E4B8AD',0x4142),(5,\"double-quoted\",b'101');",
    "INSERT IGNORE INTO t (`id`,`s`) VALUES (6,'中文');",
    "UNLOCK TABLES;",
  ].join("\n");

  it("gives every value as MySQL stored it: escapes, doubled quotes, NULL, numbers, hex, bits, introducers", () => {
    expect(lex(utf8(dump)).values).toEqual([
      [1, "It's \"q\"\n\ttab\\ \u0000\b\r\u001a", "c,h"],
      [2, "doubled ' quote \\% \\_", null],
      [3, "bin", -150],
      [4, "中", "AB"],
      [5, "double-quoted", 5],
      [6, "中文"],
    ]);
  });

  it("reads the same rows, offsets and lines whatever the size of the chunks", () => {
    const whole = lex(utf8(dump));
    for (const chunk of [1, 2, 3, 5, 64]) {
      const parts = lex(utf8(dump), chunk);
      expect(parts.values).toEqual(whole.values);
      expect(parts.rows.map((r) => [r.offset, r.line])).toEqual(whole.rows.map((r) => [r.offset, r.line]));
    }
    expect(whole.rows.map((r) => r.line)).toEqual([8, 8, 9, 9, 9, 10]);
    expect(new TextDecoder().decode(whole.rows[2]?.bytes)).toBe("(3,_binary 'bin',-1.5e2)");
  });

  it("hands over every other statement, the content of /*!…*/ comments included, and the INSERTs' columns", () => {
    const { statements, inserts } = lex(utf8(dump));
    expect(statements.map(([t, line]) => [t.split("(")[0]?.trim(), line])).toEqual([
      ["SET NAMES utf8", 2],
      ["CREATE TABLE `t`", 6],
      ["LOCK TABLES `t` WRITE", 7],
      ["UNLOCK TABLES", 11],
    ]);
    expect(inserts).toEqual(["t:*@8", "t:id,s@10"]);
  });

  it("reads a CREATE TABLE's columns and character set", () => {
    const create = lex(utf8(dump)).statements[1]?.[0] ?? "";
    expect(parseCreateTable(create, 6)).toEqual({ table: "t", columns: ["id", "s", "f"], charset: "gbk", line: 6 });
  });

  it("takes a GBK character whose second byte is a backslash (誠, D5 5C) as one character", () => {
    const bytes = new Uint8Array([...utf8("INSERT INTO t VALUES (1,'"), 0xc0, 0xcf, 0xd5, 0x5c, 0xbc, 0xc7, ...utf8("');")]);
    expect(lex(bytes, 1, GBK).values).toEqual([[1, "老誠记"]]);
  });

  it("follows DELIMITER, as dumps with triggers change it", () => {
    const text = "DELIMITER ;;\nCREATE TRIGGER x BEFORE INSERT ON t FOR EACH ROW BEGIN SET @a = 1; END ;;\nDELIMITER ;\nINSERT INTO t VALUES (1);";
    const { statements, values } = lex(utf8(text));
    expect(statements.map(([t]) => t)).toEqual(["CREATE TRIGGER x BEFORE INSERT ON t FOR EACH ROW BEGIN SET @a = 1; END"]);
    expect(values).toEqual([[1]]);
  });
});

describe("a malformed dump", () => {
  const refused = (text: string, message: string) => expect(() => lex(utf8(text), 4)).toThrow(message);

  it("names the line of a cut-off row, a cut-off INSERT and a cut-off statement", () => {
    refused("INSERT INTO t VALUES (1,'a'),\n(2,'b", "line 2: the dump ends inside a row of the INSERT into `t` (the row starts at line 2): it is cut off");
    refused("INSERT INTO t VALUES (1,'a')\n", 'line 2: the dump ends inside the INSERT into `t` (no closing ";"): it is cut off');
    refused("CREATE TABLE t (\n  id int", 'line 2: the dump ends inside a statement that starts at line 1 (no closing ";")');
    refused("/* never closed", "line 1: the dump ends inside a /* comment */");
  });

  it("names the line of an escape MySQL never writes, a missing comma or value, and junk between rows", () => {
    refused("\n\nINSERT INTO t VALUES (1,'a\\qb');", 'line 3: unknown escape "\\q" in a string in a row of the INSERT into `t` (the row starts at line 3)');
    refused("INSERT INTO t VALUES (1)\n(2);", 'line 2: a "," is missing between two rows of the INSERT into `t`');
    refused("INSERT INTO t VALUES (1,,2);", "line 1: a value is missing in a row of the INSERT into `t` (the row starts at line 1)");
    refused("INSERT INTO t VALUES (1), x;", 'line 1: the INSERT into `t` has "x" where a row should be');
    refused("INSERT INTO t VALUES (1,'a' 'b');", 'line 1: unexpected "\'" after a value in a row of the INSERT into `t` (the row starts at line 1)');
  });
});
