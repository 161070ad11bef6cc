// What editors may send, as valibot schemas; the admin API's input types are inferred from them.
import * as v from "valibot";
import { SECTION_PATH } from "./urls.ts";
import { MEDIA_KEY } from "../media/key.ts";
import type { ErrorDetail } from "../errors.ts";

/** Bounds on what one article may hold (documented in the README). */
export const LIMITS = {
  title: 200,
  kicker: 200,
  subtitle: 200,
  summary: 1_000,
  source: 100,
  bylineName: 50,
  bylineRole: 20,
  bylines: 20,
  body: 200_000,
  /** The whole JSON request body, checked before it is read. */
  requestBytes: 1_048_576,
} as const;

// Single-line text: no control characters at all. Multi-line text (the body): tabs and newlines only.
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_EXCEPT_NEWLINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const line = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.maxLength(max, `must be at most ${max} characters`),
    v.check((s) => !CONTROL.test(s), "must not contain control characters or line breaks"),
  );

const requiredLine = (max: number) => v.pipe(line(max), v.minLength(1, "must not be empty"));

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** An RFC 3339 time with an explicit offset (`2023-06-02T08:00:00+08:00`), as milliseconds UTC. */
export const Timestamp = v.pipe(
  v.string(),
  v.regex(RFC3339, "must be an RFC 3339 time with an offset, e.g. 2023-06-02T08:00:00+08:00"),
  v.transform((s) => Date.parse(s)),
  v.check((ms) => Number.isFinite(ms) && ms >= Date.UTC(1990, 0, 1) && ms < Date.UTC(2200, 0, 1), "must be a real date between 1990 and 2200"),
);

export const MediaKey = v.pipe(v.string(), v.regex(MEDIA_KEY, "must be a media key as returned by the image upload"));

/** An object that refuses unknown fields, listing each one (strictObject stops at the first). */
const closed = <E extends v.ObjectEntries>(entries: E) => v.objectWithRest(entries, v.never("unknown field"));

export const Byline = closed({
  name: requiredLine(LIMITS.bylineName),
  role: requiredLine(LIMITS.bylineRole),
});

const articleFields = {
  section: v.pipe(v.string(), v.regex(SECTION_PATH, "must be a section path such as xw/dzyw")),
  title: requiredLine(LIMITS.title),
  kicker: line(LIMITS.kicker),
  subtitle: line(LIMITS.subtitle),
  summary: v.pipe(
    v.string(),
    v.trim(),
    v.maxLength(LIMITS.summary, `must be at most ${LIMITS.summary} characters`),
    v.check((s) => !CONTROL_EXCEPT_NEWLINES.test(s), "must not contain control characters"),
  ),
  source: line(LIMITS.source),
  bylines: v.pipe(v.array(Byline), v.maxLength(LIMITS.bylines, `must list at most ${LIMITS.bylines} people`)),
  body: v.pipe(
    v.string(),
    v.maxLength(LIMITS.body, `must be at most ${LIMITS.body} characters`),
    v.check((s) => !CONTROL_EXCEPT_NEWLINES.test(s), "must not contain control characters"),
  ),
  cover_image: v.nullable(MediaKey),
  publish_at: v.nullable(Timestamp),
};

const Writable = closed(articleFields);

/** POST /api/v1/admin/articles. `status: "published"` publishes (or schedules) in the same step. */
export const ArticleCreate = closed({
  ...v.partial(Writable, ["kicker", "subtitle", "summary", "source", "bylines", "body", "cover_image", "publish_at"]).entries,
  id: v.optional(v.pipe(v.number(), v.safeInteger("must be an integer"), v.minValue(1, "must be positive"))),
  status: v.optional(v.picklist(["draft", "published"], 'must be "draft" or "published"')),
});
export type ArticleCreate = v.InferOutput<typeof ArticleCreate>;

/** PATCH /api/v1/admin/articles/:id: any subset of the fields, at least one. */
export const ArticlePatch = v.pipe(
  v.partial(Writable),
  v.check((o) => Object.keys(o).length > 0, "must change at least one field"),
);
export type ArticlePatch = v.InferOutput<typeof ArticlePatch>;

/** POST …/publish: optionally when. */
export const PublishRequest = closed({ publish_at: v.optional(v.nullable(Timestamp)) });

export const ARTICLE_STATUS_FILTER = ["draft", "scheduled", "published", "archived", "trash"] as const;

/** Every problem valibot found, by field path (`bylines.0.role`), for a 400 answer. */
export function issueDetails(issues: readonly v.BaseIssue<unknown>[]): ErrorDetail[] {
  return issues.map((issue) => ({ path: v.getDotPath(issue) ?? "(body)", message: issue.message }));
}
