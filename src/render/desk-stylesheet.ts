// The desk's stylesheet: the site's tokens and base rules (one typography), then the newsroom's own frame,
// lists and forms. Served content-hashed like the site's (src/routes/assets.ts), so it is cached for a year.
import { BASE_STYLES, fingerprint } from "./stylesheet.ts";

export const DESK_STYLESHEET = `${BASE_STYLES}
/* Frame: the newsroom's bar, its rooms, who is signed in */
.deskbar { background: #2b2f36; color: #fff; }
.deskbar-top { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px 16px; padding-top: 10px; padding-bottom: 10px; }
.deskbar .brand { font-size: 20px; color: #fff; letter-spacing: 1px; }
.deskbar .brand:hover { color: #fff; }
.deskbar a:focus-visible, .deskbar button:focus-visible { outline: 2px solid #fff; outline-offset: 2px; }
.who { display: flex; align-items: center; gap: 12px; margin: 0; font-size: 14px; }
.who form { margin: 0; }
.who button { min-height: 32px; padding: 2px 12px; border: 1px solid #c9cdd4; border-radius: 3px; background: transparent; color: #fff; font: inherit; cursor: pointer; }
.who button:hover { background: #3d434d; }
.rooms { background: var(--brand); }
.rooms ul { display: flex; gap: 2px; margin: 0 auto; padding: 0 8px; list-style: none; overflow-x: auto; scrollbar-width: none; }
.rooms a { display: block; padding: 9px 14px; color: #fff; white-space: nowrap; }
.rooms a:hover, .rooms a[aria-current] { background: var(--brand-dark); color: #fff; text-decoration: none; }
.rooms a[aria-current] { box-shadow: inset 0 -3px 0 #fff; }
.rooms a:focus-visible { outline-color: #fff; outline-offset: -4px; }
main.wrap { padding-top: 20px; padding-bottom: 48px; }
.panel { background: var(--paper); border: 1px solid var(--line); border-radius: 4px; padding: 20px 24px; margin-bottom: 16px; }
.page-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 8px 20px; margin-bottom: 12px; }
.page-head h1 { margin: 0; font-size: 24px; }
h2 { font-size: 19px; margin: 0 0 12px; }
.hint { color: var(--ink-soft); font-size: 14px; margin: 4px 0 0; }
.muted { color: var(--muted); }

/* Forms */
.field { display: flex; flex-direction: column; gap: 4px; margin: 0 0 14px; }
.field label, .field legend { font-weight: 600; font-size: 15px; }
input[type="text"], input[type="password"], input[type="search"], input[type="email"], select {
  min-height: 40px; padding: 6px 10px; border: 1px solid #8a94a3; border-radius: 3px;
  font: inherit; font-size: 16px; color: var(--ink); background: var(--paper); max-width: 100%;
}
input:focus-visible, select:focus-visible { outline: 2px solid var(--brand); outline-offset: 1px; }
input[aria-invalid="true"] { border-color: var(--brand); }
button, .button {
  display: inline-block; min-height: 40px; padding: 6px 18px; border: 1px solid var(--brand); border-radius: 3px;
  background: var(--brand); color: #fff; font: inherit; font-size: 15px; line-height: 1.6; cursor: pointer; text-align: center;
}
button:hover, .button:hover { background: var(--brand-dark); color: #fff; text-decoration: none; }
button:focus-visible, .button:focus-visible { outline: 2px solid var(--ink); outline-offset: 2px; }
button:disabled { opacity: .6; cursor: default; }
button.quiet, .button.quiet { background: var(--paper); color: var(--ink); border-color: #8a94a3; }
button.quiet:hover, .button.quiet:hover { background: var(--wash); color: var(--ink); }
button.danger { background: var(--paper); color: var(--brand-dark); border-color: var(--brand); }
button.danger:hover { background: #fdecec; color: var(--brand-dark); }
.actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 8px 0 0; }
.filters { display: flex; flex-wrap: wrap; gap: 12px 16px; align-items: flex-end; }
.filters .field { margin: 0; flex: 1 1 160px; min-width: 0; }
.filters .field.wide { flex: 2 1 260px; }

/* Messages: errors in an alert, outcomes in a status region, both read out as they change */
.message { margin: 0 0 16px; padding: 10px 14px; border-radius: 4px; border: 1px solid; }
/* Empty, the regions stay in the page (a live region must exist before it speaks) but take no room. */
.message:empty { margin: 0; padding: 0; border: 0; }
.message.error { border-color: #e3a3a6; background: #fdecec; color: #7a0b10; }
.message.ok { border-color: #9fd1a9; background: #edf8ef; color: #1f5a2a; }
.once { margin: 12px 0 0; padding: 12px 14px; border: 1px dashed var(--ink-soft); border-radius: 4px; background: #fffbe6; }
.once code { display: block; margin: 6px 0 10px; font-size: 15px; word-break: break-all; }

/* Lists: each item a heading line and its facts */
.rows { margin: 0; padding: 0; list-style: none; }
.row { padding: 14px 0; border-bottom: 1px solid var(--line); }
.row:last-child { border-bottom: 0; }
.row h2, .row h3 { margin: 0 0 6px; font-size: 17px; font-weight: 600; }
.row h2 a, .row h3 a { color: var(--ink); text-decoration: underline; text-decoration-color: var(--line); text-underline-offset: 4px; }
.facts { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0; font-size: 14px; color: var(--ink-soft); }
.facts div { display: flex; gap: 4px; }
.facts dt { color: var(--muted); }
.facts dt::after { content: "："; }
.facts dd { margin: 0; }
.row .actions { margin-top: 10px; }
.status { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 13px; line-height: 1.6; border: 1px solid; }
.status-draft { color: #4e5969; border-color: #a9aeb8; background: #f2f3f5; }
.status-scheduled { color: #6a4a00; border-color: #e0b84c; background: #fff7e0; }
.status-published { color: #1f5a2a; border-color: #8cc79a; background: #edf8ef; }
.status-archived { color: #3c4858; border-color: #a9aeb8; background: #fff; }
.status-trash, .status-disabled { color: #7a0b10; border-color: #e3a3a6; background: #fdecec; }
.status-submitted, .status-invited { color: #0b4f8a; border-color: #9cc3e6; background: #eef5fc; }
.status-active { color: #1f5a2a; border-color: #8cc79a; background: #edf8ef; }
.empty { padding: 32px 0; text-align: center; color: var(--muted); }
.pager { display: flex; flex-wrap: wrap; gap: 8px; justify-content: space-between; margin-top: 16px; }

/* 登录 and the link landing: one card in the middle */
.gate { max-width: 420px; margin: 48px auto; }
.gate .brand { display: block; margin-bottom: 16px; color: var(--brand); font-size: 24px; text-align: center; }
.gate .panel { padding: 24px 28px; }
.gate h1 { margin: 0 0 16px; font-size: 22px; text-align: center; }
.gate input { width: 100%; }
.gate button { width: 100%; }
.or { display: flex; align-items: center; gap: 12px; margin: 16px 0; color: var(--muted); font-size: 14px; }
.or::before, .or::after { content: ""; flex: 1; border-top: 1px solid var(--line); }

.error-page { text-align: center; padding: 40px 24px; }
.error-page .code { margin: 0; font-size: 56px; font-weight: 700; color: var(--brand); line-height: 1.2; }
/* 写稿: the fields, their counts, the save state, the banners for recovery and conflicts */
textarea { min-height: 80px; padding: 8px 10px; border: 1px solid #8a94a3; border-radius: 3px; font: inherit; font-size: 16px; line-height: 1.8; color: var(--ink); background: var(--paper); width: 100%; resize: vertical; }
textarea:focus-visible { outline: 2px solid var(--brand); outline-offset: 1px; }
textarea[aria-invalid="true"], input[aria-invalid="true"] { border-color: var(--brand); }
input[type="datetime-local"] { min-height: 40px; padding: 6px 10px; border: 1px solid #8a94a3; border-radius: 3px; font: inherit; font-size: 16px; }
.editor input[type="text"], .editor select { width: 100%; }
#e-title { font-size: 20px; font-weight: 600; }
#e-body { min-height: 420px; }
.count { font-size: 13px; color: var(--ink-soft); }
.count.over { color: #7a0b10; font-weight: 600; }
.savebar { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; margin: 0 0 16px; padding: 8px 0; background: var(--wash); border-bottom: 1px solid var(--line); }
.save-state { margin: 0; font-weight: 600; min-width: 10em; }
.save-state[data-kind="unsaved"], .save-state[data-kind="conflict"] { color: #7a0b10; }
.save-state[data-kind="saved"] { color: #1f5a2a; }
.state-line { margin: 0; color: var(--ink-soft); font-size: 14px; }
.banner { margin: 0 0 16px; padding: 14px 16px; border: 2px solid #e0b84c; border-radius: 4px; background: #fff7e0; }
.banner h2 { font-size: 17px; margin: 0 0 8px; }
.banner:focus { outline: 2px solid var(--ink); outline-offset: 2px; }
.diff { margin: 8px 0; max-height: 50vh; overflow: auto; padding: 8px 12px; background: var(--paper); border: 1px solid var(--line); }
.diff dt { font-weight: 600; margin-top: 8px; }
.diff dd { margin: 0; white-space: pre-wrap; word-break: break-all; }
del { color: #7a0b10; background: #fdecec; text-decoration: line-through; }
ins { color: #1f5a2a; background: #edf8ef; text-decoration: underline; }
.bylines { border: 1px solid var(--line); border-radius: 4px; padding: 8px 12px 12px; margin: 0 0 14px; }
.bylines legend { font-weight: 600; padding: 0 4px; }
.byline-list { margin: 0 0 8px; padding: 0; list-style: none; }
.byline { display: flex; flex-wrap: wrap; gap: 0 12px; align-items: flex-end; }
.byline .field { flex: 1 1 140px; margin-bottom: 8px; }
.byline button { margin-bottom: 8px; }
.cover-preview { max-width: 240px; max-height: 160px; margin-top: 6px; border: 1px solid var(--line); }
.schedule { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: flex-end; margin-top: 12px; }
.schedule .field { margin: 0; }
.revisions .row { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 6px 12px; padding: 8px 0; }
.revisions .row p { margin: 0; }
.presence { margin: 0 0 12px; padding: 8px 12px; border-left: 4px solid #0b4f8a; background: #eef5fc; color: #0b4f8a; }
.review-note { margin: 0 0 12px; padding: 8px 12px; border-left: 4px solid #e0b84c; background: #fff7e0; color: #4a3500; }
.live-preview { border: 1px solid var(--line); background: var(--paper); }
.live-frame { display: block; width: 100%; height: 70vh; border: 0; }
.live-preview > .hint { margin: 0; padding: 8px; }
.diff-pick { display: flex; flex-wrap: wrap; gap: 0 16px; }
.diff-pick .field { flex: 1 1 260px; }
.side-field h3 { font-size: 16px; margin: 16px 0 6px; }
.side-by-side { display: grid; grid-template-columns: minmax(0, 1fr); gap: 8px 16px; }
.side-head { margin: 0 0 4px; font-weight: 600; color: var(--ink-soft); }
.side-text { max-height: 50vh; overflow: auto; padding: 8px 12px; background: var(--paper); border: 1px solid var(--line); white-space: pre-wrap; word-break: break-all; }
@media (min-width: 760px) {
  .side-by-side { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
}
.editor-layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 20px; }
@media (min-width: 1000px) {
  .editor-layout { grid-template-columns: minmax(0, 1fr) 320px; align-items: start; }
  .editor-side { position: sticky; top: 8px; }
}
/* 写稿's pictures: the tools under 正文, uploads in progress, the two dialogs */
.body-tools .actions { margin: 0 0 6px; }
.uploads { margin: 6px 0 0; padding: 0; list-style: none; }
.uploads li { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; padding: 4px 0; font-size: 14px; }
.uploads li[data-failed] { color: #7a0b10; font-weight: 600; }
.uploads progress { flex: 0 1 200px; }
#e-body[data-drop] { outline: 3px dashed var(--brand); outline-offset: 2px; }
.field-error { color: #7a0b10; font-size: 14px; font-weight: 600; }
.field-error:empty { display: none; }
.dialog { width: min(520px, calc(100vw - 24px)); max-height: calc(100vh - 24px); padding: 20px; border: 1px solid var(--line); border-radius: 4px; color: var(--ink); background: var(--paper); }
.dialog.wide { width: min(860px, calc(100vw - 24px)); }
.dialog::backdrop { background: rgba(0, 0, 0, 0.45); }
.dialog h2 { font-size: 18px; margin: 0 0 12px; }
.dialog input[type="text"], .dialog input[type="search"] { width: 100%; min-height: 40px; padding: 6px 10px; font: inherit; font-size: 16px; }
.alt-preview { display: block; max-width: 100%; max-height: 200px; margin: 0 0 8px; border: 1px solid var(--line); }
.library-search { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: flex-end; }
.library-search .field { flex: 1 1 220px; margin: 0; }
.library-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; margin: 12px 0 0; padding: 0; list-style: none; }
.library-list button { display: flex; flex-direction: column; gap: 4px; width: 100%; height: 100%; padding: 6px; border: 1px solid var(--line); border-radius: 3px; background: var(--paper); color: var(--ink); font: inherit; font-size: 14px; text-align: left; cursor: pointer; }
.library-list button:disabled { cursor: not-allowed; color: var(--ink-soft); }
.library-list img { width: 100%; height: 100px; object-fit: contain; background: var(--wash); }
/* 推荐位 and 专题: rows reordered by a handle (or 上移/下移), the row being dragged shown as such. */
.slot-item-head { display: flex; align-items: baseline; gap: 10px; }
.handle { cursor: grab; user-select: none; padding: 2px 6px; border: 1px solid var(--line); border-radius: 3px; color: var(--ink-soft); }
.topic-group-row { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 4px 12px; }
.topic-group-row .field { flex: 1 1 220px; margin: 0; }
.topic-group-row .handle { align-self: center; }
.dragging { opacity: 0.5; }
.field.check label { font-weight: 400; }
[hidden] { display: none !important; }

@media (max-width: 760px) {
  .wrap { padding: 0 12px; }
  main.wrap { padding: 12px 0 24px; }
  .panel { padding: 14px; border-left: 0; border-right: 0; border-radius: 0; }
  .page-head { padding: 0 12px; }
  .page-head h1 { font-size: 21px; }
  .rooms a { padding: 8px 11px; }
  .gate { margin: 16px auto; }
  .gate .panel { padding: 18px 16px; }
  .filters .field { flex-basis: 100%; }
}
`;

export const DESK_STYLESHEET_HASH = fingerprint(DESK_STYLESHEET);

/** Where desk pages link it: /assets/desk.<hash>.css */
export const DESK_STYLESHEET_URL = `/assets/desk.${DESK_STYLESHEET_HASH}.css`;
