// The editor's own endpoints as the document describes them: one revision for a side-by-side diff
// (routes/admin-revisions.ts), presence (routes/admin-presence.ts), the live preview (routes/admin-render.ts)
// and pasting (routes/admin-paste.ts). Review and autosave are changes to an article: operations/articles.ts.
import { NoQuery } from "../../http/query.ts";
import { ArticleRender, PasteRequest } from "../../content/schemas.ts";
import { PasteAnswer, Presence, RenderedPreview, RevisionDetail, Takeover } from "../../content/responses.ts";
import type { Operation } from "../operation.ts";
import { PASTE_EXAMPLE, PRESENCE_EXAMPLE, RENDER_EXAMPLE, REVISION_EXAMPLE, TAKEOVER_EXAMPLE } from "../examples.ts";
import { JSON_BODY_ERRORS, TAG, id, revisionNumber } from "./articles.ts";

export const editorOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/admin/articles/{id}/revisions/{n}",
    id: "getRevision",
    summary: "Revision n as it was stored: every field, for a side-by-side diff",
    description: "A folded autosave's earlier versions are gone (404).",
    tag: TAG,
    access: "author",
    params: { ...id, ...revisionNumber },
    query: NoQuery,
    answers: { 200: { description: "The revision.", body: RevisionDetail, headers: ["x-d1-bookmark"], example: REVISION_EXAMPLE } },
    errors: ["not_found"],
  },
  {
    method: "put",
    path: "/api/v1/admin/articles/{id}/presence",
    id: "editingHeartbeat",
    summary: "An editor's heartbeat (about every 30 s while the article is open): who else has it open, and its version now",
    description: "Someone not heard from for 90 seconds has left. Presence warns; it never blocks a save (If-Match decides).",
    tag: TAG,
    access: "author",
    params: id,
    query: NoQuery,
    answers: { 200: { description: "Who else is here, the version now and the last change.", body: Presence, headers: ["x-d1-bookmark"], example: PRESENCE_EXAMPLE } },
    errors: ["not_found"],
  },
  {
    method: "delete",
    path: "/api/v1/admin/articles/{id}/presence",
    id: "editingGoodbye",
    summary: "The editor's goodbye: the person closed the article",
    tag: TAG,
    access: "author",
    params: id,
    query: NoQuery,
    answers: { 204: { description: "Gone from the article's editors (also when they were not there)." } },
    // An id that is no id (`0`, `1%00`, past 2^53) names no article's presence: 404, as every `{id}` route.
    errors: ["not_found"],
  },
  {
    method: "post",
    path: "/api/v1/admin/articles/{id}/presence/takeover",
    id: "takeOverEditing",
    summary: "接管编辑: take the article over from everyone else who has it open",
    description:
      "Their editors hear it at their next heartbeat (taken_over) and stop autosaving; it never blocks anyone's save (If-Match decides). You must be allowed to edit the article, and an author may take over only authors, never an editor's or an admin's editing (403, nothing taken). Written to the audit log as article.takeover.",
    tag: TAG,
    access: "author",
    params: id,
    query: NoQuery,
    answers: { 200: { description: "Whose editing was taken over; empty when no one else had it open.", body: Takeover, headers: ["x-d1-bookmark"], example: TAKEOVER_EXAMPLE } },
    errors: ["not_found", "forbidden"],
  },
  {
    method: "post",
    path: "/api/v1/admin/articles/render",
    id: "renderArticle",
    summary: "The live preview: the article page's main content for the fields sent, stored nowhere",
    description:
      "Create's fields, but the title may be empty. The body goes through the write path's renderer, sanitizer and limits, so what a save would refuse is refused the same way.",
    tag: TAG,
    access: "author",
    query: NoQuery,
    body: { required: true, content: { "application/json": ArticleRender } },
    answers: { 200: { description: "The HTML, and the stylesheet to show it with.", body: RenderedPreview, headers: ["x-d1-bookmark"], example: RENDER_EXAMPLE } },
    errors: [...JSON_BODY_ERRORS, "unknown_section", "unknown_image", "body_too_large"],
  },
  {
    method: "post",
    path: "/api/v1/admin/paste",
    id: "pasteHtml",
    summary: "Clipboard HTML (Word, WPS, a web page) as Markdown, each picture a placeholder to bring in",
    description:
      "Cleaned as the importer cleans old bodies, then Markdown; up to 16 MiB (room for a picture as a data: URI). Stores nothing: embedded pictures are uploaded, remote ones fetched (fetchImage), local ones asked of the person.",
    tag: TAG,
    access: "author",
    query: NoQuery,
    body: { required: true, content: { "application/json": PasteRequest } },
    answers: { 200: { description: "The Markdown and its pictures.", body: PasteAnswer, example: PASTE_EXAMPLE } },
    errors: JSON_BODY_ERRORS,
  },
];
