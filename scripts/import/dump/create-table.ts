// What a CREATE TABLE statement tells an importer: the table's columns in order (INSERTs without a column
// list give values in this order) and its default character set.

export type TableSchema = { table: string; columns: string[]; charset: string | null; line: number };

const HEAD = /^CREATE\s+(?:TEMPORARY\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?((?:`[^`]+`|[\w$]+)(?:\s*\.\s*(?:`[^`]+`|[\w$]+))?)\s*\(/i;
const NOT_A_COLUMN = /^(?:PRIMARY|UNIQUE|KEY|INDEX|FULLTEXT|SPATIAL|CONSTRAINT|FOREIGN|CHECK)\b/i;
const CHARSET = /(?:CHARSET|CHARACTER\s+SET)\s*=?\s*['"]?(\w+)/i;

const unquote = (name: string) => name.trim().replace(/^`|`$/g, "").replaceAll("``", "`");

/** The text between the table's opening parenthesis and its matching close, and what follows it. */
function body(text: string, open: number): { inside: string; after: string } | null {
  let depth = 0;
  let quote = "";
  for (let i = open; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote) {
      if (ch === "\\" && quote !== "`") i += 1;
      else if (ch === quote) quote = "";
      continue;
    }
    if (ch === "'" || ch === '"' || ch === "`") quote = ch;
    else if (ch === "(") depth += 1;
    else if (ch === ")" && --depth === 0) return { inside: text.slice(open + 1, i), after: text.slice(i + 1) };
  }
  return null;
}

/** The definitions of a table body, split at the commas between them (not those in types or comments). */
function definitions(inside: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = "";
  let start = 0;
  for (let i = 0; i < inside.length; i++) {
    const ch = inside[i] as string;
    if (quote) {
      if (ch === "\\" && quote !== "`") i += 1;
      else if (ch === quote) quote = "";
      continue;
    }
    if (ch === "'" || ch === '"' || ch === "`") quote = ch;
    else if (ch === "(") depth += 1;
    else if (ch === ")") depth -= 1;
    else if (ch === "," && depth === 0) {
      out.push(inside.slice(start, i));
      start = i + 1;
    }
  }
  out.push(inside.slice(start));
  return out.map((d) => d.trim()).filter(Boolean);
}

/** The schema a CREATE TABLE statement declares, or null when the statement is not one. */
export function parseCreateTable(text: string, line: number): TableSchema | null {
  const head = HEAD.exec(text);
  if (!head?.[1]) return null;
  const parts = body(text, head[0].length - 1);
  if (!parts) return null;
  const columns = definitions(parts.inside)
    .filter((d) => !NOT_A_COLUMN.test(d))
    .map((d) => /^(`(?:[^`]|``)+`|[\w$]+)/.exec(d)?.[1])
    .filter((name): name is string => name !== undefined)
    .map(unquote);
  const table = unquote(head[1].split(/`\s*\.\s*`|\s*\.\s*/).pop() ?? head[1]);
  return { table, columns, charset: CHARSET.exec(parts.after)?.[1]?.toLowerCase() ?? null, line };
}
