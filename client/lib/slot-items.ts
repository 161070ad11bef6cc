// A slot's items as 推荐位's controls: one row per item — its place and article, 推荐位标题, 下线时间 (Beijing
// time), 图片 for a slot that shows pictures, and 上移 / 下移 / 移除 — built from the admin API's answer, and
// read back into the PUT body the API takes. Each field remembers the value last saved (data-saved), so a
// conflict can tell what the person typed from what was stored.
import * as v from "valibot";
import { beijingInput, beijingRfc3339 } from "./beijing-input.ts";

const Item = v.object({
  article_id: v.number(),
  title: v.string(),
  image: v.nullable(v.string()),
  expires_at: v.nullable(v.string()),
  article: v.object({ title: v.string(), url: v.string(), cover_image: v.nullable(v.string()) }),
});
export type Item = v.InferOutput<typeof Item>;

export const SlotJson = v.object({ slug: v.string(), version: v.number(), capacity: v.number(), items: v.array(Item) });
export type SlotJson = v.InferOutput<typeof SlotJson>;

/** What the page says about the slot (rendered by the server on the list). */
export type SlotSettings = { name: string; needsPicture: boolean; titleMax: number; pictures: HTMLTemplateElement | null };

/** The item as the PUT body lists it. */
export type ItemInput = { article_id: number; title: string; image: string | null; expires_at: string | null };

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: (Node | string)[]) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) if (value !== undefined) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

function field(label: string, control: HTMLInputElement | HTMLSelectElement, value: string): HTMLElement {
  control.value = value;
  control.dataset.saved = value;
  return element("div", { class: "field" }, element("label", { for: control.id }, label), control);
}

/** One item's row. */
export function itemRow(item: Item, n: number, s: SlotSettings): HTMLLIElement {
  const id = item.article_id;
  const heading = element("h3", { id: `item-${id}` }, element("span", { "data-n": "" }, `第 ${n} 条`), "：", element("a", { href: `/desk/articles/${id}` }, item.article.title));
  const handle = element("span", { class: "handle", draggable: "true", title: "拖动以调整顺序", "aria-hidden": "true" }, "⠿");
  const title = element("input", { id: `title-${id}`, type: "text", maxlength: String(s.titleMax), placeholder: "留空则用文章标题", "data-field": "title" });
  const expires = element("input", { id: `expires-${id}`, type: "datetime-local", "data-field": "expires" });
  const fields = [field("推荐位标题", title, item.title), field("下线时间（北京时间）", expires, item.expires_at === null ? "" : beijingInput(item.expires_at))];
  if (s.needsPicture && s.pictures) {
    const picture = element("select", { id: `picture-${id}`, "data-field": "picture" }, s.pictures.content.cloneNode(true));
    // An image chosen before that is no longer among the newest still shows as itself.
    if (item.image !== null && ![...picture.options].some((o) => o.value === item.image)) picture.append(element("option", { value: item.image }, `当前图片（${item.image.slice(0, 8)}）`));
    fields.push(field("图片", picture, item.image ?? ""));
  }
  const button = (words: string, hook: string, kind = "quiet") =>
    element("button", { type: "button", class: kind, [hook]: "", "aria-describedby": heading.id }, words);
  const row = element(
    "li",
    { class: "row slot-item", "data-article": String(id) },
    element("div", { class: "slot-item-head" }, handle, heading),
    element("div", { class: "filters" }, ...fields),
    element(
      "p",
      { class: "actions" },
      button("上移", "data-up"),
      button("下移", "data-down"),
      button("清除下线时间", "data-clear-expiry"),
      element("a", { href: item.article.url }, "公开页面"),
      button("移除", "data-remove", "danger"),
    ),
  );
  row.dataset.title = item.article.title;
  return row;
}

const control = (row: HTMLElement, name: string) => row.querySelector(`[data-field="${name}"]`);

/** A field's value as it goes out: the one last saved while what is typed there is refused on the page. */
const valueOf = (el: Element | null) =>
  el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? (el.getAttribute("aria-invalid") === "true" ? (el.dataset.saved ?? "") : el.value) : "";

/** The items in the list's order, as the PUT body takes them. */
export function itemsOf(list: HTMLElement): ItemInput[] {
  return [...list.querySelectorAll<HTMLElement>("li[data-article]")].map((row) => {
    const expires = valueOf(control(row, "expires"));
    const image = valueOf(control(row, "picture"));
    return { article_id: Number(row.dataset.article), title: valueOf(control(row, "title")).trim(), image: image || null, expires_at: expires ? beijingRfc3339(expires) : null };
  });
}

/** Every field's value as saved now: after the server took them. */
export function markSaved(list: HTMLElement): void {
  for (const el of list.querySelectorAll<HTMLInputElement | HTMLSelectElement>("[data-field]")) {
    if (el.getAttribute("aria-invalid") !== "true") el.dataset.saved = el.value;
  }
}

/** What the person typed and the server does not have: by article, by field. */
export function unsaved(list: HTMLElement): Map<string, string> {
  const typed = new Map<string, string>();
  for (const el of list.querySelectorAll<HTMLInputElement | HTMLSelectElement>("[data-field]")) {
    const row = el.closest<HTMLElement>("li[data-article]");
    if (row && el.value !== el.dataset.saved) typed.set(`${row.dataset.article}:${el.dataset.field}`, el.value);
  }
  return typed;
}

/** Puts typed values back into the rows of the same articles (left unsaved); answers how many went back. */
export function restoreTyped(list: HTMLElement, typed: ReadonlyMap<string, string>): number {
  let restored = 0;
  for (const [key, value] of typed) {
    const [article, name] = key.split(":");
    const el = list.querySelector(`li[data-article="${article}"] [data-field="${name}"]`);
    if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) {
      el.value = value;
      restored += 1;
    }
  }
  return restored;
}

/** `第 n 条` after a move, and how full the slot is. */
export function renumber(list: HTMLElement, capacity: number): void {
  const rows = [...list.querySelectorAll<HTMLElement>("li[data-article]")];
  rows.forEach((row, i) => {
    const n = row.querySelector("[data-n]");
    if (n) n.textContent = `第 ${i + 1} 条`;
  });
  for (const fill of document.querySelectorAll("[data-fill]")) fill.textContent = `${rows.length}/${capacity}`;
  document.querySelector("[data-empty]")?.toggleAttribute("hidden", rows.length > 0);
}
