// The demo site's skeleton: 青岚传媒网, the portal of the fictional city of 青岚 (Qinglan) — its sections,
// its pictures and the shape of a demo article. All names and events are invented.
import type { Byline } from "../../src/domain/article.ts";
import type { SceneName } from "./scenes.ts";

export type DemoSection = { path: string; name: string; sortOrder: number; description: string };

/** Two levels, as the portal's menu shows them; parents come before their children. */
export const SECTIONS: readonly DemoSection[] = [
  { path: "xw", name: "新闻", sortOrder: 1, description: "青岚本地及国内国际新闻" },
  { path: "xw/dzyw", name: "党政要闻", sortOrder: 1, description: "市委、市政府重要会议与工作部署" },
  { path: "xw/bdxw", name: "本地新闻", sortOrder: 2, description: "发生在青岚城乡的新鲜事" },
  { path: "xw/gngj", name: "国内国际", sortOrder: 3, description: "国内国际动态与青岚的联系" },
  { path: "jj", name: "经济", sortOrder: 2, description: "产业、农业与市场动态" },
  { path: "jj/cy", name: "产业", sortOrder: 1, description: "工业、园区与新兴产业" },
  { path: "jj/ny", name: "农业", sortOrder: 2, description: "农业生产与乡村振兴" },
  { path: "wl", name: "文旅", sortOrder: 3, description: "文化与旅游" },
  { path: "wl/ly", name: "旅游", sortOrder: 1, description: "景区、线路与假日旅游" },
  { path: "wl/fy", name: "非遗", sortOrder: 2, description: "非物质文化遗产的传承与保护" },
  { path: "ms", name: "民生", sortOrder: 4, description: "教育、医疗与百姓生活" },
  { path: "ms/jy", name: "教育", sortOrder: 1, description: "学校、招生与教育改革" },
  { path: "ms/yl", name: "医疗", sortOrder: 2, description: "医疗服务与健康提示" },
  { path: "tp", name: "图片", sortOrder: 5, description: "用镜头记录青岚" },
];

export type DemoPicture = { alt: string; caption: string; credit: string };

/** What the newsroom says about each picture: stored on its media row, as an upload with metadata would. */
export const PICTURES: Record<SceneName, DemoPicture> = {
  mountains: { alt: "晨雾中的苍岚山", caption: "清晨，云雾在苍岚山群峰间缓缓流动。", credit: "本网记者 吴思远 摄" },
  tea: { alt: "雁川县高山茶园", caption: "雨后的雁川茶海层层叠叠，满目青翠。", credit: "通讯员 刘春燕 摄" },
  river: { alt: "岚江上的三孔石桥", caption: "横跨岚江的三孔石桥已有两百多年历史。", credit: "郑可欣 摄" },
  city: { alt: "岚江两岸夜景", caption: "华灯初上，鹤湾区沿江楼宇灯火璀璨。", credit: "本网记者 吴思远 摄" },
  rice: { alt: "青禾县金色稻田", caption: "青禾县禾丰镇，成片晚稻进入成熟期。", credit: "通讯员 彭国栋 摄" },
  lanterns: { alt: "悬挂整齐的梅坪花灯", caption: "梅坪花灯传习所内，新扎制的红灯笼整齐悬挂。", credit: "本网记者 郑可欣 摄" },
  bamboo: { alt: "雁川竹编纹样特写", caption: "细如发丝的竹篾经纬交织，构成雁川竹编特有的纹样。", credit: "本网记者 吴思远 摄" },
  track: { alt: "学校新建的运动场", caption: "岚城区实验小学新校区的运动场。", credit: "通讯员 曾丽 摄" },
  hospital: { alt: "市第一人民医院新门诊楼", caption: "青岚市第一人民医院新门诊楼外景。", credit: "本网记者 郑可欣 摄" },
  solar: { alt: "产业园厂房与光伏板", caption: "青岚高新区新能源装备产业园一期厂区及配套光伏电站。", credit: "通讯员 黄文斌 摄" },
  wetland: { alt: "月亮湾湿地上空的白鹭", caption: "白鹭在月亮湾湿地上空翔集。", credit: "本网记者 吴思远 摄" },
  oldtown: { alt: "岚溪古镇临水民居", caption: "岚溪古镇的白墙黛瓦倒映在溪水中。", credit: "郑可欣 摄" },
  market: { alt: "鹤湾夜市的灯光", caption: "入夜，鹤湾夜市灯火点点，人气十足。", credit: "本网记者 郑可欣 摄" },
  autumn: { alt: "苍岚山秋色", caption: "苍岚山层林尽染，秋意正浓。", credit: "通讯员 马骏 摄" },
};

/**
 * A demo article. `date` is Beijing time ("2026-09-26 10:30"). In `body`, `picture:<name>` stands for the
 * picture's /media URL, filled in once it is uploaded: `![alt](picture:tea)` on a line of its own is a figure.
 */
export type DemoArticle = {
  section: string;
  date: string;
  title: string;
  kicker?: string;
  subtitle?: string;
  summary?: string;
  source: string;
  bylines: Byline[];
  cover?: SceneName;
  /** Keep this id: the article carried over from the old site (its URL must not change). */
  legacyId?: number;
  body: string;
};

export const by = (role: string, ...names: string[]): Byline[] => names.map((name) => ({ name, role }));
