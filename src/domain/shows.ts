// What a response shows, named so the edge cache can tag it and a change can purge exactly what showed it.

export type Shows = {
  /** Articles whose content (title, body, cover…) the response shows, by id. */
  articles: number[];
  /** Listings the response shows (which articles, in which order), by section path; "" is the whole site's. */
  listings: string[];
  /** Uploaded images whose stored alt text, caption or credit the response prints, by media key. */
  images?: string[];
  /** Monthly sitemaps the response is, by month (`2023-06`): changes to articles published in them alter it. */
  months?: string[];
  /** Search results: any change to any article may change what a search finds, or how it ranks. */
  search?: boolean;
  /** Slots whose items the response shows, by slug; "" when it shows the set of slots itself (home). */
  slots?: string[];
  /** Topics the response shows (their page, their name), by slug; "" when it lists topics (home, sitemaps). */
  topics?: string[];
};

/** What a response shows: only what it names, no article and no listing unless named. */
export const showsOnly = (named: Partial<Shows> = {}): Shows => ({ articles: [], listings: [], ...named });

/** In `slots` or `topics`: the set of them, as a page listing every slot or topic shows it. */
export const ALL = "";

/** The listing of every published article: site feeds, sitemaps, the unfiltered list API. */
export const SITE_LISTING = "";
