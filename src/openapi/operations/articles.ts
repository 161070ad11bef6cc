// The editors' article API as the document describes it (routes/admin-articles.ts, and editors' search in
// routes/search-api.ts). Every change goes through the one write path; an author may change only their own
// drafts, so every change but create may answer 403 to an author.
import * as v from "valibot";
import { AdminListQuery, EditorSearchQuery } from "../../http/api-queries.ts";
import { NoQuery } from "../../http/query.ts";
import { ArticleCreate, ArticlePatch, PreviewRequest, PublishRequest } from "../../content/schemas.ts";
import { AdminArticle, AdminArticleChange, AdminArticlePage, AdminSearchAnswer, PreviewLink, RevisionList } from "../../content/responses.ts";
import type { ErrorCode } from "../../domain/errors.ts";
import type { Answer, Operation } from "../operation.ts";
import {
  ADMIN_ARTICLE_EXAMPLE,
  ADMIN_ARTICLE_PAGE_EXAMPLE,
  ADMIN_SEARCH_EXAMPLE,
  ARTICLE_CHANGE_EXAMPLE,
  PREVIEW_EXAMPLE,
  REVISIONS_EXAMPLE,
} from "../examples.ts";

const TAG = "Articles (editors)";

const id = { id: { schema: v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,15}$/)), description: "The article's id." } };

const changed: Answer = {
  description: "The article as it now stands (its version is the ETag for the next If-Match), what the edge cache is purging and the feeds the hub is told of.",
  body: AdminArticleChange,
  headers: ["ETag", "x-d1-bookmark"],
  example: ARTICLE_CHANGE_EXAMPLE,
};

/** What any change to an existing article may answer: the article is gone, or changed under the client. */
const CHANGE_ERRORS: ErrorCode[] = ["forbidden", "not_found", "version_conflict", "conflict"];

/** A change with no body: publish, unpublish, archive, trash and restore honour If-Match when it is sent. */
const action = (path: string, opId: string, summary: string, access: "author" | "editor", errors: ErrorCode[], method: "post" | "delete" = "post"): Operation => ({
  method,
  path: `/api/v1/admin/articles/{id}${path}`,
  id: opId,
  summary,
  tag: TAG,
  access,
  params: id,
  query: NoQuery,
  headers: ["If-Match", "If-None-Match"],
  answers: { 200: changed },
  errors: [...CHANGE_ERRORS, ...errors],
});

const JSON_BODY_ERRORS: ErrorCode[] = ["payload_too_large", "unsupported_media_type"];

