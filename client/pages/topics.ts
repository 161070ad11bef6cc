// 专题's script. On the list, 新建专题. On a topic's page: its title, banner and introduction saved with If-Match
// (a 412 keeps what was typed, takes the other person's version and says what they changed), its groups
// (add, rename, reorder by drag or 上移/下移, delete an empty one: the whole list in one PATCH), and its
// articles (add from search into a group, move to another group, remove), all through /api/v1/admin/topics.
import * as v from "valibot";
import { command, request } from "../lib/api.ts";
import { searchArticles, showHits } from "../lib/article-search.ts";
import { all, field, maybe, one, reveal } from "../lib/dom.ts";
import { onClick, onSubmit } from "../lib/forms.ts";
import { reloadWith, showError, showFlash, showOk } from "../lib/live.ts";
import { dragToReorder, moveBy, type Reorder } from "../lib/reorder.ts";
import { groupControls, groupsOf, newGroupRow, relabel } from "../lib/topic-groups.ts";

const TopicJson = v.object({ slug: v.string(), title: v.string(), banner: v.nullable(v.string()), intro: v.string(), version: v.number() });

showFlash();

/** `groups` typed one a line, blank lines dropped; none: the API's one group without a heading. */
const groupNames = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");

const create = maybe('[data-form="create-topic"]', HTMLFormElement);
if (create) {
  reveal(create);
  onSubmit(create, async () => {
    const slug = field(create, "slug");
    const banner = field(create, "banner");
    const groups = groupNames(field(create, "groups"));
    const answer = await request("POST", "/api/v1/admin/topics", TopicJson, {
      body: { slug, title: field(create, "title"), intro: field(create, "intro"), ...(banner && { banner }), ...(groups.length && { groups: groups.map((name) => ({ name })) }) },
    });
    if (answer.ok) {
      sessionStorage.setItem("masthead-desk-flash", `已新建专题“${answer.value.title}”。`);
      location.assign(`/desk/topics/${slug}`);
    }
    return answer;
  });
}

const form = maybe('[data-form="topic"]', HTMLFormElement);
if (form) topicScreen(form);

