// The site's one stylesheet, and its content-hashed URL: pages name the hash, so the file can be cached
// for a year and a change to it is a new URL.

// CJK fonts first: a Latin font ahead of them would also take “” and ‘’, which Chinese sets full-width.
const CJK_SANS = `"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif`;

/**
 * The tokens (colours, width, type) and the base rules every page of the site shares, the desk's included
 * (src/render/desk-stylesheet.ts): one newsroom, one typography.
 */
export const BASE_STYLES = `
:root {
  --brand: #b4141b;
  --brand-dark: #8f0f15;
  --ink: #1d2129;
  --ink-soft: #4e5969;
  /* Grey meta text (dates, 更多, separators): 5.2:1 on --paper, 4.7:1 on --wash (WCAG AA needs 4.5). */
  --muted: #646e7b;
  --line: #e5e6eb;
  --paper: #ffffff;
  --wash: #f4f5f7;
  --wrap: 1200px;
  font-size: 16px;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--wash);
  color: var(--ink);
  font-family: ${CJK_SANS};
  line-height: 1.75;
  line-break: strict;
  overflow-wrap: anywhere;
}
a { color: inherit; text-decoration: none; }
a:hover { color: var(--brand); text-decoration: underline; text-underline-offset: 3px; }
a:focus-visible { outline: 2px solid var(--brand); outline-offset: 2px; }
img { max-width: 100%; height: auto; }
h1, h2, h3 { line-height: 1.4; }
.wrap { max-width: var(--wrap); margin: 0 auto; padding: 0 16px; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 16px; top: 8px; z-index: 10; background: var(--paper); padding: 4px 8px; }
`;

