// The schemas the document names (components.schemas) rather than writes out where they are used: the
// request bodies, and the answers clients will want a type for.
import {
  ArticleCreate,
  ArticlePatch,
  ArticleRender,
  Byline as BylineInput,
  PasteRequest,
  PreviewRequest,
  PublishRequest,
  PurgeRequest,
  ReturnRequest,
  SubmitRequest,
} from "../content/schemas.ts";
import { FetchRequest } from "../media/metadata.ts";
import { KeyInput } from "../auth/key-input.ts";
import * as answers from "../content/responses.ts";
import * as people from "../content/staff-responses.ts";
import * as front from "../content/front-responses.ts";
import { SlotCreate, SlotItemInput, SlotPatch, TopicCreate, TopicPatch } from "../content/front-schemas.ts";
import { StaffInput, StaffPatch } from "../auth/staff-input.ts";
import type { Named } from "./json-schema.ts";

export type Components = { request: Named; response: Named };

export const ERROR_COMPONENT = "Error";

export const COMPONENTS: Components = {
  request: {
    ArticleCreate,
    ArticlePatch,
    ArticleRender,
    BylineInput,
    PublishRequest,
    SubmitRequest,
    ReturnRequest,
    PreviewRequest,
    PasteRequest,
    FetchRequest,
    KeyInput,
    PurgeRequest,
    StaffInput,
    StaffPatch,
    SlotCreate,
    SlotPatch,
    SlotItemInput,
    TopicCreate,
    TopicPatch,
  },
  response: {
    SectionRef: answers.SectionRef,
    Byline: answers.Byline,
    ArticleSummary: answers.ArticleSummary,
    Neighbour: answers.Neighbour,
    Article: answers.Article,
    AdminArticle: answers.AdminArticle,
    AdminArticleDetail: answers.AdminArticleDetail,
    AdminArticleItem: answers.AdminArticleItem,
    Review: answers.Review,
    Editing: answers.Editing,
    LastChange: answers.LastChange,
    AdminArticleChange: answers.AdminArticleChange,
    Purge: answers.Purge,
    Pings: answers.Pings,
    SectionNode: answers.SectionNode,
    SearchHit: answers.SearchHit,
    AdminSearchHit: answers.AdminSearchHit,
    Media: answers.Media,
    ApiKey: answers.ApiKey,
    Revision: answers.Revision,
    RevisionDetail: answers.RevisionDetail,
    Presence: answers.Presence,
    PreviewLink: answers.PreviewLink,
    Staff: people.Staff,
    Me: people.Me,
    Session: people.Session,
    Passkey: people.Passkey,
    Link: people.Link,
    AuditEntry: people.AuditEntry,
    Slot: front.Slot,
    SlotItem: front.SlotItem,
    Topic: front.Topic,
    TopicGroup: front.TopicGroup,
    TopicMember: front.TopicMember,
    [ERROR_COMPONENT]: answers.ErrorBody,
  },
};
