// The front page's admin API as the document describes it: slots (推荐位, routes/admin-slots.ts) and topics
// (专题, routes/admin-topics.ts). Editors fill slots and manage topics; only admins make, reshape or delete a
// slot. Each has a version, its ETag; a change that overwrites needs If-Match (`*` to overwrite whatever is current).
import * as v from "valibot";
import { NoQuery } from "../../http/query.ts";
import { TopicListQuery, TopicMemberQuery } from "../../http/api-queries.ts";
import { SLOT_SLUG, SlotCreate, SlotItemAdd, SlotItemsPut, SlotPatch, TOPIC_SLUG, TopicCreate, TopicMemberPut, TopicPatch } from "../../content/front-schemas.ts";
import { Slot, SlotChange, SlotList, Topic, TopicChange, TopicMemberPage, TopicPage } from "../../content/front-responses.ts";
import type { ErrorCode } from "../../domain/errors.ts";
import type { Answer, Operation } from "../operation.ts";
import { SLOT_CHANGE_EXAMPLE, SLOT_EXAMPLE, TOPIC_CHANGE_EXAMPLE, TOPIC_EXAMPLE, TOPIC_MEMBERS_EXAMPLE } from "../examples.ts";

const SLOTS = "Slots (推荐位)";
const TOPICS = "Topics (专题)";

const JSON_BODY: ErrorCode[] = ["payload_too_large", "unsupported_media_type"];
/** What a change to an existing slot or topic may answer: it is gone, or changed under the client. */
const CHANGE: ErrorCode[] = ["not_found", "version_conflict", "conflict"];
/** Why an article may not go into a slot. */
const ITEM: ErrorCode[] = ["invalid", "unknown_article", "not_published", "unknown_image", "needs_picture", "over_capacity"];

const pathText = (pattern: RegExp) => v.pipe(v.string(), v.regex(pattern));
const slotParam = { slug: { schema: pathText(SLOT_SLUG), description: "The slot's slug: `toutiao`, `huandeng`, `tuijian` or one the newsroom made." } };
const topicParam = { slug: { schema: pathText(TOPIC_SLUG), description: "The topic's slug, as in /special/<slug>/." } };
const articleParam = { article: { schema: pathText(/^[1-9][0-9]{0,15}$/), description: "The article's id." } };

const slotChanged: Answer = {
  description: "The slot as it now stands (its version is the ETag for the next If-Match), what a full slot pushed out, and what the edge cache is purging.",
  body: SlotChange,
  headers: ["ETag", "x-d1-bookmark"],
  example: SLOT_CHANGE_EXAMPLE,
};
const topicChanged: Answer = {
  description: "The topic as it now stands (its version is the ETag for the next If-Match), what the edge cache is purging and the feeds the hub is told of.",
  body: TopicChange,
  headers: ["ETag", "x-d1-bookmark"],
  example: TOPIC_CHANGE_EXAMPLE,
};
const deleted: Answer = { description: "Deleted.", headers: ["x-d1-bookmark"] };
const notModified: Answer = { description: "The client's copy (If-None-Match) is current.", headers: ["ETag"] };

