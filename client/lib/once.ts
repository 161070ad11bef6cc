// A secret or a link the server gives out once (a new key, an invitation): shown in the page with a copy
// button, announced, and never stored anywhere by the desk.
import { showError, showOk } from "./live.ts";

export type Once = { title: string; value: string; copyLabel: string; note: string };

export function showOnce(container: HTMLElement, once: Once): void {
  const block = document.createElement("div");
  block.className = "once";
  const title = document.createElement("p");
  const strong = document.createElement("strong");
  strong.textContent = once.title;
  title.append(strong, document.createTextNode(` ${once.note}`));
  const value = document.createElement("code");
  value.textContent = once.value;
  const copy = document.createElement("button");
  copy.type = "button";
  copy.className = "quiet";
  copy.textContent = once.copyLabel;
  copy.addEventListener("click", () => {
    navigator.clipboard.writeText(once.value).then(
      () => showOk("已复制。"),
      () => {
        getSelection()?.selectAllChildren(value);
        showError("浏览器不允许自动复制；内容已选中，请按 Ctrl+C（或 ⌘C）复制。");
      },
    );
  });
  block.append(title, value, copy);
  container.replaceChildren(block);
  container.removeAttribute("hidden");
  copy.focus();
}
