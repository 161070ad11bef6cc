// What the JSON API answers, as valibot schemas: the renderers' return types are inferred from them (so a
// field added to an answer and not here fails to compile), the API document publishes them, and its tests
// check every answer against them. Objects are strict: they hold exactly the members named here.
import * as v from "valibot";
import { ARTICLE_STATES } from "../domain/article.ts";
import { ROLES } from "../domain/role.ts";
import { MEDIA_KEY } from "../domain/media.ts";
import { REVISION_ACTIONS } from "../domain/revision.ts";
import { SECTION_PATH } from "./urls.ts";

const described = <S extends v.GenericSchema>(schema: S, description: string) => v.pipe(schema, v.description(description));

/** A time as the API writes it: RFC 3339 in Asia/Shanghai (content/dates.ts, toRfc3339). */
export const Time = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/),
  v.metadata({ format: "date-time", examples: ["2026-09-26T10:30:00+08:00"] }),
);

const Id = v.pipe(v.number(), v.safeInteger(), v.minValue(1));
const Count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const SectionPath = v.pipe(v.string(), v.regex(SECTION_PATH));
const MediaKey = v.pipe(v.string(), v.regex(MEDIA_KEY));
/** A path on this site (`/html/xw/dzyw/88594.html`, `/media/<key>`): relative to the API's origin. */
const SitePath = v.pipe(v.string(), v.regex(/^\/\S*$/));
const Cursor = described(v.nullable(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,200}$/))), "The cursor of the next page; null on the last page.");

export const SectionRef = v.strictObject({ path: SectionPath, name: v.string(), url: SitePath });
export type SectionRef = v.InferOutput<typeof SectionRef>;

export const Byline = v.strictObject({ name: v.string(), role: v.string() });

/** The flat article object every list and detail endpoint shares. */
export const ArticleSummary = v.strictObject({
  id: Id,
  url: SitePath,
  section: SectionRef,
  title: v.string(),
  title_bold: described(v.boolean(), "Whether its title is set in bold where lists show it (DedeCMS's flag b)."),
  kicker: v.string(),
  subtitle: v.string(),
  summary: v.string(),
  source: v.string(),
  bylines: v.array(Byline),
  cover_image: v.nullable(MediaKey),
  cover_image_url: v.nullable(SitePath),
  published_at: v.nullable(Time),
  updated_at: Time,
});
export type ArticleSummary = v.InferOutput<typeof ArticleSummary>;

/** 上一篇 / 下一篇: a published neighbour in the same section. */
export const Neighbour = v.strictObject({ id: Id, title: v.string(), url: SitePath, published_at: Time });
export type Neighbour = v.InferOutput<typeof Neighbour>;

export const Article = v.strictObject({
  ...ArticleSummary.entries,
  section_chain: v.array(SectionRef),
  body_html: v.string(),
  prev: v.nullable(Neighbour),
  next: v.nullable(Neighbour),
});
export type Article = v.InferOutput<typeof Article>;

export const AdminArticle = v.strictObject({
  ...ArticleSummary.entries,
  status: described(v.picklist(ARTICLE_STATES), "Its workflow state, or trash while it is in the trash."),
  version: Id,
  publish_at: v.nullable(Time),
  created_at: Time,
  deleted_at: described(v.nullable(Time), "When it went to the trash; null when it is not there."),
  body: described(v.string(), "The Markdown the editor wrote."),
  body_html: v.string(),
});
export type AdminArticle = v.InferOutput<typeof AdminArticle>;

export const Purge = described(
  v.strictObject({ backend: v.picklist(["workers", "cache-api", "off"]), tags: v.union([v.array(v.string()), v.literal("everything")]) }),
  "What the edge cache is purging because of this change.",
);
export const Pings = described(
  v.strictObject({ hub: v.nullable(v.string()), feeds: v.array(v.string()) }),
  "The WebSub hub told of the change, and the feeds it was told of.",
);

export const AdminArticleChange = v.strictObject({
  ...AdminArticle.entries,
  purge: described(v.optional(Purge), "Absent when an Idempotency-Key replays the first answer."),
  pings: described(v.optional(Pings), "Absent when an Idempotency-Key replays the first answer."),
});

export const ArticlePage = v.strictObject({ items: v.array(ArticleSummary), next_cursor: Cursor });
export const AdminArticlePage = v.strictObject({ items: v.array(AdminArticle), next_cursor: Cursor });