export const frontOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/admin/slots",
    id: "listSlots",
    summary: "Every slot in its order, with its items",
    tag: SLOTS,
    access: "editor",
    query: NoQuery,
    answers: { 200: { description: "The slots.", body: SlotList, headers: ["x-d1-bookmark"], example: { items: [SLOT_EXAMPLE] } } },
    errors: [],
  },
  {
    method: "post",
    path: "/api/v1/admin/slots",
    id: "createSlot",
    summary: "Make a slot; the home page shows it in its right rail",
    tag: SLOTS,
    access: "admin",
    query: NoQuery,
    body: { required: true, content: { "application/json": SlotCreate } },
    answers: { 201: { ...slotChanged, description: "The new slot, empty.", headers: ["ETag", "Location", "x-d1-bookmark"] } },
    errors: [...JSON_BODY, "slug_taken"],
  },
  {
    method: "get",
    path: "/api/v1/admin/slots/{slug}",
    id: "getSlot",
    summary: "One slot and its items, expired ones included until the cron takes them out",
    tag: SLOTS,
    access: "editor",
    params: slotParam,
    query: NoQuery,
    headers: ["If-None-Match"],
    answers: { 200: { description: "The slot.", body: Slot, headers: ["ETag", "x-d1-bookmark"], example: SLOT_EXAMPLE }, 304: notModified },
    errors: ["not_found"],
  },
  {
    method: "patch",
    path: "/api/v1/admin/slots/{slug}",
    id: "editSlot",
    summary: "Rename a slot, or change its capacity, order or whether it needs pictures",
    tag: SLOTS,
    access: "admin",
    params: slotParam,
    query: NoQuery,
    headers: ["If-Match (required)"],
    body: { required: true, content: { "application/json": SlotPatch } },
    answers: { 200: slotChanged },
    errors: [...CHANGE, ...JSON_BODY, "precondition_required"],
  },
  {
    method: "delete",
    path: "/api/v1/admin/slots/{slug}",
    id: "deleteSlot",
    summary: "Delete a slot and its items",
    tag: SLOTS,
    access: "admin",
    params: slotParam,
    query: NoQuery,
    headers: ["If-Match (required)"],
    answers: { 204: deleted },
    errors: [...CHANGE, "precondition_required"],
  },
  {
    method: "put",
    path: "/api/v1/admin/slots/{slug}/items",
    id: "setSlotItems",
    summary: "Set a slot's items, in order: reorder, fill or empty it at once",
    tag: SLOTS,
    access: "editor",
    params: slotParam,
    query: NoQuery,
    headers: ["If-Match (required)"],
    body: { required: true, content: { "application/json": SlotItemsPut } },
    answers: { 200: slotChanged },
    errors: [...CHANGE, ...JSON_BODY, ...ITEM, "precondition_required"],
  },
  {
    method: "post",
    path: "/api/v1/admin/slots/{slug}/items",
    id: "addSlotItem",
    summary: "Put an article in a slot at a position (the top by default); already in, it moves there",
    description: "A full slot pushes its last item out (`dropped`). If-Match is honoured when sent.",
    tag: SLOTS,
    access: "editor",
    params: slotParam,
    query: NoQuery,
    headers: ["If-Match"],
    body: { required: true, content: { "application/json": SlotItemAdd } },
    answers: { 200: slotChanged },
    errors: [...CHANGE, ...JSON_BODY, ...ITEM],
  },
  {
    method: "delete",
    path: "/api/v1/admin/slots/{slug}/items/{article}",
    id: "removeSlotItem",
    summary: "Take an article out of a slot",
    tag: SLOTS,
    access: "editor",
    params: { ...slotParam, ...articleParam },
    query: NoQuery,
    headers: ["If-Match"],
    answers: { 200: slotChanged },
    errors: CHANGE,
  },
  {
    method: "get",
    path: "/api/v1/admin/topics",
    id: "listTopics",
    summary: "Topics, newest first",
    tag: TOPICS,
    access: "editor",
    query: TopicListQuery,
    answers: { 200: { description: "A page of topics.", body: TopicPage, headers: ["x-d1-bookmark"], example: { items: [TOPIC_EXAMPLE], next_cursor: null } } },
    errors: [],
  },
  {
    method: "post",
    path: "/api/v1/admin/topics",
    id: "createTopic",
    summary: "Make a topic with its groups (one without a heading when none is given)",
    tag: TOPICS,
    access: "editor",
    query: NoQuery,
    body: { required: true, content: { "application/json": TopicCreate } },
    answers: { 201: { ...topicChanged, description: "The new topic.", headers: ["ETag", "Location", "x-d1-bookmark"] } },
    errors: [...JSON_BODY, "slug_taken", "unknown_image", "body_too_large"],
  },
  {
    method: "get",
    path: "/api/v1/admin/topics/{slug}",
    id: "getTopic",
    summary: "One topic and its groups",
    tag: TOPICS,
    access: "editor",
    params: topicParam,
    query: NoQuery,
    headers: ["If-None-Match"],
    answers: { 200: { description: "The topic.", body: Topic, headers: ["ETag", "x-d1-bookmark"], example: TOPIC_EXAMPLE }, 304: notModified },
    errors: ["not_found"],
  },
  {
    method: "patch",
    path: "/api/v1/admin/topics/{slug}",
    id: "editTopic",
    summary: "Change a topic's title, banner, introduction or groups",
    description: "`groups` is the whole list in its new order: a group with an `id` is kept (renamed), one without is new, one left out is removed — only when empty.",
    tag: TOPICS,
    access: "editor",
    params: topicParam,
    query: NoQuery,
    headers: ["If-Match (required)"],
    body: { required: true, content: { "application/json": TopicPatch } },
    answers: { 200: topicChanged },
    errors: [...CHANGE, ...JSON_BODY, "precondition_required", "invalid", "unknown_group", "group_not_empty", "unknown_image", "body_too_large"],
  },
  {
    method: "delete",
    path: "/api/v1/admin/topics/{slug}",
    id: "deleteTopic",
    summary: "Delete a topic; its articles stay as they are",
    tag: TOPICS,
    access: "editor",
    params: topicParam,
    query: NoQuery,
    headers: ["If-Match (required)"],
    answers: { 204: deleted },
    errors: [...CHANGE, "precondition_required"],
  },
  {
    method: "get",
    path: "/api/v1/admin/topics/{slug}/articles",
    id: "listTopicArticles",
    summary: "A topic's articles, or one group's, latest added first (drafts included)",
    tag: TOPICS,
    access: "editor",
    params: topicParam,
    query: TopicMemberQuery,
    answers: { 200: { description: "A page of the topic's articles.", body: TopicMemberPage, headers: ["x-d1-bookmark"], example: TOPIC_MEMBERS_EXAMPLE } },
    errors: ["not_found"],
  },
  {
    method: "put",
    path: "/api/v1/admin/topics/{slug}/articles/{article}",
    id: "placeTopicArticle",
    summary: "Put an article in a topic's group (the first by default), or move it to another",
    description: "The body may be left out. Its page lists it while it is published. If-Match is honoured when sent.",
    tag: TOPICS,
    access: "editor",
    params: { ...topicParam, ...articleParam },
    query: NoQuery,
    headers: ["If-Match"],
    body: { required: false, content: { "application/json": TopicMemberPut } },
    answers: { 200: topicChanged },
    errors: [...CHANGE, ...JSON_BODY, "unknown_article", "unknown_group", "over_capacity"],
  },
  {
    method: "delete",
    path: "/api/v1/admin/topics/{slug}/articles/{article}",
    id: "removeTopicArticle",
    summary: "Take an article out of a topic",
    tag: TOPICS,
    access: "editor",
    params: { ...topicParam, ...articleParam },
    query: NoQuery,
    headers: ["If-Match"],
    answers: { 200: topicChanged },
    errors: CHANGE,
  },
];
