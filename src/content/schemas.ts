// What editors may send, as valibot schemas; the write path's input types are inferred from them.
import * as v from "valibot";
import { ARTICLE_STATES, ARTICLE_STATUSES } from "../domain/article.ts";
import { SECTION_PATH } from "./urls.ts";
import { MEDIA_KEY } from "../domain/media.ts";
import { line, multiline, requiredLine } from "./text-rules.ts";

/**
 * Bounds on what one article may hold (documented in docs/publishing.md, "Fields and their limits"). Lengths
 * are in characters (code points).
 */
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
  /** The body rendered to HTML, in UTF-8 bytes: reference links can make a short body render long. */
  bodyHtmlBytes: 1_000_000,
  /**
   * Markdown and HTML of the body (as JSON strings, the form revisions and stored answers keep) and its text,
   * together, in UTF-8 bytes: D1 refuses any row over 2,000,000.
   */
  storedBodyBytes: 1_800_000,
  /** The whole JSON request body, checked before it is read: room for a full body sent as \uXXXX escapes. */
  requestBytes: 2 * 1_048_576,
  /** A review note (提交审核 / 退回), in characters. */
  reviewNote: 1_000,
  /** Legacy ids as DedeCMS / PHPCMS store them (unsigned 32-bit). */
  legacyId: 4_294_967_295,
} as const;

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

// RFC 3339 §5.6 date-time: seconds are part of a full time; the offset is Z or ±hh:mm; T and Z in either case.
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:\d{2})$/;
/**
 * The same with real clock fields and offsets and a year from 1990 to 2199, as the API document states it (the
 * calendar is format's). Exact but at the two ends: a time in 1990 with a positive offset may still be in 1989 UTC.
 */
const RFC3339_REAL = String.raw`^(?:199\d|2[01]\d\d)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])[Tt](?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$`;

/** An offset a clock can show: hours up to 23, minutes up to 59 (RFC 3339 §5.6 time-numoffset). */
const isRealOffset = (s: string) => {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(s);
  return !m || (Number(m[2]) <= 23 && Number(m[3]) <= 59);
};

/** An RFC 3339 time with an explicit offset (`2023-06-02T08:00:00+08:00`), as milliseconds UTC. */
export const Timestamp = v.pipe(
  v.string(),
  v.regex(RFC3339, "must be an RFC 3339 time with seconds and an offset, e.g. 2023-06-02T08:00:00+08:00"),
  v.metadata<string, Record<string, unknown>>({
    pattern: RFC3339_REAL,
    format: "date-time",
    description: "An RFC 3339 time with seconds and an offset, between 1990 and 2200 (UTC).",
    examples: ["2026-12-01T08:00:00+08:00"],
  }),
  v.check(isRealOffset, "must have a real UTC offset, from -23:59 to +23:59"),
  v.check(isRealCalendarTime, "must be a real date and time"),
  v.transform((s) => Date.parse(s)),
  v.check((ms) => Number.isFinite(ms) && ms >= Date.UTC(1990, 0, 1) && ms < Date.UTC(2200, 0, 1), "must be a real date between 1990 and 2200"),
);

export const MediaKey = v.pipe(v.string(), v.regex(MEDIA_KEY, "must be a media key as returned by the image upload"));

/** A missing member is required; anything else an object schema refuses is not an object at all. */
const objectIssue = (issue: v.ObjectWithRestIssue) => (issue.received === "undefined" ? "is required" : "must be an object");

/**
 * A JSON object that refuses arrays and unknown fields, listing each unknown one (strictObject stops at the
 * first). Its output is typed as the entries alone: after the check, no other member can be there. `rule`
 * checks the object as a whole, with what it means in JSON Schema for the API document.
 */
export const closed = <E extends v.ObjectEntries>(
  entries: E,
  rule?: { test: (input: Record<string, unknown>) => boolean; message: string; json: Record<string, unknown> },
) => {
  const object = v.objectWithRest(entries, v.never("unknown field"), objectIssue);
  type Input = v.InferOutput<typeof object>;
  return v.pipe(
    object,
    // Object schemas take an array for an object whose members are missing.
    v.check<Input, string>((input) => !Array.isArray(input), "must be an object"),
    v.metadata<Input, Record<string, unknown>>(rule?.json ?? {}),
    v.check<Input, string>((input) => rule?.test(input) ?? true, rule?.message ?? ""),
    v.transform((output: Input) => output as v.InferOutput<v.ObjectSchema<E, undefined>>),
  );
};

export const Byline = closed({
  name: requiredLine(LIMITS.bylineName),
  role: requiredLine(LIMITS.bylineRole),
});

/** Every field an editor writes, each optional: what a PATCH may change and what create starts from. */
const writable = {
  section: v.pipe(v.string(), v.regex(SECTION_PATH, "must be a section path such as xw/dzyw")),
  title: requiredLine(LIMITS.title),
  title_bold: v.boolean("must be true or false"),
  kicker: line(LIMITS.kicker),
  subtitle: line(LIMITS.subtitle),
  summary: multiline(LIMITS.summary, true),
  source: line(LIMITS.source),
  bylines: v.pipe(v.array(Byline), v.maxLength(LIMITS.bylines, `must list at most ${LIMITS.bylines} people`)),
  body: multiline(LIMITS.body, false),
  cover_image: v.nullable(MediaKey),
  publish_at: v.nullable(Timestamp),
};