export const STYLESHEET = `${BASE_STYLES}
/* Masthead and section navigation */
.masthead { background: var(--paper); border-bottom: 1px solid var(--line); }
.masthead-top { display: flex; align-items: baseline; justify-content: space-between; gap: 16px; padding-top: 18px; padding-bottom: 14px; }
.brand { font-size: 30px; font-weight: 700; letter-spacing: 2px; color: var(--brand); }
.brand:hover { color: var(--brand-dark); text-decoration: none; }
.search { display: flex; flex: 0 1 320px; min-width: 0; }
.search input {
  flex: 1; min-width: 0; height: 36px; padding: 0 10px; border: 1px solid #8a94a3; border-right: 0;
  border-radius: 3px 0 0 3px; font: inherit; font-size: 15px; color: var(--ink); background: var(--paper);
}
.search input:focus-visible { outline: 2px solid var(--brand); outline-offset: -1px; }
.search button {
  flex: none; height: 36px; padding: 0 16px; border: 1px solid var(--brand); border-radius: 0 3px 3px 0;
  background: var(--brand); color: #fff; font: inherit; font-size: 15px; cursor: pointer;
}
.search button:hover { background: var(--brand-dark); }
.search button:focus-visible { outline: 2px solid var(--ink); outline-offset: 2px; }
/* The query in results: a highlighter's yellow behind the ink, never a colour alone. */
mark { background: #ffe58f; color: inherit; padding: 0 1px; border-radius: 2px; }
.hits .summary { -webkit-line-clamp: 3; }
.panel > .description { margin: 12px 0 4px; color: var(--ink-soft); font-size: 15px; }
.sitenav { background: var(--brand); }
.sitenav ul { display: flex; gap: 4px; margin: 0 auto; padding: 0 8px; list-style: none; overflow-x: auto; scrollbar-width: none; }
.sitenav a { display: block; padding: 10px 16px; color: #fff; font-size: 17px; white-space: nowrap; }
.sitenav a:hover, .sitenav a[aria-current] { background: var(--brand-dark); color: #fff; text-decoration: none; }
.sitenav a:focus-visible { outline-color: #fff; outline-offset: -4px; }

main.wrap { padding-top: 20px; padding-bottom: 48px; }
.narrow { max-width: 820px; margin-left: auto; margin-right: auto; }
.panel { background: var(--paper); border: 1px solid var(--line); border-radius: 4px; padding: 20px 24px; }

/* Breadcrumb: 您所在的位置：site › 新闻 › 党政要闻 › 正文 */
.crumbs { display: flex; flex-wrap: wrap; align-items: baseline; font-size: 14px; color: var(--muted); margin-bottom: 12px; }
.crumbs ol { display: flex; flex-wrap: wrap; margin: 0; padding: 0; list-style: none; }
.crumbs li + li::before { content: "›"; padding: 0 8px; color: var(--muted); }
.crumbs a { color: var(--ink-soft); }

/* Article */
.story { padding: 32px 48px 40px; }
.story-head { border-bottom: 1px solid var(--line); padding-bottom: 16px; margin-bottom: 24px; text-align: center; }
.kicker { margin: 0 0 6px; color: var(--ink-soft); font-size: 17px; }
.story h1 { margin: 0; font-size: 30px; font-weight: 700; letter-spacing: .5px; }
.subtitle { margin: 8px 0 0; color: var(--ink-soft); font-size: 18px; }
.story-meta { margin: 14px 0 0; color: var(--muted); font-size: 14px; }
.story-meta > * + * { margin-left: 20px; }
.story-body { font-size: 18px; line-height: 1.9; text-align: justify; }
.story-body p { margin: 0 0 1.1em; text-indent: 2em; }
.story-body h2, .story-body h3 { font-size: 19px; margin: 1.6em 0 .8em; }
.story-body figure, .cover { margin: 1.4em auto; text-align: center; }
.story-body figure img, .cover img { display: block; margin: 0 auto; border-radius: 2px; }
.story-body figcaption, .cover figcaption { margin-top: 8px; color: var(--ink-soft); font-size: 15px; line-height: 1.6; text-indent: 0; }
.story-body blockquote { margin: 1.2em 0; padding: 4px 0 4px 16px; border-left: 3px solid var(--line); color: var(--ink-soft); }
.story-body table { border-collapse: collapse; width: 100%; font-size: 15px; display: block; overflow-x: auto; }
.story-body th, .story-body td { border: 1px solid var(--line); padding: 6px 10px; }
.story-body a { color: var(--brand); }
.credits { margin-top: 28px; color: var(--ink-soft); font-size: 15px; text-align: right; }
.credits p { margin: 2px 0; }
.credits span + span { margin-left: 1em; }
.neighbours { margin-top: 16px; padding: 16px 48px; }
.neighbours ul { margin: 0; padding: 0; list-style: none; }
.neighbours li { padding: 4px 0; color: var(--ink-soft); }
.neighbours a { color: var(--ink); }
.neighbours .none { color: var(--muted); }

/* Section pages */
.section-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px 20px; border-bottom: 2px solid var(--brand); padding-bottom: 10px; margin-bottom: 8px; }
.section-head h1 { margin: 0; font-size: 24px; }
.section-head .description { margin: 0; color: var(--muted); font-size: 14px; }
.subsections ul { display: flex; flex-wrap: wrap; gap: 8px; margin: 0; padding: 0; list-style: none; }
.subsections a { display: block; padding: 2px 12px; border: 1px solid var(--line); border-radius: 14px; font-size: 14px; color: var(--ink-soft); }
.subsections a:hover { border-color: var(--brand); text-decoration: none; }
.list { margin: 0; padding: 0; list-style: none; }
.item { display: flex; gap: 20px; padding: 18px 0; border-bottom: 1px dashed var(--line); }
.item:last-child { border-bottom: 0; }
.item-text { flex: 1; min-width: 0; }
.item h2, .item h3 { margin: 0 0 6px; font-size: 19px; font-weight: 600; }
.item .summary, .lead p {
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden;
  margin: 0 0 6px; color: var(--ink-soft); font-size: 15px; line-height: 1.7; text-align: justify;
}
.lead p { -webkit-line-clamp: 3; margin: 0; }
.item-meta { margin: 0; color: var(--muted); font-size: 13px; }
.item-meta > * + * { margin-left: 12px; }
/* Underlined: red next to grey is 2:1, too close to tell the link by colour alone (WCAG 1.4.1). */
.item-meta a { color: var(--brand); text-decoration: underline; text-underline-offset: 3px; }
.thumb { flex: none; align-self: flex-start; display: block; width: 200px; aspect-ratio: 3 / 2; overflow: hidden; border-radius: 3px; background: var(--wash); }
.thumb img { display: block; width: 100%; height: 100%; object-fit: cover; }
.empty { padding: 40px 0; text-align: center; color: var(--muted); }
.pagination { margin-top: 20px; }
.pagination ul { display: flex; flex-wrap: wrap; justify-content: center; gap: 6px; margin: 0; padding: 0; list-style: none; }
.pagination a, .pagination .gap { display: block; min-width: 36px; padding: 4px 10px; text-align: center; border: 1px solid var(--line); border-radius: 3px; font-size: 14px; }
.pagination .gap { border-color: transparent; color: var(--muted); }
.pagination a[aria-current] { background: var(--brand); border-color: var(--brand); color: #fff; }
.pagination a:hover { border-color: var(--brand); text-decoration: none; }

/* Home: the 头条 band, the 幻灯 focus pictures beside 推荐, the section blocks, and the right rail */
.top-story { background: var(--paper); border: 1px solid var(--line); border-top: 3px solid var(--brand); border-radius: 4px; padding: 16px 24px; margin-bottom: 16px; text-align: center; }
.top-story-item + .top-story-item { border-top: 1px dashed var(--line); margin-top: 12px; padding-top: 12px; }
.top-story h3 { margin: 0; font-size: 30px; font-weight: 700; letter-spacing: .5px; color: var(--brand); }
.top-story h3 a:hover { color: var(--brand-dark); }
.top-story p { margin: 6px 0 0; color: var(--ink-soft); font-size: 16px; }
.front { display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 16px; align-items: start; }
.front.no-rail { grid-template-columns: minmax(0, 1fr); }
.front-main, .rail { display: grid; grid-template-columns: minmax(0, 1fr); gap: 16px; min-width: 0; }
.front-lead { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 16px; align-items: start; }
.front-lead > :only-child { grid-column: 1 / -1; }
.focus { background: var(--paper); border: 1px solid var(--line); border-radius: 4px; overflow: hidden; }
/* No script: a strip that scrolls sideways and snaps to each picture; it never moves by itself. */
.focus-strip { display: flex; margin: 0; padding: 0; list-style: none; overflow-x: auto; scroll-snap-type: x mandatory; overscroll-behavior-x: contain; scrollbar-width: thin; }
.slide { flex: 0 0 100%; scroll-snap-align: start; }
.slide a { position: relative; display: block; aspect-ratio: 3 / 2; background: var(--wash); }
.slide img { display: block; width: 100%; height: 100%; object-fit: cover; }
.slide a:hover { text-decoration: none; }
.slide a:hover .slide-caption { text-decoration: underline; text-underline-offset: 3px; }
.slide a:focus-visible { outline: 3px solid var(--brand); outline-offset: -3px; }
/* A solid bar, not a fade: white text keeps its contrast whatever the picture behind it. */
.slide-caption { position: absolute; left: 0; right: 0; bottom: 0; padding: 8px 14px; background: rgba(20, 23, 28, .84); color: #fff; font-size: 17px; line-height: 1.5; }
.slide-count { float: right; margin-left: 12px; font-size: 13px; color: #dfe3e8; }
.focus-nav ol { display: flex; justify-content: center; gap: 8px; margin: 0; padding: 8px 0; list-style: none; }
.focus-nav a { display: block; min-width: 28px; padding: 0 6px; border: 1px solid var(--line); border-radius: 3px; text-align: center; font-size: 13px; line-height: 26px; color: var(--ink-soft); }
.focus-nav a:hover { border-color: var(--brand); text-decoration: none; }
@media (prefers-reduced-motion: no-preference) { .focus-strip { scroll-behavior: smooth; } }
.rail-topics ul { margin: 0; padding: 0; list-style: none; }
.rail-topics li { display: flex; gap: 10px; align-items: center; padding: 6px 0; }
.rail-topics li + li { border-top: 1px dashed var(--line); }
.rail-topics .thumb { width: 96px; }
.home { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px; }
.block { background: var(--paper); border: 1px solid var(--line); border-radius: 4px; padding: 14px 20px 16px; }
.home > .block:first-child { grid-column: 1 / -1; }
.block-head { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 2px solid var(--brand); margin-bottom: 12px; }
.block-head h2 { margin: 0; padding: 0 2px 6px; font-size: 20px; color: var(--brand); }
.more { font-size: 13px; color: var(--muted); }
.lead { display: flex; gap: 16px; padding-bottom: 12px; margin-bottom: 6px; border-bottom: 1px solid var(--line); }
.lead > div { flex: 1; min-width: 0; }
.lead .thumb { width: 240px; }
.home > .block:first-child .lead .thumb { width: 360px; }
.lead h3 { margin: 0 0 6px; font-size: 20px; }
.home > .block:first-child .lead h3 { font-size: 24px; }
.headlines { margin: 0; padding: 0; list-style: none; }
.home > .block:first-child .headlines { columns: 2; column-gap: 32px; }
.headlines li { display: flex; gap: 12px; justify-content: space-between; padding: 5px 0; break-inside: avoid; }
.headlines li::before { content: ""; flex: none; width: 4px; height: 4px; margin-top: .8em; background: var(--muted); }
.headlines a { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.headlines time { flex: none; color: var(--muted); font-size: 13px; }

/* Topics (专题) */
.topic-head { border-bottom: 2px solid var(--brand); padding-bottom: 14px; margin-bottom: 4px; }
.topic-banner { display: block; width: 100%; max-height: 320px; object-fit: cover; border-radius: 3px; margin-bottom: 16px; }
.topic-head .kicker { margin: 0; color: var(--brand); font-size: 15px; font-weight: 600; letter-spacing: 2px; }
.topic-head h1 { margin: 0; font-size: 28px; }
.topic-intro { margin-top: 10px; color: var(--ink-soft); font-size: 16px; text-align: justify; }
.topic-intro p { margin: 0 0 .6em; }
.topic-intro a { color: var(--brand); text-decoration: underline; text-underline-offset: 3px; }
.topic-groups ul { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0 0; padding: 0; list-style: none; }
.topic-groups a { display: block; padding: 2px 12px; border: 1px solid var(--line); border-radius: 14px; font-size: 14px; color: var(--ink-soft); }
.topic-groups a:hover { border-color: var(--brand); text-decoration: none; }
.topic-group > h2 { margin: 22px 0 2px; padding-left: 10px; border-left: 4px solid var(--brand); font-size: 20px; line-height: 1.3; }

/* Error pages */
/* Draft previews */
.preview-note { margin: 0 0 12px; padding: 8px 14px; border: 1px solid #e0b84c; border-radius: 4px; background: #fff7e0; color: #5c4400; font-size: 14px; }
.error { max-width: 640px; margin: 40px auto; text-align: center; padding: 48px 24px; }
.error .status { margin: 0; font-size: 64px; font-weight: 700; color: var(--brand); line-height: 1.2; }
.error h1 { margin: 8px 0 16px; font-size: 22px; }

.sitefoot { background: #2b2f36; color: #c9cdd4; font-size: 13px; padding: 24px 0; text-align: center; }
.sitefoot p { margin: 4px 0; }
.sitefoot a { color: #fff; text-decoration: underline; text-underline-offset: 3px; }
.sitefoot a:focus-visible { outline-color: #fff; }

@media (max-width: 760px) {
  .brand { font-size: 24px; }
  .masthead-top { flex-wrap: wrap; align-items: center; gap: 10px; }
  .search { flex: 1 1 100%; }
  .sitenav a { padding: 8px 12px; font-size: 16px; }
  .wrap { padding: 0 12px; }
  .panel { padding: 14px 14px; border-left: 0; border-right: 0; border-radius: 0; }
  main.wrap { padding: 10px 0 24px; }
  .crumbs { padding: 0 12px; font-size: 13px; }
  .story { padding: 20px 16px 28px; }
  .story-head { text-align: left; }
  .story h1 { font-size: 24px; }
  .subtitle { font-size: 16px; }
  .story-body { font-size: 17px; line-height: 1.85; }
  .neighbours { padding: 12px 16px; }
  .home { grid-template-columns: minmax(0, 1fr); gap: 10px; }
  .block { border-left: 0; border-right: 0; border-radius: 0; padding: 12px 14px; }
  .home > .block:first-child .lead { flex-direction: column; }
  .home > .block:first-child .lead .thumb { width: 100%; }
  .lead { flex-direction: row-reverse; gap: 12px; }
  .lead .thumb { width: 112px; }
  .lead h3, .home > .block:first-child .lead h3 { font-size: 19px; }
  .home > .block:first-child .headlines { columns: 1; }
  .top-story { border-left: 0; border-right: 0; border-radius: 0; padding: 12px 14px; margin-bottom: 10px; text-align: left; }
  .top-story h3 { font-size: 23px; }
  .top-story p { font-size: 15px; }
  .front, .front-lead { grid-template-columns: minmax(0, 1fr); gap: 10px; }
  .front-main, .rail { gap: 10px; }
  .focus { border-left: 0; border-right: 0; border-radius: 0; }
  .slide-caption { font-size: 15px; padding: 6px 12px; }
  .item { gap: 12px; padding: 14px 0; }
  .item h2, .item h3 { font-size: 17px; }
  .thumb { width: 112px; }
  .topic-head h1 { font-size: 23px; }
}
`;

/** FNV-1a (32 bits): a stable, synchronous fingerprint; this names a version, it guards nothing. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

export const STYLESHEET_HASH = fingerprint(STYLESHEET);

/** Where pages link the stylesheet: /assets/site.<hash>.css */
export const STYLESHEET_URL = `/assets/site.${STYLESHEET_HASH}.css`;
