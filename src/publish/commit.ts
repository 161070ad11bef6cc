// How the one write path applies a change: the article's next state over its current one, in one
// db.batch with its listings, revision and audit entry; a lost race on the version becomes 412.
import { type Actor, auditStatement } from "../db/audit.ts";
import { type Article, getArticle, newerInSectionStatement, olderInSectionStatement } from "../db/articles.ts";
import {
  insertArticleStatement,
  isVersionConflict,
  listingAddStatements,
  listingRemoveStatements,
  touchSectionsStatement,
  updateArticleStatement,
} from "../db/article-writes.ts";
import { type RevisionAction, revisionStatement } from "../db/revisions.ts";
import { getMediaByKeys } from "../db/media.ts";
import { type Section, getSectionChain, getSectionChainById } from "../db/sections.ts";
import { mediaKeysIn, renderBody } from "../content/markdown.ts";
import { AppError, notFound } from "../errors.ts";

export type ChangeReport = {
  action: RevisionAction;
  /** False when the request asked for the state the article was already in: nothing was written. */
  changed: boolean;
  before: Article | null;
  article: Article;
  /** The article's section and its ancestors after the change, root first. */
  chain: Section[];
  /** Sections whose listings (pages, feeds) show something different now: old and new chain. */
  sectionPaths: string[];
  /** Published articles whose 上一篇 / 下一篇 links may now point elsewhere. */
  neighbours: number[];
};

export type Placed = { article: Article; chain: Section[] };

export type CommitOptions = {
  action: RevisionAction;
  actor: Actor;
  /** Extra statements to run in the same transaction (idempotency record). */
  extra?: D1PreparedStatement[];
};

const isListed = (a: Article | null): a is Article & { publishedAt: number } =>
  a !== null && a.status === "published" && a.publishedAt !== null;

const ids = (chain: Section[]) => chain.map((s) => s.id);

function neighbourStatements(db: D1Database, a: Article & { publishedAt: number }) {
  return [
    olderInSectionStatement(db, a.sectionId, a.publishedAt, a.id),
    newerInSectionStatement(db, a.sectionId, a.publishedAt, a.id),
  ];
}

/** Applies `after` over `before` (null for a create) atomically, and reports what changed. */
export async function commit(db: D1Database, before: Placed | null, after: Placed, opts: CommitOptions): Promise<ChangeReport> {
  const a = after.article;
  const old = before?.article ?? null;

  const moved =
    isListed(old) !== isListed(a) ||
    (isListed(old) && isListed(a) && (old.sectionId !== a.sectionId || old.publishedAt !== a.publishedAt));
  const listingChanges: D1PreparedStatement[] = [];
  if (moved && before && isListed(old)) listingChanges.push(...listingRemoveStatements(db, ids(before.chain), old.publishedAt, old.id));
  if (moved && isListed(a)) listingChanges.push(...listingAddStatements(db, ids(after.chain), a.publishedAt, a.id));

  // A listed article's edits show on its sections' pages too, so they count as changed.
  const touched = new Map<number, Section>();
  if (isListed(old) && before) for (const s of before.chain) touched.set(s.id, s);
  if (isListed(a)) for (const s of after.chain) touched.set(s.id, s);

  const statements = [
    // On create the article row comes first (its id is the lock); on change the revision does.
    ...(old ? [revisionStatement(db, a, opts.action, opts.actor), updateArticleStatement(db, a, old.version)]
      : [insertArticleStatement(db, a), revisionStatement(db, a, opts.action, opts.actor)]),
    ...listingChanges,
    ...(touched.size ? [touchSectionsStatement(db, [...touched.keys()], a.updatedAt)] : []),
    auditStatement(db, {
      actor: opts.actor,
      action: `article.${opts.action}`,
      articleId: a.id,
      detail: { version: a.version, status: a.status },
      at: a.updatedAt,
    }),
    ...(opts.extra ?? []),
  ];
  // The neighbours before and after, read in the same transaction as the change, so a concurrent
  // publish in the section cannot make the report name the wrong ones.
  const neighboursBefore = isListed(old) ? neighbourStatements(db, old) : [];
  const neighboursAfter = isListed(a) ? neighbourStatements(db, a) : [];
  const results = await db.batch<{ id: number }>([...neighboursBefore, ...statements, ...neighboursAfter]);
  const idsIn = (rs: typeof results) => rs.flatMap((r) => r.results.map((row) => row.id));
  const oldNeighbours = idsIn(results.slice(0, neighboursBefore.length));
  const newNeighbours = idsIn(results.slice(neighboursBefore.length + statements.length));

  return {
    action: opts.action,
    changed: true,
    before: old,
    article: a,
    chain: after.chain,
    sectionPaths: [...touched.values()].map((s) => s.path),
    neighbours: [...new Set([...oldNeighbours, ...newNeighbours])].filter((id) => id !== a.id),
  };
}

export const unchanged = (action: RevisionAction, placed: Placed): ChangeReport => ({
  action,
  changed: false,
  before: placed.article,
  article: placed.article,
  chain: placed.chain,
  sectionPaths: [],
  neighbours: [],
});

export async function requireChain(db: D1Database, path: string): Promise<Section[]> {
  const chain = await getSectionChain(db, path);
  if (!chain) {
    throw new AppError(422, "unknown_section", `No section with path "${path}"`, {
      details: [{ path: "section", message: `unknown section "${path}"` }],
    });
  }
  return chain;
}

/** Loads an article and its section chain, or answers 404. */
export async function loadArticle(db: D1Database, id: number): Promise<Placed> {
  const article = await getArticle(db, id);
  if (!article) throw notFound(`No article ${id}`);
  const chain = await getSectionChainById(db, article.sectionId);
  if (!chain) throw new Error(`article ${id} refers to missing section ${article.sectionId}`);
  return { article, chain };
}

/** Markdown → sanitized HTML and text, with the sizes and captions of the images it shows. */
export async function renderArticleBody(db: D1Database, body: string) {
  const keys = mediaKeysIn(body);
  return renderBody(body, keys.length ? await getMediaByKeys(db, keys) : new Map());
}

export function checkVersion(current: Article, expected: number | undefined) {
  if (expected !== undefined && expected !== current.version) throw versionConflict(current.version);
}

const versionConflict = (current: number) =>
  new AppError(412, "version_conflict", `The article has changed since version you sent; it is now at version ${current}`, {
    current_version: current,
    headers: { ETag: `"${current}"` },
  });

/** Runs a commit, turning a lost race on the version into 412 with the version that won. */
export async function commitChange(db: D1Database, before: Placed, after: Placed, opts: CommitOptions) {
  try {
    return await commit(db, before, after, opts);
  } catch (err) {
    if (!isVersionConflict(err)) throw err;
    const current = await getArticle(db, before.article.id);
    throw versionConflict(current?.version ?? before.article.version + 1);
  }
}

export function notInTrash(a: Article) {
  if (a.deletedAt !== null) {
    throw new AppError(409, "in_trash", `Article ${a.id} is in the trash; restore it first`);
  }
}
