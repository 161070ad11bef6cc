// Text into 正文 at the cursor as one edit: the browser's own insertText, so Ctrl+Z takes back the whole
// insertion at once and the field's input event fires as for typing (the autosave rules apply unchanged).
// Where a browser refuses insertText, setRangeText does the same edit and the input event is sent by hand.

/** Replaces the selection `[start, end)` (the cursor, when they are equal) with `text`, as one undoable edit. */
export function insertText(area: HTMLTextAreaElement, text: string, start = area.selectionStart, end = area.selectionEnd): void {
  area.focus();
  area.setSelectionRange(start, end);
  if (document.execCommand("insertText", false, text) && area.value.slice(start, start + text.length) === text) return;
  area.setRangeText(text, start, end, "end");
  area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: text }));
}

/** `text` as a block of its own: blank lines around it unless the cursor already sits at a line's edge. */
export function asBlock(area: HTMLTextAreaElement, text: string, start = area.selectionStart, end = area.selectionEnd): string {
  const before = area.value.slice(0, start);
  const after = area.value.slice(end);
  const lead = before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
  const trail = after === "" || after.startsWith("\n\n") ? "" : after.startsWith("\n") ? "\n" : "\n\n";
  return `${lead}${text}${trail}`;
}