export const articleOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/admin/articles",
    id: "listAdminArticles",
    summary: "Articles in any state, newest change first",
    description: "`section` is that section only, not its subsections. Follows the list contract.",
    tag: TAG,
    access: "author",
    query: AdminListQuery,
    answers: { 200: { description: "A page of articles.", body: AdminArticlePage, headers: ["x-d1-bookmark"], example: ADMIN_ARTICLE_PAGE_EXAMPLE } },
    errors: ["not_found"],
  },
  {
    method: "post",
    path: "/api/v1/admin/articles",
    id: "createArticle",
    summary: "Create an article: a draft, or published (scheduled) at once",
    description:
      "With `Idempotency-Key`, a retry with the same key and body answers the first answer again (`Idempotent-Replayed: true`) and creates nothing. Publishing at once, or keeping a legacy `id`, needs the editor role.",
    tag: TAG,
    access: "author",
    query: NoQuery,
    headers: ["Idempotency-Key"],
    body: { required: true, content: { "application/json": ArticleCreate } },
    answers: { 201: { ...changed, headers: ["Location", "ETag", "Idempotent-Replayed", "x-d1-bookmark"] } },
    errors: ["forbidden", ...JSON_BODY_ERRORS, "id_taken", "conflict", "idempotency_race", "unknown_section", "unknown_image", "body_too_large", "idempotency_key_reused"],
  },
  {
    method: "get",
    path: "/api/v1/admin/articles/{id}",
    id: "getAdminArticle",
    summary: "One article in any state",
    tag: TAG,
    access: "author",
    params: id,
    query: NoQuery,
    headers: ["If-None-Match"],
    answers: {
      200: { description: "The article; its version is the ETag.", body: AdminArticle, headers: ["ETag", "x-d1-bookmark"], example: ADMIN_ARTICLE_EXAMPLE },
      304: { description: "If-None-Match names the current version.", headers: ["ETag"] },
    },
    errors: ["not_found"],
  },
  {
    method: "patch",
    path: "/api/v1/admin/articles/{id}",
    id: "editArticle",
    summary: "Edit an article; live at once if it is published",
    description: "`If-Match` is required: the version the edit was made on, or `*` to overwrite whatever is current.",
    tag: TAG,
    access: "author",
    params: id,
    query: NoQuery,
    headers: ["If-Match (required)", "If-None-Match"],
    body: { required: true, content: { "application/json": ArticlePatch } },
    answers: { 200: changed },
    errors: [...CHANGE_ERRORS, ...JSON_BODY_ERRORS, "precondition_required", "in_trash", "unknown_section", "unknown_image", "body_too_large"],
  },
  {
    ...action("/publish", "publishArticle", "Publish now, or schedule when publish_at is in the future", "editor", [...JSON_BODY_ERRORS, "in_trash", "already_published"]),
    description: "`{\"publish_at\": null}` publishes a scheduled article now. The body may be left out.",
    body: { required: false, content: { "application/json": PublishRequest } },
  },
  action("/unpublish", "unpublishArticle", "Back to draft, off the site", "editor", ["in_trash"]),
  action("/archive", "archiveArticle", "Off the site, marked finished", "editor", ["in_trash"]),
  action("", "trashArticle", "Move to the trash (off the site)", "author", [], "delete"),
  action("/restore", "restoreArticle", "Out of the trash, as a draft", "author", []),
  {
    ...action("/revisions/{n}/restore", "restoreRevision", "Bring back revision n's content as a new version", "author", ["in_trash", "section_gone", "revision_unreadable", "unknown_image"]),
    params: { ...id, n: { schema: v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,8}$/)), description: "The revision's version." } },
  },
  {
    method: "get",
    path: "/api/v1/admin/articles/{id}/revisions",
    id: "listRevisions",
    summary: "Every change to the article: version, action, who, when",
    tag: TAG,
    access: "author",
    params: id,
    query: NoQuery,
    answers: { 200: { description: "The revisions, newest first.", body: RevisionList, headers: ["x-d1-bookmark"], example: REVISIONS_EXAMPLE } },
    errors: ["not_found"],
  },
  {
    method: "post",
    path: "/api/v1/admin/articles/{id}/preview",
    id: "previewArticle",
    summary: "A signed link to the article as it stands now, for someone without a key",
    description: "Needs the PREVIEW_SECRET secret (503 `previews_disabled` without it). The body may be left out.",
    tag: TAG,
    access: "author",
    params: id,
    query: NoQuery,
    body: { required: false, content: { "application/json": PreviewRequest } },
    answers: { 201: { description: "The link, and when it expires.", body: PreviewLink, headers: ["x-d1-bookmark"], example: PREVIEW_EXAMPLE } },
    errors: ["not_found", "in_trash", ...JSON_BODY_ERRORS, "previews_disabled"],
  },
  {
    method: "get",
    path: "/api/v1/admin/search",
    id: "searchAdmin",
    summary: "Search every article but the trash, or those of one status",
    description: "Without a status, `total` is up to 2,000 (the newest 1,000 published and the newest 1,000 others).",
    tag: TAG,
    access: "author",
    query: EditorSearchQuery,
    answers: { 200: { description: "The hits, each with its state.", body: AdminSearchAnswer, headers: ["x-d1-bookmark"], example: ADMIN_SEARCH_EXAMPLE } },
    errors: ["not_found"],
  },
];
