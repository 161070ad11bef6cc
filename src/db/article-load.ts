// The write path's one load: everything a change decides on, read in one batch (one round trip), so who
// may make the change, which version it applies to and what it writes are all decided on the same data.
// Every statement starts from the request's own ids, paths and keys, so none waits for another's answer.
import type { Article } from "../domain/article.ts";
import type { Media } from "../domain/media.ts";
import type { Section } from "../domain/section.ts";
import { type ArticleRow, articleStatement, toArticle } from "./articles.ts";
import { nextArticleIdStatement } from "./article-writes.ts";
import type { Db } from "../domain/db.ts";
import { rowsOf } from "./handle.ts";
import { IDEMPOTENCY_TTL_MS, type StoredIdempotency, idempotencyLookupStatement, toStoredIdempotency } from "./idempotency.ts";
import { type MediaRow, mediaByKeysStatement, mediaMap } from "./media.ts";
import { type LatestRevision, latestRevisionStatement, revisionSnapshotStatement, toLatestRevision } from "./revisions.ts";
import {
  type SectionRow,
  chainFromDepthRows,
  chainFromRows,
  sectionChainOfArticleStatement,
  sectionChainOfRevisionStatement,
  sectionChainStatement,
} from "./sections.ts";

/** An article and its section chain, root first. */
export type Placed = { article: Article; chain: Section[] };

/** What a change to an existing article may need besides the article itself. */
export type ChangeWants = {
  /** A section the change moves the article to. */
  sectionPath?: string;
  /** Images the change names: a new cover, the images of a new body. */
  mediaKeys?: readonly string[];
  /** A revision to restore. */
  revision?: number;
};

export type ChangeLoad = Placed & {
  /** The newest revision: who made the last change (a 412 says so), and an autosave's working revision. */
  latest: LatestRevision | null;
  /** The chain of `sectionPath`; null when it was not asked for or does not exist. */
  target: Section[] | null;
  /** The rows of the images asked for that exist. */
  media: Map<string, Media>;
  /** The revision asked for: its stored snapshot (unparsed), its section's chain and the rows of its images. */
  revision: { snapshot: string; chain: Section[] | null; media: Map<string, Media> } | null;
};

type DepthRow = SectionRow & { depth: number };

/** Loads an article for a change; null when there is no article with that id. */
export async function loadForChange(db: Db, id: number, wants: ChangeWants = {}): Promise<ChangeLoad | null> {
  const revisionMedia = (version: number) =>
    db
      .prepare(
        `SELECT key, content_type, bytes, width, height, alt, caption, credit, created_at, created_by FROM media
          WHERE key IN (SELECT value FROM json_each(COALESCE(
            (SELECT json_extract(snapshot, '$.images') FROM revisions
              WHERE article_id = ? AND version = ? AND json_valid(snapshot) AND json_type(snapshot, '$.images') = 'array'),
            '[]')))`,
      )
      .bind(id, version);
  const optional = {
    target: wants.sectionPath === undefined ? null : sectionChainStatement(db, wants.sectionPath),
    media: wants.mediaKeys?.length ? mediaByKeysStatement(db, wants.mediaKeys) : null,
    snapshot: wants.revision === undefined ? null : revisionSnapshotStatement(db, id, wants.revision),
    revisionChain: wants.revision === undefined ? null : sectionChainOfRevisionStatement(db, id, wants.revision),
    revisionMedia: wants.revision === undefined ? null : revisionMedia(wants.revision),
  };
  const asked = Object.entries(optional).filter((e): e is [keyof typeof optional, D1PreparedStatement] => e[1] !== null);
  const [article, chain, latest, ...rest] = await db.batch<unknown>([
    articleStatement(db, id),
    sectionChainOfArticleStatement(db, id),
    latestRevisionStatement(db, id),
    ...asked.map(([, statement]) => statement),
  ]);
  const row = rowsOf<ArticleRow>(article)[0];
  if (!row) return null;
  const result = (name: keyof typeof optional) => rest[asked.findIndex(([n]) => n === name)];
  const snapshot = wants.revision === undefined ? undefined : rowsOf<{ snapshot: string }>(result("snapshot"))[0]?.snapshot;
  const revisionChain = rowsOf<DepthRow>(result("revisionChain"));
  const newest = rowsOf<Parameters<typeof toLatestRevision>[0]>(latest)[0];
  return {
    article: toArticle(row),
    latest: newest ? toLatestRevision(newest) : null,
    chain: chainFromDepthRows(rowsOf<DepthRow>(chain)),
    target: wants.sectionPath === undefined ? null : chainFromRows(wants.sectionPath, rowsOf<SectionRow>(result("target"))),
    media: mediaMap(rowsOf<MediaRow>(result("media"))),
    revision:
      snapshot === undefined
        ? null
        : {
            snapshot,
            chain: revisionChain.length ? chainFromDepthRows(revisionChain) : null,
            media: mediaMap(rowsOf<MediaRow>(result("revisionMedia"))),
          },
  };
}

export type CreateLoad = {
  /** The chain of the section the new article goes in; null when it does not exist. */
  chain: Section[] | null;
  media: Map<string, Media>;
  /** The first answer to this Idempotency-Key, when it was used within IDEMPOTENCY_TTL_MS. */
  replay: StoredIdempotency | null;
  /** An id reserved for the article (when it brings none); null when automatic ids are used up. */
  reservedId: number | null;
};

/** Loads what a create decides on, reserving an id in the same round trip (an unused one is a harmless gap). */
export async function loadForCreate(
  db: Db,
  wants: { sectionPath: string; mediaKeys: readonly string[]; reserveId: boolean; idempotency?: { keyId: number; idemKey: string }; now: number },
): Promise<CreateLoad> {
  const statements = [
    sectionChainStatement(db, wants.sectionPath),
    mediaByKeysStatement(db, wants.mediaKeys),
    wants.idempotency
      ? idempotencyLookupStatement(db, wants.idempotency.keyId, wants.idempotency.idemKey, wants.now - IDEMPOTENCY_TTL_MS)
      : db.prepare("SELECT NULL AS none WHERE 0"),
    ...(wants.reserveId ? [nextArticleIdStatement(db)] : []),
  ];
  const [chain, media, replay, reserved] = await db.batch<unknown>(statements);
  const id = rowsOf<{ id: number; fits: number }>(reserved)[0];
  const stored = rowsOf<Parameters<typeof toStoredIdempotency>[0]>(replay)[0];
  return {
    chain: chainFromRows(wants.sectionPath, rowsOf<SectionRow>(chain)),
    media: mediaMap(rowsOf<MediaRow>(media)),
    replay: stored ? toStoredIdempotency(stored) : null,
    reservedId: id && id.fits ? id.id : null,
  };
}

/** The chain of a section path and the rows of the images named, in one round trip: where an article would stand. */
export async function loadPlacement(db: Db, wants: { sectionPath: string; mediaKeys: readonly string[] }): Promise<{ chain: Section[] | null; media: Map<string, Media> }> {
  const [chain, media] = await db.batch<unknown>([sectionChainStatement(db, wants.sectionPath), mediaByKeysStatement(db, wants.mediaKeys)]);
  return { chain: chainFromRows(wants.sectionPath, rowsOf<SectionRow>(chain)), media: mediaMap(rowsOf<MediaRow>(media)) };
}

/** An article and its chain for an editor to read, with its newest revision: one round trip. */
export async function loadArticle(db: Db, id: number): Promise<(Placed & { latest: LatestRevision | null }) | null> {
  const loaded = await loadForChange(db, id);
  return loaded && { article: loaded.article, chain: loaded.chain, latest: loaded.latest };
}