export type SectionNode = SectionRef & { children: SectionNode[] };
export const SectionNode: v.GenericSchema<SectionNode> = v.strictObject({
  ...SectionRef.entries,
  children: v.array(v.lazy(() => SectionNode)),
});
export const SectionTree = v.strictObject({ items: v.array(SectionNode) });

/** A search hit: `title_html` and `snippet_html` are escaped HTML whose only tags are <mark>. */
export const SearchHit = v.strictObject({
  id: Id,
  url: SitePath,
  section: SectionRef,
  title: v.string(),
  title_html: v.string(),
  snippet_html: v.string(),
  published_at: v.nullable(Time),
});
export type SearchHit = v.InferOutput<typeof SearchHit>;

export const AdminSearchHit = v.strictObject({
  ...SearchHit.entries,
  status: v.picklist(ARTICLE_STATES),
  admin_url: SitePath,
  updated_at: Time,
});
export type AdminSearchHit = v.InferOutput<typeof AdminSearchHit>;

const searchAnswer = <H extends v.GenericSchema>(hit: H) =>
  v.strictObject({
    query: described(v.string(), "The query as it was searched: cleaned, in its one spelling."),
    total: described(Count, "The matches ranked (a window of the newest matches; see total_capped)."),
    total_capped: described(v.boolean(), "True when the archive has more matches than were ranked."),
    items: v.array(hit),
    next_cursor: Cursor,
  });
export const SearchAnswer = searchAnswer(SearchHit);
export const AdminSearchAnswer = searchAnswer(AdminSearchHit);

export const Media = v.strictObject({
  key: MediaKey,
  url: SitePath,
  content_type: v.pipe(v.string(), v.regex(/^image\/(?:jpeg|png|webp|gif|avif)$/)),
  bytes: Count,
  width: v.nullable(Count),
  height: v.nullable(Count),
  alt: v.string(),
  caption: v.string(),
  credit: v.string(),
});
export type Media = v.InferOutput<typeof Media>;
export const MediaPage = v.strictObject({ items: v.array(Media), next_cursor: Cursor });

/** An API key as the API shows it: never its hash, and its secret only once, beside it. */
export const ApiKey = v.strictObject({
  id: Id,
  name: v.string(),
  role: v.picklist(ROLES),
  prefix: v.pipe(v.string(), v.regex(/^[a-z2-7]{8}$/)),
  created_at: Time,
  last_used_at: v.nullable(Time),
  revoked_at: v.nullable(Time),
});
export type ApiKey = v.InferOutput<typeof ApiKey>;
const Secret = described(v.pipe(v.string(), v.regex(/^mh_[a-z2-7]{8}_[a-z2-7]{52}$/)), "The key itself, shown this once.");
export const KeyList = v.strictObject({ items: v.array(ApiKey) });
export const KeyAnswer = v.strictObject({ key: ApiKey });
export const KeyCreated = v.strictObject({ key: ApiKey, secret: Secret });
export const KeyRotated = v.strictObject({ key: ApiKey, secret: Secret, previous_prefix: v.pipe(v.string(), v.regex(/^[a-z2-7]{8}$/)) });

export const Revision = v.strictObject({ version: Id, action: v.picklist(REVISION_ACTIONS), actor: v.string(), created_at: Time });
export type Revision = v.InferOutput<typeof Revision>;
export const RevisionList = v.strictObject({ items: v.array(Revision) });

export const PreviewLink = v.strictObject({ url: v.string(), version: Id, expires_at: Time });
export type PreviewLink = v.InferOutput<typeof PreviewLink>;

export const PurgeAnswer = v.strictObject({ purge: Purge });

/**
 * Every error: a code (http/errors.ts gives each its status), a message for people, and what a client needs
 * to go on, by code.
 */
export const ErrorBody = v.strictObject({
  error: v.strictObject({
    code: v.string(),
    message: v.string(),
    details: described(v.optional(v.array(v.strictObject({ path: v.string(), message: v.string() }))), "Each bad field or parameter, by path."),
    current_version: described(v.optional(Id), "With version_conflict: the version now."),
    max_bytes: described(v.optional(Count), "With payload_too_large: the limit the body passed."),
    limit_bytes: described(v.optional(Count), "With body_too_large: the limit the article's body passed."),
    required_role: described(v.optional(v.string()), "With forbidden: the role that would be allowed."),
    retry_after: described(v.optional(Count), "With too_many_failures and unavailable: seconds to wait."),
    allow: described(v.optional(v.string()), "With method_not_allowed: the methods the path answers."),
    size: described(v.optional(Count), "With range_not_satisfiable: the size of the image."),
  }),
});
