// The demo's front page, chosen as a newsroom would: two 头条, five 幻灯 with their pictures, a 推荐 list, a
// 特荐 slot for the right rail, and two 专题 with groups — through the importer's bulk writes of the front
// page (src/publish/curation-import.ts: the admin API's rules and write path). Articles are named by title.
// Idempotent: a slot that holds anything, or a topic that exists, is left as it is.
import { loadSlot } from "../../src/db/slots.ts";
import { importSlot, importTopic } from "../../src/publish/curation-import.ts";
import type { SlotCreate } from "../../src/content/front-schemas.ts";
import { SEED_ACTOR, demoArticles, ensurePictures } from "./load.ts";
import type { SceneName } from "./scenes.ts";

type DemoSlot = SlotCreate & { titles: string[] };

const DEMO_SLOTS: readonly DemoSlot[] = [
  { slug: "toutiao", name: "头条", capacity: 2, titles: ["全市重点项目建设现场观摩活动举行", "岚城区推进“15分钟生活圈”建设"] },
  {
    slug: "huandeng",
    name: "幻灯",
    capacity: 5,
    titles: ["【组图】夜市烟火气", "苍岚山红叶进入最佳观赏期", "梅坪花灯制作技艺传习所揭牌", "月亮湾湿地迎来首批越冬候鸟", "青禾县十万亩晚稻进入收割期"],
  },
  {
    slug: "tuijian",
    name: "推荐",
    capacity: 8,
    titles: [
      "青岚数字经济产业园迎来首批入驻企业",
      "青岚职业技术学院与本地企业共建产业学院",
      "“一老一小”健康服务进社区",
      "冬闲变冬忙 桐岭县农民学技能",
      "桐岭县开展冬季森林防火实战演练",
      "前三季度全市经济运行稳中有进",
    ],
  },
  {
    slug: "tejian",
    name: "特荐",
    description: "右栏的编辑特别推荐",
    capacity: 4,
    sort_order: 4,
    titles: ["扎根山村二十年的乡村教师", "雁川竹编传承人：一根竹篾编出百样花", "青岚皮影戏亮相省非遗博览会"],
  },
];

type DemoTopic = { slug: string; title: string; intro: string; banner: SceneName; groups: { name: string; titles: string[] }[] };

export const DEMO_TOPICS: readonly DemoTopic[] = [
  {
    slug: "chengshi-gengxin",
    title: "城市更新进行时",
    intro: "三年改造老旧小区126个，老街、公园、公交和“15分钟生活圈”——本网记者记录青岚城市更新的每一步。",
    banner: "city",
    groups: [
      { name: "最新进展", titles: ["岚城区推进“15分钟生活圈”建设", "岚城青石板老街改造完工", "我市启动新一轮城市更新行动"] },
      { name: "民生配套", titles: ["我市首批“口袋公园”向市民开放", "鹤湾区新开通5条公交线路", "岚江两岸滨江步道全线贯通"] },
    ],
  },
  {
    slug: "jinqiu-wenlv",
    title: "金秋文旅季",
    intro: "红叶、候鸟、花灯与皮影：青岚的秋天，在景区，也在传习所里。",
    banner: "autumn",
    groups: [
      { name: "景区", titles: ["苍岚山红叶进入最佳观赏期", "月亮湾湿地迎来首批越冬候鸟", "国庆假期我市接待游客同比增长18%"] },
      { name: "非遗", titles: ["梅坪花灯制作技艺传习所揭牌", "青岚皮影戏亮相省非遗博览会"] },
    ],
  },
];

export type FrontResult = { slots: number; topics: number };

/** Fills the demo's slots and makes its topics where nothing is there yet; says how many it filled and made. */
export async function loadFront(db: D1Database, bucket: R2Bucket): Promise<FrontResult> {
  const byTitle = new Map(demoArticles().map((a) => [a.title, a.id]));
  const idOf = (title: string) => {
    const id = byTitle.get(title);
    if (id === undefined) throw new Error(`no demo article titled ${title}`);
    return id;
  };
  const now = Date.now();
  let slots = 0;
  for (const { titles, ...fields } of DEMO_SLOTS) {
    if ((await loadSlot(db, fields.slug)).slot?.items.length) continue;
    const result = await importSlot(db, { ...fields, items: titles.map((t) => ({ article_id: idOf(t) })) }, { actor: SEED_ACTOR, now });
    if (result.kind === "imported" && result.refused.length) throw new Error(`demo slot ${fields.slug}: ${result.refused.map((r) => r.error.message).join("; ")}`);
    slots += 1;
  }
  const banners = await ensurePictures(db, bucket, DEMO_TOPICS.map((t) => t.banner));
  let topics = 0;
  for (const t of DEMO_TOPICS) {
    const groups = t.groups.map((g) => ({ name: g.name, articles: g.titles.map(idOf) }));
    const result = await importTopic(db, { slug: t.slug, title: t.title, intro: t.intro, banner: banners.get(t.banner) ?? null, groups }, { actor: SEED_ACTOR, now });
    if (result.kind === "created") topics += 1;
  }
  return { slots, topics };
}