/** PATCH /api/v1/admin/articles/:id: a subset of the fields, at least one. */
export const ArticlePatch = closed(v.partial(v.object(writable)).entries, {
  test: (o) => Object.keys(o).length > 0,
  message: "must change at least one field",
  json: { minProperties: 1 },
});
export type ArticlePatch = v.InferOutput<typeof ArticlePatch>;

/** POST /api/v1/admin/articles. `status: "published"` publishes (or schedules) in the same step. */
export const ArticleCreate = closed({
  ...v.partial(v.object(writable), ["title_bold", "kicker", "subtitle", "summary", "source", "bylines", "body", "cover_image", "publish_at"]).entries,
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

/** What an article's content is made of, as an editor writes it: create's fields without the workflow ones. */
export type ArticleInput = Omit<ArticleCreate, "id" | "status">;

/**
 * POST /api/v1/admin/articles/render: an article as an editor has it on screen, stored nowhere. Create's
 * fields, but the title may still be empty: a preview is asked for while the person writes.
 */
export const ArticleRender = closed({
  ...v.partial(v.object(writable), ["title_bold", "kicker", "subtitle", "summary", "source", "bylines", "body", "cover_image", "publish_at"]).entries,
  title: v.optional(line(LIMITS.title), ""),
});
export type ArticleRender = v.InferOutput<typeof ArticleRender>;

/** POST …/publish: optionally when. */
export const PublishRequest = closed({ publish_at: v.optional(v.nullable(Timestamp)) });

/** How long a preview link lasts, unless asked otherwise: a working day; at most a week. */
export const PREVIEW_TTL_SECONDS = { default: 24 * 3600, min: 60, max: 7 * 24 * 3600 };

/** POST …/preview: optionally how long the link lasts. */
export const PreviewRequest = closed({
  expires_in: v.optional(
    v.pipe(
      v.number(),
      v.integer("must be a whole number of seconds"),
      v.minValue(PREVIEW_TTL_SECONDS.min, `must be at least ${PREVIEW_TTL_SECONDS.min}`),
      v.maxValue(PREVIEW_TTL_SECONDS.max, `must be at most ${PREVIEW_TTL_SECONDS.max} (a week)`),
    ),
  ),
});

// Cloudflare's rules for a cache tag (printable ASCII, at most 1,024 characters), at most 100 a request.
// Lower-cased, as Cloudflare matches tags and as every response is tagged.
const CacheTag = v.pipe(
  v.string(),
  v.regex(/^[\x21-\x7e]{1,1024}$/, "must be 1 to 1,024 printable ASCII characters without spaces"),
  v.toLowerCase(),
);

/** POST /api/v1/admin/cache/purge: some tags, or everything. */
export const PurgeRequest = closed(
  {
    tags: v.optional(v.pipe(v.array(CacheTag), v.minLength(1, "must name at least one tag"), v.maxLength(100, "must name at most 100 tags"))),
    everything: v.optional(v.literal(true, "must be true when given")),
  },
  {
    test: (o) => (o.tags === undefined) !== (o.everything === undefined),
    message: 'send either {"tags": [...]} or {"everything": true}',
    json: { oneOf: [{ required: ["tags"] }, { required: ["everything"] }] },
  },
);

/** `?status=` of the editors' list and search: a state as the API shows it, `trash` included. */
export const StateFilter = v.picklist(ARTICLE_STATES, `must be one of ${ARTICLE_STATES.join(", ")}`);

/** POST /api/v1/admin/paste: the clipboard's text/html, to become Markdown. */
export const PasteRequest = closed({ html: v.string("must be a string") });

/** POST …/submit (提交审核): an optional note for the editors. */
export const SubmitRequest = closed({ note: v.optional(multiline(LIMITS.reviewNote, true)) });

/** POST …/return (退回): the note the author will see on the article, required. */
export const ReturnRequest = closed({ note: multiline(LIMITS.reviewNote, true, "must say why the article goes back") });

/**
 * A revision as stored (revisions.snapshot): its shape is checked on read, and restoring it goes through
 * ArticlePatch like any edit, so a damaged or outdated snapshot can never write what an editor could not.
 */
export const RevisionSnapshot = v.object({
  section_id: v.pipe(v.number(), v.safeInteger()),
  status: v.picklist(ARTICLE_STATUSES),
  title: v.string(),
  /** Absent from revisions written before titles could be bold. */
  title_bold: v.optional(v.boolean()),
  kicker: v.string(),
  subtitle: v.string(),
  summary: v.string(),
  source: v.string(),
  bylines: v.array(v.object({ name: v.string(), role: v.string() })),
  body: v.string(),
  cover_image: v.nullable(v.string()),
  publish_at: v.nullable(v.number()),
  published_at: v.nullable(v.number()),
  deleted_at: v.nullable(v.number()),
  /** The review step the article showed then (revisions older than review have none). */
  review: v.optional(
    v.nullable(
      v.object({
        action: v.picklist(["submit", "return"]),
        note: v.string(),
        actor: v.object({ id: v.nullable(v.number()), name: v.string() }),
        at: v.number(),
      }),
    ),
  ),
  /** The media keys the body and cover name, so a restore loads their rows in the same batch as the article. */
  images: v.optional(v.array(v.string())),
});
export type RevisionSnapshot = v.InferOutput<typeof RevisionSnapshot>;
