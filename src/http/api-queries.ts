// What the JSON API takes in its URLs beyond the JSON bodies of content/schemas.ts: each endpoint's query
// string and the path parameters it checks itself. The routes validate with these schemas and the API
// document (src/openapi/) publishes them, so the two cannot say different things.
import * as v from "valibot";
import { EDITORS_RANKED, SEARCH_WINDOW } from "../domain/search.ts";
import { MEDIA_KEY } from "../domain/media.ts";
import { ROLES } from "../domain/role.ts";
import { STAFF_STATES } from "../domain/staff.ts";
import { StateFilter } from "../content/schemas.ts";
import { SECTION_PATH } from "../content/urls.ts";
import { Cursor, KeyNumber, ListQuery } from "./list-query.ts";

/** An article id in a path: a positive integer without leading zeros; beyond 2^53 no article can have it. */
export const ArticleId = v.pipe(
  v.string(),
  v.regex(/^[1-9][0-9]{0,15}$/, "must be a positive integer without leading zeros"),
  v.transform(Number),
  v.safeInteger("must be at most 9007199254740991"),
);

const Section = v.pipe(v.string(), v.regex(SECTION_PATH, "must be a section path such as xw/dzyw"));

/** GET /api/v1/articles: a section and its subsections; the cursor is the last row's [published_at, id]. */
export const ArticleListQuery = ListQuery({
  section: v.optional(Section),
  cursor: v.optional(Cursor(v.strictTuple([KeyNumber, KeyNumber]))),
});

/**
 * GET /api/v1/admin/articles: one status, one section (not its subsections), one author (an actor id: a key's
 * or a person's, what they created); the cursor is [updated_at, id].
 */
export const AdminListQuery = ListQuery({
  status: v.optional(StateFilter),
  section: v.optional(Section),
  author: v.optional(v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,15}$/, "must be an actor id"), v.transform(Number), v.safeInteger("must be an actor id"))),
  cursor: v.optional(Cursor(v.strictTuple([KeyNumber, KeyNumber]))),
});

/** GET /api/v1/admin/images: `q` narrows to the images whose alt text or caption contains it; the cursor is the last image's [created_at, key]. */
export const ImageListQuery = ListQuery({
  q: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(100, "must be at most 100 characters"),
      v.description("Only the images whose alt text or caption contains this text (letter case aside, for Latin letters); blank lists them all."),
    ),
  ),
  cursor: v.optional(Cursor(v.strictTuple([KeyNumber, v.pipe(v.string(), v.regex(MEDIA_KEY))]))),
});

// A search's cursor is an offset into what it ranked, so it goes no further than that.
const offsetCursor = (ranked: number) => v.optional(Cursor(v.strictTuple([v.pipe(KeyNumber, v.maxValue(ranked))])));

/** `q` is checked further when it is parsed (search/query.ts): something to search for, at most 100 characters and 10 terms. */
const searchTerms = {
  q: v.pipe(v.string(), v.description("What to search for: at most 100 characters and 10 terms, with letters, digits or Chinese characters in it.")),
  section: v.optional(Section),
};

/** GET /api/v1/search: published articles. */
export const ReaderSearchQuery = ListQuery({ ...searchTerms, cursor: offsetCursor(SEARCH_WINDOW) });

/** GET /api/v1/admin/search: every state, or one. */
export const EditorSearchQuery = ListQuery({ ...searchTerms, cursor: offsetCursor(EDITORS_RANKED), status: v.optional(StateFilter) });

const Id = v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,15}$/, "must be a positive whole number"), v.transform(Number));

/** GET /api/v1/admin/audit: by article, actor or action, newest first; the cursor is the last entry's id. */
export const AuditListQuery = ListQuery({
  article: v.optional(Id),
  actor: v.optional(Id),
  action: v.optional(v.pipe(v.string(), v.regex(/^[a-z_]{1,32}\.[a-z_]{1,32}$/, "must be an action such as article.publish"))),
  cursor: v.optional(Cursor(v.strictTuple([KeyNumber]))),
});

/** GET /api/v1/admin/staff: by state and role; the cursor is the last person's id. */
export const StaffListQuery = ListQuery({
  state: v.optional(v.picklist(STAFF_STATES, `must be one of ${STAFF_STATES.join(", ")}`)),
  role: v.optional(v.picklist(ROLES, `must be one of ${ROLES.join(", ")}`)),
  cursor: v.optional(Cursor(v.strictTuple([KeyNumber]))),
});

/** GET /api/v1/admin/topics: newest first; the cursor is the last topic's [created_at, id]. */
export const TopicListQuery = ListQuery({ cursor: v.optional(Cursor(v.strictTuple([KeyNumber, KeyNumber]))) });

/** GET /api/v1/admin/topics/:slug/articles: one group's, or all; the cursor is the last member's [added_at, article id]. */
export const TopicMemberQuery = ListQuery({
  group: v.optional(v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,15}$/, "must be a group id"), v.transform(Number), v.safeInteger("must be at most 9007199254740991"))),
  cursor: v.optional(Cursor(v.strictTuple([KeyNumber, KeyNumber]))),
});
