// One synthetic article: a ~20-character title, a 1–3 KB Markdown body (paragraphs, now and then a quote,
// a list or bold text), source, bylines, sometimes a kicker, subtitle, summary or cover. Pure: all
// randomness comes from the PRNG passed in, so the same seed gives the same archive.
import type { Byline } from "../../src/domain/article.ts";
import type { ImportItem } from "../../src/publish/import.ts";
import type { Random } from "../demo/random.ts";
import {
  ACTIONS, EVENTS, KICKERS, LEADS, MEASURES, PLACES, QUOTES, RESULTS, SENTENCES, SOURCES, SPEAKERS, TOPICS, personName,
} from "./vocabulary.ts";

const utf8 = new TextEncoder();

function fill(random: Random, template: string, place: string, topic: string): string {
  return template
    .replaceAll("{place}", place)
    .replaceAll("{topic}", topic)
    .replaceAll("{n}", String(random.int(2, 60)))
    .replaceAll("{k}", String(random.int(12, 3000)))
    .replaceAll("{pct}", (random.int(600, 1000) / 10).toFixed(1))
    .replaceAll("{growth}", (random.int(10, 300) / 10).toFixed(1));
}

const FOLLOW_UPS = ["部署下一阶段工作", "推动各项任务落地见效", "确保完成全年目标", "聚焦群众急难愁盼"] as const;

function title(random: Random, section: string, place: string, topic: string): string {
  const result = () => fill(random, random.pick(RESULTS), place, topic);
  if (section === "tp") return `【${random.pick(["组图", "图片新闻"])}】${place}：${topic}`;
  switch (random.int(0, 3)) {
    case 0:
      return `${place}${random.pick(ACTIONS)}${topic}工作 ${result()}`;
    case 1:
      return `${place}召开${topic}${random.pick(EVENTS)} ${random.pick(FOLLOW_UPS)}`;
    case 2:
      return `${topic}见实效：${place}${result()}`;
    default:
      return `${place}多措并举推进${topic} ${result()}`;
  }
}

/** Sentences in a shuffled order, each used once per article before any comes back. */
function sentenceDeck(random: Random): () => string {
  let deck: string[] = [];
  return () => {
    if (deck.length === 0) {
      deck = [...SENTENCES];
      for (let i = deck.length - 1; i > 0; i--) {
        const j = random.int(0, i);
        [deck[i], deck[j]] = [deck[j] as string, deck[i] as string];
      }
    }
    return deck.pop() as string;
  };
}

function paragraph(random: Random, next: () => string, place: string, topic: string): string {
  const roll = random.next();
  if (roll < 0.1) return `“${random.pick(QUOTES)}”${random.pick(SPEAKERS)}说。`;
  if (roll < 0.16) {
    const measures = new Set(Array.from({ length: 4 }, () => random.pick(MEASURES)));
    return `主要做法包括：\n\n${[...measures].map((m) => `- ${m}；`).join("\n")}`;
  }
  const sentences = Array.from({ length: random.int(2, 4) }, () => fill(random, next(), place, topic));
  if (roll < 0.22) sentences[0] = `围绕**“${topic}”**，${sentences[0] ?? ""}`;
  return sentences.join("");
}

function bylines(random: Random): Byline[] {
  const pick = (n: number) => random.int(0, n - 1);
  const out: Byline[] = Array.from({ length: random.int(1, 2) }, () => ({ name: personName(pick), role: "记者" }));
  if (random.chance(0.3)) out.push({ name: personName(pick), role: "通讯员" });
  if (random.chance(0.6)) out.push({ name: personName(pick), role: random.pick(["编辑", "责任编辑"]) });
  return out;
}

/** Month and day in Beijing time, as a dateline says them: `9月26日`. */
function dateline(ms: number): string {
  const d = new Date(ms + 8 * 3_600_000);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

export function syntheticArticle(
  random: Random,
  input: { id: number; sectionPath: string; publishedAt: number; covers: readonly string[] },
): ImportItem {
  const topics = TOPICS[input.sectionPath] ?? TOPICS["xw/bdxw"] ?? ["民生实事"];
  const place = random.pick(PLACES);
  const topic = random.pick(topics);
  const source = random.pick(SOURCES);
  const next = sentenceDeck(random);
  const lead = `${source.startsWith("本网") ? "本网讯" : "本报讯"} ${dateline(input.publishedAt)}，${fill(random, random.pick(LEADS), place, topic)}`;
  const target = random.int(1000, 3000);
  const paragraphs = [lead];
  let bytes = utf8.encode(lead).length;
  while (bytes < target) {
    const p = paragraph(random, next, place, topic);
    paragraphs.push(p);
    bytes += utf8.encode(p).length + 2;
  }
  return {
    id: input.id,
    section: input.sectionPath,
    published_at: input.publishedAt,
    title: title(random, input.sectionPath, place, topic),
    kicker: random.chance(0.12) ? random.pick(KICKERS) : "",
    subtitle: random.chance(0.1) ? fill(random, `${place}${random.pick(RESULTS)}`, place, topic) : "",
    summary: random.chance(0.25) ? fill(random, random.pick(SENTENCES), place, topic) : "",
    source,
    bylines: bylines(random),
    body: paragraphs.join("\n\n"),
    cover_image: input.covers.length && random.chance(0.25) ? random.pick(input.covers) : null,
  };
}
