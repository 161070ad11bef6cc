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
  /** The whole JSON request body, checked before it is read: room for a full body sent as \uXXXX escapes. */
  requestBytes: 2 * 1_048_576,
  /** Legacy ids as DedeCMS / PHPCMS store them (unsigned 32-bit); new ids continue above the highest. */
  legacyId: 4_294_967_295,
} as const;

// Single-line text: no control characters, line or paragraph separators, or bidi overrides (which can
// make a title read differently from what it is). Multi-line text (the body): tabs and newlines only.
const NOT_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const CONTROL_EXCEPT_NEWLINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Text a database and a browser can store and show: no lone UTF-16 surrogates. */
const wellFormed = v.check((s: string) => s.isWellFormed(), "must be valid Unicode text");

/** One line of text, trimmed, at most `max` characters. */
export const line = (max: number) =>
  v.pipe(
    v.string(),
    wellFormed,
    v.trim(),
    v.maxLength(max, `must be at most ${max} characters`),
    v.check((s) => !NOT_IN_LINE.test(s), "must be one line without control characters"),
  );

const requiredLine = (max: number) => v.pipe(line(max), v.minLength(1, "must not be empty"));

const FIELDS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/;

/** Whether the date and time fields name a real moment: Date.parse would roll 02-30 over into March. */
function isRealCalendarTime(s: string): boolean {
  const m = FIELDS.exec(s);
  if (!m) return true; // not RFC 3339 at all: the format check reports that

  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
    number, number, number, number, number, number,
  ];
  const t = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    t.getUTCFullYear() === year && t.getUTCMonth() === month - 1 && t.getUTCDate() === day &&
    t.getUTCHours() === hour && t.getUTCMinutes() === minute && t.getUTCSeconds() === second
  );
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** An RFC 3339 time with an explicit offset (`2023-06-02T08:00:00+08:00`), as milliseconds UTC. */
export const Timestamp = v.pipe(
  v.string(),
  v.regex(RFC3339, "must be an RFC 3339 time with an offset, e.g. 2023-06-02T08:00:00+08:00"),
  v.check(isRealCalendarTime, "must be a real date and time"),
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
    wellFormed,
    v.trim(),
    v.maxLength(LIMITS.summary, `must be at most ${LIMITS.summary} characters`),
    v.check((s) => !CONTROL_EXCEPT_NEWLINES.test(s), "must not contain control characters"),
  ),
  source: line(LIMITS.source),
  bylines: v.pipe(v.array(Byline), v.maxLength(LIMITS.bylines, `must list at most ${LIMITS.bylines} people`)),
  body: v.pipe(
    v.string(),
    wellFormed,
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
  id: v.optional(
    v.pipe(
      v.number(),
      v.integer("must be an integer"),
      v.minValue(1, "must be positive"),
      v.maxValue(LIMITS.legacyId, `must be at most ${LIMITS.legacyId}`),
    ),
  ),
  status: v.optional(v.picklist(["draft", "published"], 'must be "draft" or "published"')),
});
export type ArticleCreate = v.InferOutput<typeof ArticleCreate>;

/** PATCH /api/v1/admin/articles/:id: a subset of the fields, at least one. */
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
