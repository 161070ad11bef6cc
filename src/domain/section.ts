// Sections (栏目): the tree readers browse, e.g. 新闻 `xw` › 党政要闻 `xw/dzyw`.

export type Section = {
  id: number;
  /** The URL form, unique: 'xw/dzyw'. */
  path: string;
  /** The last segment of the path: 'dzyw'. */
  slug: string;
  name: string;
  parentId: number | null;
  sortOrder: number;
  description: string;
  /** The last change to anything listed in it: its feeds' Last-Modified. */
  changedAt: number;
};
