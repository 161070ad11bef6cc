// Answers as the demo site gives them (npm run dev; docs/api.md and docs/publishing.md show the same), for
// the document's examples. Long texts are cut with …; the tests check each against its schema.

const dzyw = { path: "xw/dzyw", name: "党政要闻", url: "/html/xw/dzyw/" };
const BYLINES = [
  { name: "周子衿", role: "记者" },
  { name: "杨帆", role: "记者" },
  { name: "岚安宣", role: "通讯员" },
  { name: "罗文涛", role: "责任编辑" },
];
const IMAGE = "da989231d3a1c0b42c5286aa6c29cdd3e1c44e332932d4edddaac7776f2fb35a.jpg";

const summary = {
  id: 88594,
  url: "/html/xw/dzyw/88594.html",
  section: dzyw,
  title: "市政府常务会议研究部署秋冬季安全生产工作",
  title_bold: false,
  kicker: "压实责任 守牢底线",
  subtitle: "全面排查整治重点行业领域隐患，确保群众平安过冬",
  summary: "",
  source: "青岚日报",
  bylines: BYLINES,
  cover_image: IMAGE,
  cover_image_url: `/media/${IMAGE}`,
  published_at: "2026-09-26T10:30:00+08:00",
  updated_at: "2026-09-26T10:30:00+08:00",
};

export const ARTICLE_EXAMPLE = {
  ...summary,
  section_chain: [{ path: "xw", name: "新闻", url: "/html/xw/" }, dzyw],
  body_html: "<p>本网讯 9月25日，市政府召开常务会议，听取全市前三季度安全生产工作情况汇报…</p>",
  prev: { id: 88587, title: "青岚市召开优化营商环境推进会", url: "/html/xw/dzyw/88587.html", published_at: "2026-09-02T17:15:00+08:00" },
  next: { id: 88602, title: "青岚与东部三市建立对口协作机制", url: "/html/xw/dzyw/88602.html", published_at: "2026-10-20T15:00:00+08:00" },
};

export const ARTICLE_PAGE_EXAMPLE = { items: [summary], next_cursor: "WzE3ODg0MDgyMDAwMDAsODg1OTRd" };

export const SECTIONS_EXAMPLE = {
  items: [
    { path: "xw", name: "新闻", url: "/html/xw/", children: [{ ...dzyw, children: [] }, { path: "xw/bdxw", name: "本地新闻", url: "/html/xw/bdxw/", children: [] }] },
    { path: "tp", name: "图片", url: "/html/tp/", children: [] },
  ],
};

const hit = {
  id: 88581,
  url: "/html/tp/88581.html",
  section: { path: "tp", name: "图片", url: "/html/tp/" },
  title: "【图片新闻】岚江夜色",
  title_html: "【图片新闻】<mark>岚江</mark>夜色",
  snippet_html: "夏夜的<mark>岚江</mark>两岸灯火璀璨，沿江楼宇的灯光倒映在江面上，吸引市民和游客纳凉赏景。 …",
  published_at: "2026-08-15T21:00:00+08:00",
};

export const SEARCH_EXAMPLE = { query: "岚江", total: 10, total_capped: false, items: [hit], next_cursor: "WzFd" };

const draft = {
  id: 88619,
  url: "/html/xw/dzyw/88619.html",
  section: dzyw,
  title: "市政府召开常务会议",
  title_bold: false,
  kicker: "研究部署冬季安全生产",
  subtitle: "",
  summary: "",
  source: "青岚日报",
  bylines: [{ name: "林晓", role: "记者" }],
  cover_image: null,
  cover_image_url: null,
  published_at: null,
  updated_at: "2026-12-01T09:12:40+08:00",
  status: "draft",
  version: 1,
  publish_at: null,
  created_at: "2026-12-01T09:12:40+08:00",
  created_by: 2,
  deleted_at: null,
  review: null,
  body: "本网讯 12月1日，市政府召开常务会议。\n\n会议强调，要**巩固**安全生产形势稳定向好的态势。",
  body_html: "<p>本网讯 12月1日，市政府召开常务会议。</p>\n<p>会议强调，要<strong>巩固</strong>安全生产形势稳定向好的态势。</p>\n",
};

const me = { id: 2, kind: "key", name: "me" };

