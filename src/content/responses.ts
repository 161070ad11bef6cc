// What the JSON API answers, as valibot schemas: the renderers' return types are inferred from them (so a
// field added to an answer and not here fails to compile), the API document publishes them, and its tests
// check every answer against them. Objects are strict: they hold exactly the members named here.
import * as v from "valibot";
import { ARTICLE_STATES } from "../domain/article.ts";
import { ROLES } from "../domain/role.ts";
import { MEDIA_KEY } from "../domain/media.ts";
import { REVISION_ACTIONS } from "../domain/revision.ts";
import { ACTOR_KINDS } from "../domain/actor.ts";
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

/** Who took a review step: an actor by id (null for a tool) and name. */
const ReviewActor = v.strictObject({ id: v.nullable(Id), name: v.string() });

/** The last review step (审核): `submit` with the author's note while it waits, `return` with the editor's on a draft sent back. */
export const Review = described(
  v.nullable(v.strictObject({ action: v.picklist(["submit", "return"]), note: v.string(), actor: ReviewActor, at: Time })),
  "The last review step: submit (waiting, with the author's note) or return (sent back, with the editor's note); null when neither applies.",
);
export type ReviewJson = v.InferOutput<typeof Review>;

export const AdminArticle = v.strictObject({
  ...ArticleSummary.entries,
  status: described(v.picklist(ARTICLE_STATES), "Its workflow state (submitted: waiting for review, 待审), or trash while it is in the trash."),
  version: Id,
  publish_at: v.nullable(Time),
  created_at: Time,
  created_by: described(v.nullable(Id), "The actor (a key or a person) who created it; null for a tool such as the importer."),
  deleted_at: described(v.nullable(Time), "When it went to the trash; null when it is not there."),
  review: Review,
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

/** Someone else with the article open ("王五 正在编辑"), since their first heartbeat after a gap. */
export const Editing = described(
  v.array(v.strictObject({ actor_id: Id, name: v.string(), since: Time })),
  "Who else has the article open in an editor (heartbeats in the last 90 seconds), earliest first.",
);
export type EditingJson = v.InferOutput<typeof Editing>;

/** Who made the article's last change, and how; null when no revision records it. */
export const LastChange = described(
  v.nullable(
    v.strictObject({
      version: Id,
      action: v.picklist(REVISION_ACTIONS),
      actor: v.strictObject({ id: v.nullable(Id), kind: v.picklist(ACTOR_KINDS), name: v.string() }),
      at: Time,
    }),
  ),
  "The last change: its version, action, who (a key, a person or a tool) and when.",
);
export type LastChangeJson = v.InferOutput<typeof LastChange>;

export const AdminArticleDetail = v.strictObject({ ...AdminArticle.entries, editing: Editing, last_change: LastChange });
export const AdminArticleItem = v.strictObject({ ...AdminArticle.entries, editing: Editing });

export const ArticlePage = v.strictObject({ items: v.array(ArticleSummary), next_cursor: Cursor });
export const AdminArticlePage = v.strictObject({ items: v.array(AdminArticleItem), next_cursor: Cursor });

/** 接管编辑: who took the article over from the person, and when. */
const TakenOver = described(
  v.nullable(v.strictObject({ by: v.strictObject({ id: Id, name: v.string() }), at: Time })),
  "Someone took the article over from you (接管编辑): who and when. Said at one heartbeat, which then notes you nowhere: stop autosaving.",
);

/** The heartbeat's answer: who else is here, and the version now, so a save's 412 is no surprise. */
export const Presence = v.strictObject({ editing: Editing, version: Id, updated_at: Time, last_change: LastChange, taken_over: TakenOver });
export type Presence = v.InferOutput<typeof Presence>;

/** 接管编辑's answer: whose editing was taken over (empty when no one else had the article open). */
export const Takeover = v.strictObject({ taken_from: v.array(v.strictObject({ actor_id: Id, name: v.string() })) });
export type Takeover = v.InferOutput<typeof Takeover>;

/** The live preview: the article page's main content, and the reader pages' stylesheet. */
export const RenderedPreview = v.strictObject({
  html: described(v.string(), "The article page's main content as a reader will get it."),
  stylesheet: described(SitePath, "The reader pages' stylesheet, for a preview frame."),
});

/** A paste as Markdown, each picture a placeholder (`paste:1`) with what the editor must do to bring it in. */
export const PasteAnswer = v.strictObject({
  markdown: v.string(),
  images: v.array(
    v.strictObject({
      src: v.string(),
      kind: described(v.picklist(["embedded", "remote", "local"]), "embedded: a data: URI to upload; remote: a URL for the server to fetch; local: a file only the person has."),
      placeholder: v.pipe(v.string(), v.regex(/^paste:[1-9][0-9]*$/)),
    }),
  ),
});
export type PasteAnswer = v.InferOutput<typeof PasteAnswer>;

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

export const Revision = v.strictObject({
  version: Id,
  action: v.picklist(REVISION_ACTIONS),
  actor: described(v.string(), "Who made it, by name as it was then."),
  actor_id: described(v.nullable(Id), "Who made it, by actor id; null for a tool, or an old revision nothing names."),
  created_at: Time,
  started_at: described(v.nullable(Time), "An autosave's working revision: when its first autosave was made (created_at is its last); null otherwise."),
});
export type Revision = v.InferOutput<typeof Revision>;
export const RevisionList = v.strictObject({ items: v.array(Revision) });

/** One revision as it was stored, for a side-by-side diff of any two. */
export const RevisionDetail = v.strictObject({
  ...Revision.entries,
  actor_kind: v.picklist(ACTOR_KINDS),
  status: described(v.picklist(ARTICLE_STATES), "The state it was in: its workflow state, or trash."),
  section: described(v.nullable(SectionRef), "Its section then; null when that section no longer exists."),
  title: v.string(),
  kicker: v.string(),
  subtitle: v.string(),
  summary: v.string(),
  source: v.string(),
  bylines: v.array(Byline),
  body: v.string(),
  cover_image: v.nullable(v.string()),
  publish_at: v.nullable(Time),
  published_at: v.nullable(Time),
  review: Review,
});
export type RevisionDetail = v.InferOutput<typeof RevisionDetail>;

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
    details: described(
      v.optional(v.array(v.strictObject({ path: v.string(), message: v.string(), rule: v.optional(v.string()), limit: v.optional(v.number()) }))),
      "Each bad field or parameter, by path, and (when known) the rule it breaks — valibot's name for it (`max_length`, `regex`, `picklist`…) or the check's own (`max_characters`, `not_empty`, `one_line`, `unicode`, `min_characters`…) — with the rule's number as `limit` where it has one.",
    ),
    current_version: described(v.optional(Id), "With version_conflict: the version now."),
    updated_at: described(v.optional(Time), "With version_conflict on an article: when the version now was made."),
    updated_by: described(
      v.optional(v.nullable(v.strictObject({ id: v.nullable(Id), kind: v.picklist(ACTOR_KINDS), name: v.string() }))),
      "With version_conflict on an article: who made the version now (王五 于 14:02 修改了这篇文章); null when no revision names them.",
    ),
    last_action: described(v.optional(v.nullable(v.picklist(REVISION_ACTIONS))), "With version_conflict on an article: what the last change was."),
    status: described(v.optional(v.picklist(ARTICLE_STATES)), "With wrong_status: the state the article is in."),
    reason: described(
      v.optional(v.picklist(["bad_url", "refused_host", "unreachable", "timeout", "status", "too_many_redirects", "too_large", "not_an_image", "invalid_image", "empty"])),
      "With fetch_failed: why the picture could not be fetched.",
    ),
    upstream_status: described(v.optional(v.pipe(v.number(), v.safeInteger())), "With fetch_failed for reason status: what the other site answered."),
    max_side: described(v.optional(Count), "With image_too_large (and fetch_failed for a picture too large): the most pixels a side."),
    max_pixels: described(v.optional(Count), "With image_too_large (and fetch_failed for a picture too large): the most pixels in all."),
    max_bytes: described(v.optional(Count), "With payload_too_large: the limit the body passed."),
    limit_bytes: described(v.optional(Count), "With body_too_large: the limit the article's body passed."),
    capacity: described(v.optional(Count), "With over_capacity: how many articles the slot (or any topic) holds at most."),
    required_role: described(v.optional(v.string()), "With forbidden: the role that would be allowed."),
    retry_after: described(v.optional(Count), "With too_many_failures and unavailable: seconds to wait."),
    allow: described(v.optional(v.string()), "With method_not_allowed: the methods the path answers."),
    size: described(v.optional(Count), "With range_not_satisfiable: the size of the image."),
  }),
});
