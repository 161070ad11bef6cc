// Pictures in 正文: 插入图片 (the file picker), a file dropped on the field or pasted, and 从图片库选择 — each
// asked for its alt text first, uploaded with its progress shown, then put in at the cursor as `![alt](url)`;
// and a paste from Word, WPS or a web page handed to paste.ts. The editor's script calls bodyImages once.
import { maybe, one, reveal } from "../dom.ts";
import { showError, showOk } from "../live.ts";
import { altDialog } from "./alt-dialog.ts";
import { asBlock, insertText } from "./insert.ts";
import { imageLibrary } from "./library.ts";
import { type PasteNote, pasteHtml } from "./paste.ts";
import { imageMarkdown, imageProblem, uploadImage } from "./uploads.ts";

const readAsDataUrl = (file: File) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.addEventListener("load", () => resolve(typeof reader.result === "string" ? reader.result : ""));
    reader.addEventListener("error", () => resolve(""));
    reader.readAsDataURL(file);
  });

const imageFiles = (list: FileList | null | undefined) => [...(list ?? [])].filter((f) => f.type.startsWith("image/") || f.type === "");

/** One line of 图片上传: the file, its progress bar, then what became of it. */
function uploadLine(list: HTMLUListElement, name: string) {
  const li = document.createElement("li");
  const label = document.createElement("span");
  label.textContent = `正在上传 ${name}`;
  const bar = document.createElement("progress");
  bar.max = 100;
  bar.value = 0;
  bar.setAttribute("aria-label", `${name} 的上传进度`);
  li.append(label, bar);
  list.append(li);
  return {
    progress: (share: number) => {
      bar.value = Math.round(share * 100);
    },
    end(text: string, failed: boolean) {
      bar.remove();
      label.textContent = text;
      if (failed) li.dataset.failed = "";
    },
  };
}

export function bodyImages(form: HTMLFormElement): void {
  const area = one("#e-body", HTMLTextAreaElement, form);
  const tools = one("[data-body-tools]", HTMLElement, form);
  const picker = one("[data-image-file]", HTMLInputElement, tools);
  const uploads = one("[data-uploads]", HTMLUListElement, tools);
  const problems = one("[data-image-problems]", HTMLElement, tools);
  const problemList = one("[data-image-problem-list]", HTMLUListElement, problems);
  const ask = altDialog();
  reveal(tools);

  const locked = () => {
    if (area.readOnly) showError("正文现在不能修改（文章在审核中，或正在处理上一次粘贴）。");
    return area.readOnly;
  };

  /** Puts `text` in as a block where the selection was when the person started (or where it is now, if the text moved). */
  function place(text: string, at: { start: number; end: number; value: string }): void {
    const same = area.value === at.value;
    const start = same ? at.start : area.selectionStart;
    const end = same ? at.end : area.selectionEnd;
    insertText(area, asBlock(area, text, start, end), start, end);
  }

  async function addFiles(files: File[]): Promise<void> {
    for (const file of files) {
      if (locked()) return;
      const at = { start: area.selectionStart, end: area.selectionEnd, value: area.value };
      const name = file.name === "" ? "粘贴的图片" : file.name;
      const answer = await ask.ask(await readAsDataUrl(file), name);
      if (answer === null) {
        showOk(`没有插入 ${name}：插入图片需要替代文字。`);
        area.focus();
        continue;
      }
      const line = uploadLine(uploads, name);
      const sent = await uploadImage(file, answer, line.progress);
      if (!sent.ok) {
        const why = imageProblem(sent.error);
        line.end(`${name} 没有上传：${why}`, true);
        showError(`${name} 没有上传：${why}。`);
        area.focus();
        continue;
      }
      line.end(`${name} 已上传并插入正文`, false);
      place(imageMarkdown(answer.alt, sent.value.url), at);
    }
  }

  function showNotes(notes: PasteNote[]): void {
    problemList.replaceChildren(
      ...notes.map((note) => {
        const li = document.createElement("li");
        li.textContent = note.n === 0 ? note.problem : `第 ${note.n} 张（${note.src}）：${note.problem}`;
        return li;
      }),
    );
    problems.hidden = notes.length === 0;
    if (notes.length > 0) problems.focus();
  }

  const busyLine = document.createElement("li");
  const pasteView = {
    busy(text: string | null) {
      area.setAttribute("aria-busy", text === null ? "false" : "true");
      busyLine.textContent = text ?? "";
      if (text === null) busyLine.remove();
      else if (!busyLine.isConnected) uploads.append(busyLine);
    },
    notes: showNotes,
  };

  maybe("[data-image-pick]", HTMLButtonElement, tools)?.addEventListener("click", () => {
    if (!locked()) picker.click();
  });
  picker.addEventListener("change", () => {
    const files = imageFiles(picker.files);
    picker.value = "";
    void addFiles(files);
  });
  const library = imageLibrary((image) => place(imageMarkdown(image.alt, image.url), { start: area.selectionStart, end: area.selectionEnd, value: area.value }));
  maybe("[data-library-open]", HTMLButtonElement, tools)?.addEventListener("click", () => {
    if (!locked()) library.open();
  });
  maybe("[data-image-problems-close]", HTMLButtonElement, problems)?.addEventListener("click", () => {
    problems.hidden = true;
    area.focus();
  });

  area.addEventListener("dragover", (event) => {
    if (!event.dataTransfer?.types.includes("Files")) return;
    event.preventDefault();
    area.dataset.drop = "";
  });
  area.addEventListener("dragleave", () => delete area.dataset.drop);
  area.addEventListener("drop", (event) => {
    delete area.dataset.drop;
    const files = imageFiles(event.dataTransfer?.files);
    if (files.length === 0) return;
    event.preventDefault();
    void addFiles(files);
  });

  area.addEventListener("paste", (event) => {
    const data = event.clipboardData;
    if (!data || area.readOnly) return;
    const html = data.getData("text/html");
    const files = imageFiles(data.files);
    // A copy from inside a textarea carries only text/plain: the browser's own paste is right for it.
    if (html.trim() !== "") {
      event.preventDefault();
      void pasteHtml(area, html, data.getData("text/plain"), files, pasteView);
    } else if (files.length > 0) {
      event.preventDefault();
      void addFiles(files);
    }
  });
}