export const ADMIN_ARTICLE_EXAMPLE = {
  ...draft,
  editing: [{ actor_id: 5, name: "王五", since: "2026-12-01T09:13:10+08:00" }],
  last_change: { version: 1, action: "create", actor: me, at: "2026-12-01T09:12:40+08:00" },
};

/** The review queue (?status=submitted): a draft its author sent to the editors with a note. */
export const ADMIN_ARTICLE_PAGE_EXAMPLE = {
  items: [
    {
      ...draft,
      status: "submitted",
      version: 2,
      review: { action: "submit", note: "请核对第二段的数字", actor: { id: 2, name: "me" }, at: "2026-12-01T09:20:00+08:00" },
      updated_at: "2026-12-01T09:20:00+08:00",
      editing: [],
    },
  ],
  next_cursor: null,
};

export const ARTICLE_CHANGE_EXAMPLE = {
  ...draft,
  purge: { backend: "cache-api", tags: ["search", "a:88619"] },
  pings: { hub: null, feeds: [] },
};

export const ADMIN_SEARCH_EXAMPLE = {
  query: "鞏固",
  total: 1,
  total_capped: false,
  items: [
    {
      id: 88619,
      url: "/html/xw/dzyw/88619.html",
      section: dzyw,
      title: "市政府召开常务会议",
      title_html: "市政府召开常务会议",
      snippet_html: "…会议强调，要<mark>巩固</mark>安全生产形势稳定向好的态势。",
      published_at: null,
      status: "draft",
      admin_url: "/api/v1/admin/articles/88619",
      updated_at: "2026-12-01T09:12:40+08:00",
    },
  ],
  next_cursor: null,
};

export const REVISIONS_EXAMPLE = {
  items: [
    { version: 3, action: "autosave", actor: "me", actor_id: 2, created_at: "2026-12-01T09:19:31+08:00", started_at: "2026-12-01T09:15:02+08:00" },
    { version: 1, action: "create", actor: "me", actor_id: 2, created_at: "2026-12-01T09:12:40+08:00", started_at: null },
  ],
};

export const REVISION_EXAMPLE = {
  version: 1,
  action: "create",
  actor: "me",
  actor_id: 2,
  created_at: "2026-12-01T09:12:40+08:00",
  started_at: null,
  actor_kind: "key",
  status: "draft",
  section: dzyw,
  title: draft.title,
  kicker: draft.kicker,
  subtitle: "",
  summary: "",
  source: draft.source,
  bylines: draft.bylines,
  body: draft.body,
  cover_image: null,
  publish_at: null,
  published_at: null,
  review: null,
};

export const PRESENCE_EXAMPLE = {
  editing: [{ actor_id: 5, name: "王五", since: "2026-12-01T09:13:10+08:00" }],
  version: 3,
  updated_at: "2026-12-01T09:19:31+08:00",
  last_change: { version: 3, action: "autosave", actor: me, at: "2026-12-01T09:19:31+08:00" },
  taken_over: null,
};

export const TAKEOVER_EXAMPLE = { taken_from: [{ actor_id: 5, name: "王五" }] };

export const RENDER_EXAMPLE = {
  html: '<div class="narrow">…<h1>预览</h1>…<p>第一段<strong>加粗</strong>。</p>…',
  stylesheet: "/assets/site.3f9a1c2e.css",
};

export const PASTE_EXAMPLE = {
  markdown: "全市**防汛**物资\n\n![仓库](paste:1)",
  images: [{ src: "https://img.example.com/a.jpg", kind: "remote", placeholder: "paste:1" }],
};

export const PREVIEW_EXAMPLE = {
  url: "http://localhost:8787/preview/88619?v=10&exp=1796177560&sig=3QeF6m1f2fLq3XbHkq0r0b9Vg9dS2cJxVnE6mY4pQ0o",
  version: 10,
  expires_at: "2026-12-02T10:12:40+08:00",
};

export const MEDIA_EXAMPLE = {
  key: IMAGE,
  url: `/media/${IMAGE}`,
  content_type: "image/jpeg",
  bytes: 301,
  width: 7,
  height: 5,
  alt: "青岚湖畔的晨雾",
  caption: "",
  credit: "林晓",
};

