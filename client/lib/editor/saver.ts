// Autosave that cannot lose work. One save in flight at a time, at most one waiting behind it; each sends
// only what changed since the last save the server accepted, with If-Match of that save's version, so it can
// never overwrite someone else (a 412 stops saving and hands over to the conflict view). The fields are never
// written from an answer: what the person typed while a save was out stays, and is the next save. During an
// IME composition nothing is saved (the half-typed pinyin is not text yet).
import type { ApiError } from "../api.ts";
import { type Draft, patchOf } from "./draft.ts";

export type Saved = { id: number; version: number; status: string; url: string };
export type Sent = { ok: true; saved: Saved } | { ok: false; error: ApiError };

/** How the saver reaches the server (the admin API in the page; anything in a test). */
export type Transport = {
  create(body: Draft, idempotencyKey: string): Promise<Sent>;
  patch(id: number, version: number, patch: Partial<Draft>, autosave: boolean): Promise<Sent>;
};

export type SaveState =
  | { kind: "saved"; at: number | null }
  | { kind: "saving" }
  | { kind: "unsaved"; why: string }
  | { kind: "conflict" };

type Timers = { set(fn: () => void, ms: number): number; clear(handle: number): void; now(): number };

type SaverOptions = {
  read(): Draft;
  transport: Transport;
  timers: Timers;
  onState(state: SaveState): void;
  onSaved(saved: Saved, sent: Draft): void;
  onConflict(error: ApiError): void;
  onError(error: ApiError): void;
};

/** A save starts this long after the last keystroke. */
const QUIET_MS = 1500;
const RETRY_MS = [2_000, 5_000, 15_000, 30_000, 60_000];

export class Saver {
  /** What the server holds, as this editor last saved it (or loaded it). */
  base: Draft;
  id: number | null;
  version: number | null;
  status: string;
  composing = false;
  /** Why autosave stopped (someone took the article over): only an explicit save goes, If-Match deciding. */
  autosaveOff: string | null = null;
  private conflicted = false;
  private lastProblem = "";
  private timer: number | null = null;
  private failures = 0;
  private tail: Promise<unknown> = Promise.resolve();
  private queued: Promise<boolean> | null = null;
  private queuedExplicit = false;
  private inFlight = false;
  /** A create whose answer never came: retried with the same key and body, so it makes one article. */
  private pendingCreate: { key: string; body: Draft } | null = null;

  private readonly o: SaverOptions;
  constructor(o: SaverOptions, start: { base: Draft; id: number | null; version: number | null; status: string }) {
    this.o = o;
    this.base = start.base;
    this.id = start.id;
    this.version = start.version;
    this.status = start.status;
  }

  dirty(): boolean {
    return Object.keys(patchOf(this.base, this.o.read())).length > 0;
  }

  /** Work not yet on the server: changed fields, or a save still out. */
  unsafe(): boolean {
    return this.inFlight || this.dirty();
  }

  blocked(): boolean {
    return this.conflicted;
  }

  /** The save state shown, and remembered for problem(). */
  private state(s: SaveState): void {
    if (s.kind !== "saving") this.lastProblem = s.kind === "unsaved" ? s.why : "";
    this.o.onState(s);
  }

  /** Why the last save did not reach the server, as the state line says it; "" when nothing is wrong. */
  problem(): string {
    return this.lastProblem;
  }

  /** Something was typed: a save a moment after the typing stops (not while composing). */
  touch(): void {
    if (this.conflicted) return;
    this.state(this.dirty() ? { kind: "unsaved", why: "" } : { kind: "saved", at: this.o.timers.now() });
    this.schedule(QUIET_MS);
  }

  private schedule(ms: number): void {
    if (this.timer !== null) this.o.timers.clear(this.timer);
    this.timer = this.o.timers.set(() => {
      this.timer = null;
      void this.save(false);
    }, ms);
  }

  /** Saves now (leaving a field, hiding the tab, Ctrl+S); resolves true once everything typed is saved. */
  save(explicit: boolean): Promise<boolean> {
    this.queuedExplicit ||= explicit;
    if (this.queued) return this.queued;
    const run = this.tail.then(() => {
      this.queued = null;
      const e = this.queuedExplicit;
      this.queuedExplicit = false;
      return this.saveOnce(e);
    });
    this.queued = run;
    this.tail = run.catch(() => false);
    return run;
  }

  /** After a conflict: continue from `theirs` (its version), the person's choice made. */
  resume(theirs: Draft, version: number, status: string): void {
    this.conflicted = false;
    this.base = theirs;
    this.version = version;
    this.status = status;
    this.failures = 0;
  }

  private why(error: ApiError): string {
    return error.status === 0 ? "网络断开，内容已保存在本机，恢复连接后自动重试" : "保存失败，内容已保存在本机";
  }

  private async saveOnce(explicit: boolean): Promise<boolean> {
    if (this.conflicted) return false;
    if (this.composing) return false;
    if (this.timer !== null) {
      this.o.timers.clear(this.timer);
      this.timer = null;
    }
    const now = this.o.read();
    let sent: Draft;
    let answer: Promise<Sent>;
    if (this.id === null) {
      if (this.pendingCreate === null) {
        if (now.section === "" || now.title.trim() === "") {
          this.state({ kind: "unsaved", why: "选好栏目、填写标题后才能保存到服务器；内容已保存在本机" });
          return false;
        }
        this.pendingCreate = { key: crypto.randomUUID(), body: now };
      }
      sent = this.pendingCreate.body;
      answer = this.o.transport.create(sent, this.pendingCreate.key);
    } else {
      const patch = patchOf(this.base, now);
      if (Object.keys(patch).length === 0) {
        this.state({ kind: "saved", at: this.o.timers.now() });
        return true;
      }
      if (!explicit && this.autosaveOff !== null) {
        this.o.onState({ kind: "unsaved", why: this.autosaveOff });
        return false;
      }
      // Every save of a published article is live at once: half a sentence must not reach readers by itself.
      if (!explicit && this.status === "published") {
        this.state({ kind: "unsaved", why: "已发布的文章不自动保存：按“保存”后改动才会上线；内容已保存在本机" });
        return false;
      }
      sent = now;
      answer = this.o.transport.patch(this.id, this.version ?? 0, patch, !explicit);
    }
    this.inFlight = true;
    this.state({ kind: "saving" });
    const result = await answer;
    this.inFlight = false;
    if (result.ok) {
      this.pendingCreate = null;
      this.failures = 0;
      this.base = sent;
      this.id = result.saved.id;
      this.version = result.saved.version;
      this.status = result.saved.status;
      this.o.onSaved(result.saved, sent);
      const more = this.dirty();
      this.state(more ? { kind: "unsaved", why: "" } : { kind: "saved", at: this.o.timers.now() });
      if (more && !this.composing) this.schedule(QUIET_MS);
      return !more;
    }
    const { error } = result;
    if (error.status === 412) {
      this.conflicted = true;
      this.state({ kind: "conflict" });
      this.o.onConflict(error);
      return false;
    }
    this.state({ kind: "unsaved", why: this.why(error) });
    if (error.status === 0 || error.status >= 500) {
      this.schedule(RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)] ?? 60_000);
      this.failures += 1;
    } else {
      this.o.onError(error);
    }
    return false;
  }
}
