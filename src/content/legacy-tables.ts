// Tables in an old body: old editors laid whole pages out in tables, and real tables carry data. One cell
// holding everything was layout, and its content is the body; any other table keeps its rows and cells
// (with their spans), its caption, and nothing of its styling. Pure; legacy-html.ts cleans the cells' content.
import { type ChildNode, type Element, isTag } from "domhandler";
import { trimParagraph } from "./legacy-nodes.ts";

/** Every cell of a table, nested tables' cells not counted. */
function tableCells(table: Element): Element[] {
  const cells: Element[] = [];
  const visit = (nodes: ChildNode[]) => {
    for (const c of nodes) {
      if (!isTag(c)) continue;
      if (c.name === "td" || c.name === "th") cells.push(c);
      else if (c.name === "tr" || c.name === "tbody" || c.name === "thead" || c.name === "tfoot") visit(c.children);
    }
  };
  visit(table.children);
  return cells;
}

/** A table of one cell was the page's layout, not data: the content of that cell; null for any other table. */
export function layoutContent(table: Element): ChildNode[] | null {
  const cells = table.children.length ? tableCells(table) : [];
  return cells.length === 1 ? (cells[0] as Element).children : null;
}

/** A data table as clean HTML, each cell's content as `inline` cleans it; "" when it has no rows. */
export function dataTable(table: Element, inline: (nodes: readonly ChildNode[]) => string): string {
  const rows: string[] = [];
  let caption = "";
  const cell = (c: Element) => {
    const span = ["colspan", "rowspan"]
      .filter((a) => /^[1-9][0-9]?$/.test(c.attribs[a] ?? "") && c.attribs[a] !== "1")
      .map((a) => ` ${a}="${c.attribs[a]}"`)
      .join("");
    const inner = trimParagraph(inline(c.children).replace(/(?:<br>)+$/, ""));
    return `<${c.name}${span}>${inner}</${c.name}>`;
  };
  const visit = (nodes: ChildNode[]) => {
    for (const c of nodes) {
      if (!isTag(c)) continue;
      if (c.name === "caption") caption = `<caption>${trimParagraph(inline(c.children))}</caption>`;
      else if (c.name === "tr") {
        const cells = c.children.filter((x): x is Element => isTag(x) && (x.name === "td" || x.name === "th"));
        if (cells.length) rows.push(`<tr>${cells.map(cell).join("")}</tr>`);
      } else if (c.name === "thead" || c.name === "tbody" || c.name === "tfoot") visit(c.children);
    }
  };
  visit(table.children);
  return rows.length ? `<table>${caption}<tbody>${rows.join("")}</tbody></table>` : "";
}
