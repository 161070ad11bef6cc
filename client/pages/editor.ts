// 写稿 and the editor's script: one article open (lib/editor/session.ts: the form, autosave, the copy kept in
// this browser), what this browser kept offered back, conflicts shown, publishing, preview and revisions,
// pictures and pastes into 正文 (lib/editor/images.ts).
import { one } from "../lib/dom.ts";
import { showFlash } from "../lib/live.ts";
import { type ConflictFlow, conflictFlow } from "../lib/editor/choices.ts";
import { bodyImages } from "../lib/editor/images.ts";
import { livePreview } from "../lib/editor/live-preview.ts";
import { offerKept } from "../lib/editor/offer.ts";
import { EditorSession } from "../lib/editor/session.ts";
import { type Steps, editorSteps } from "../lib/editor/steps.ts";
import { watchEditors } from "../lib/editor/takeover.ts";

showFlash();

// The session's hooks reach the parts made after it (they need it); none fires before they exist.
let steps: Steps | null = null;
let conflicts: ConflictFlow | null = null;

const session = new EditorSession(one("[data-editor]", HTMLFormElement), {
  conflict: (error) => void conflicts?.show(error),
  created: () => {
    steps?.created();
    document.dispatchEvent(new Event("masthead:created"));
  },
  status: (s) => steps?.status(s),
});
const flow = conflictFlow(session, (s) => steps?.status(s));
conflicts = flow;
steps = editorSteps(session, () => flow);
offerKept(session);
livePreview(session.form);
watchEditors(session, Number(one("[data-editor]", HTMLFormElement).dataset.me));
bodyImages(session.form.form);