export const MEDIA_PAGE_EXAMPLE = { items: [MEDIA_EXAMPLE], next_cursor: null };

const key = {
  id: 2,
  name: "Newsroom CMS",
  role: "editor",
  prefix: "k3x7d2qa",
  created_at: "2026-12-01T09:20:00+08:00",
  last_used_at: null,
  revoked_at: null,
};
const SECRET = "mh_k3x7d2qa_7f2gqxw4m5c3n6p2h4j7k2l5z3x6c7v2b4n5m6q7w2e3r4t5y6u7";

export const KEY_LIST_EXAMPLE = { items: [key] };
export const KEY_EXAMPLE = { key };
export const KEY_CREATED_EXAMPLE = { key, secret: SECRET };
export const KEY_ROTATED_EXAMPLE = { key: { ...key, prefix: "p4q7r2s5" }, secret: SECRET.replace("k3x7d2qa", "p4q7r2s5"), previous_prefix: "k3x7d2qa" };

export const PURGE_EXAMPLE = { purge: { backend: "cache-api", tags: ["l:xw", "l:xw/dzyw"] } };

const toutiaoItem = {
  article_id: 88614,
  title: "",
  image: null,
  expires_at: null,
  added_at: "2026-12-07T18:34:58+08:00",
  article: {
    id: 88614,
    url: "/html/xw/dzyw/88614.html",
    title: "全市重点项目建设现场观摩活动举行",
    subtitle: "观摩团一天走访4个县区12个项目",
    cover_image: "4cdf6822798ac343b0ba63bc8ec4c97bf267f884e3f18c8f01eb2d5d72823284.png",
    status: "published",
    published_at: "2026-11-18T20:10:00+08:00",
  },
};

export const SLOT_EXAMPLE = {
  slug: "toutiao",
  name: "头条",
  description: "首页顶部通栏的当日头条，一至两条",
  capacity: 2,
  sort_order: 1,
  needs_picture: false,
  version: 3,
  created_at: "2026-12-07T18:34:32+08:00",
  updated_at: "2026-12-07T18:50:12+08:00",
  items: [{ ...toutiaoItem, title: "重点项目现场观摩：一天走访12个项目", expires_at: "2026-12-08T08:00:00+08:00", added_at: "2026-12-07T18:50:12+08:00" }],
};

export const SLOT_CHANGE_EXAMPLE = { ...SLOT_EXAMPLE, purge: { backend: "cache-api", tags: ["s:toutiao"] }, pings: { hub: null, feeds: [] } };

export const TOPIC_EXAMPLE = {
  slug: "chengshi-gengxin",
  url: "/special/chengshi-gengxin/",
  title: "城市更新进行时",
  banner: "827bf6264337467222c6a46670d3a240d7b54adc7dc2a608573fa46c3533ced0.png",
  banner_url: "/media/827bf6264337467222c6a46670d3a240d7b54adc7dc2a608573fa46c3533ced0.png",
  intro: "三年改造老旧小区126个，老街、公园、公交和“15分钟生活圈”——本网记者记录青岚城市更新的每一步。",
  intro_html: "<p>三年改造老旧小区126个，老街、公园、公交和“15分钟生活圈”——本网记者记录青岚城市更新的每一步。</p>",
  groups: [
    { id: 1, name: "最新进展", articles: 3 },
    { id: 2, name: "民生配套", articles: 3 },
  ],
  articles: 6,
  version: 1,
  created_at: "2026-12-07T18:34:58+08:00",
  updated_at: "2026-12-07T18:34:58+08:00",
};

export const TOPIC_CHANGE_EXAMPLE = { ...TOPIC_EXAMPLE, purge: { backend: "cache-api", tags: ["t:chengshi-gengxin", "t:"] }, pings: { hub: null, feeds: [] } };

export const TOPIC_MEMBERS_EXAMPLE = {
  items: [
    {
      article_id: 88618,
      group: 1,
      added_at: "2026-12-07T18:34:58+08:00",
      article: { id: 88618, url: "/html/xw/bdxw/88618.html", title: "岚城区推进“15分钟生活圈”建设", status: "published", listed: true, published_at: "2026-11-23T09:20:00+08:00" },
    },
  ],
  next_cursor: "WzE3OTY2Mzk2OTg1MzIsODg2MThd",
};