function topicScreen(form: HTMLFormElement): void {
  const slug = form.dataset.slug ?? "";
  let version = Number(form.dataset.version);
  const ifMatch = () => `"${version}"`;
  const base = `/api/v1/admin/topics/${slug}`;

  /** After a 412 on a structural change: the page shows the topic as it now stands. */
  const changedMeanwhile = () => reloadWith("别人刚刚修改了这个专题，页面已换成最新的内容；你刚才的操作没有保存，请重做。");

  reveal(one("[data-topic-save]", HTMLElement));
  onSubmit(form, async () => {
    const banner = field(form, "banner");
    const body = { title: field(form, "title"), banner: banner || null, intro: field(form, "intro") };
    const answer = await request("PATCH", base, TopicJson, { body, ifMatch: ifMatch() });
    if (answer.ok) {
      version = answer.value.version;
      showOk("专题信息已保存。");
      return null;
    }
    if (answer.error.status !== 412) return answer;
    // Theirs is read, and the next 保存 is made on it: what was typed stays in the fields until then.
    const theirs = await request("GET", base, TopicJson);
    if (!theirs.ok) return theirs;
    version = theirs.value.version;
    const differs = [
      ...(theirs.value.title !== body.title ? [`标题“${theirs.value.title}”`] : []),
      ...(theirs.value.banner !== body.banner ? ["题图"] : []),
      ...(theirs.value.intro !== body.intro ? ["导语"] : []),
    ];
    showError(
      `别人刚刚修改了这个专题${differs.length ? `（对方的版本里：${differs.join("、")}与你填写的不同）` : ""}。你填写的内容还在，没有保存；再按“保存专题信息”会用你的内容替换对方的。`,
    );
    return null;
  });

  const groups = one("[data-groups]", HTMLOListElement);
  const reorder: Reorder = { list: groups, handle: ".handle", moved: () => relabel(groups) };
  groupControls(groups);
  dragToReorder(reorder);
  reveal(one("[data-groups-actions]", HTMLElement), maybe("[data-groups-hint]", HTMLElement));
  groups.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("button") : null;
    const row = button?.closest<HTMLElement>("li");
    if (!button || !row) return;
    if (button.hasAttribute("data-up") || button.hasAttribute("data-down")) {
      const up = button.hasAttribute("data-up");
      moveBy(reorder, row, up ? -1 : 1);
      const again = row.querySelector(up ? "[data-up]" : "[data-down]");
      const other = row.querySelector(up ? "[data-down]" : "[data-up]");
      (again instanceof HTMLButtonElement && !again.disabled ? again : other instanceof HTMLElement ? other : button).focus();
      showOk(`已移到第 ${[...groups.children].indexOf(row) + 1} 个；按“保存分组”生效。`);
    } else if (button.hasAttribute("data-delete")) {
      row.remove();
      relabel(groups);
      one("[data-add-group]", HTMLButtonElement).focus();
      showOk("已删除这个分组；按“保存分组”生效。");
    }
  });
  onClick(one("[data-add-group]", HTMLButtonElement), async () => {
    if (groups.children.length >= Number(groups.dataset.max)) {
      showError(`一个专题最多 ${groups.dataset.max} 个分组。`);
      return null;
    }
    const row = newGroupRow(groups);
    groups.append(row);
    relabel(groups);
    one("input", HTMLInputElement, row).focus();
    return null;
  });
  onClick(one("[data-save-groups]", HTMLButtonElement), async () => {
    const answer = await command("PATCH", base, { body: { groups: groupsOf(groups) }, ifMatch: ifMatch() });
    if (answer.ok) reloadWith("分组已保存。");
    else if (answer.error.status === 412) changedMeanwhile();
    else return answer;
    return null;
  });

  for (const actions of all("[data-member-actions]", HTMLElement)) {
    reveal(actions);
    const row = actions.closest<HTMLElement>("[data-member]");
    const id = row?.dataset.member ?? "";
    const title = row?.querySelector("h4")?.textContent ?? "";
    const move = one("select[data-move]", HTMLSelectElement, actions);
    move.addEventListener("change", () => {
      void command("PUT", `${base}/articles/${id}`, { body: { group: Number(move.value) }, ifMatch: ifMatch() }).then((answer) => {
        if (answer.ok) reloadWith(`已把“${title}”移到分组“${move.selectedOptions[0]?.textContent ?? ""}”。`);
        else if (answer.error.status === 412) changedMeanwhile();
        else showError(`“${title}”没有移动：请重试。`);
      });
    });
    onClick(one("button[data-remove]", HTMLButtonElement, actions), async () => {
      const answer = await command("DELETE", `${base}/articles/${id}`, { ifMatch: ifMatch() });
      if (answer.ok) reloadWith(`已把“${title}”从专题中移除。`);
      else if (answer.error.status === 412) changedMeanwhile();
      else return answer;
      return null;
    });
  }

  const search = one('[data-form="search"]', HTMLFormElement);
  const results = one("[data-results]", HTMLElement);
  const member = (id: number) => document.querySelector(`[data-member="${id}"]`) !== null;
  reveal(search);
  onSubmit(search, async () => {
    const answer = await searchArticles(field(search, "q"), false);
    if (!answer.ok) return answer;
    showHits(results, answer.value.items, {
      label: () => "加入专题",
      refused: (hit) => (member(hit.id) ? "已在专题中" : null),
      pick: async (hit) => {
        const group = one("#add-group", HTMLSelectElement);
        const answer = await command("PUT", `${base}/articles/${hit.id}`, { body: { group: Number(group.value) }, ifMatch: ifMatch() });
        if (answer.ok) reloadWith(`已把“${hit.title}”加入分组“${group.selectedOptions[0]?.textContent ?? ""}”。`);
        else if (answer.error.status === 412) changedMeanwhile();
        else return answer;
        return null;
      },
    });
    return null;
  });
}
