// The rules every text an editor sends is held to (one line, required or not, or several), each check named
// by the rule it stands for, so that a refusal says which rule and limit a field broke: clients word it in
// their own language (the desk in Chinese). The request shapes that use them: schemas.ts, front-schemas.ts.
import * as v from "valibot";
import type { ErrorDetail } from "../domain/errors.ts";
import { CONTROL_EXCEPT_NEWLINES, NOT_IN_LINE, codePointLength, hasVisibleText, trimInvisible } from "./text.ts";
import { linePattern, trimmedTextPattern, untrimmedTextPattern } from "./text-patterns.ts";

/**
 * The rule a check of ours stands for, by its requirement: valibot names every check `check`, and a client
 * that words refusals in its own language (the desk, in Chinese) needs to know which rule and what limit.
 */
const NAMED_RULES = new WeakMap<object, { rule: string; limit?: number }>();

const named = <T>(rule: string, requirement: (input: T) => boolean, message: string, limit?: number) => {
  NAMED_RULES.set(requirement, limit === undefined ? { rule } : { rule, limit });
  return v.check(requirement, message);
};

/** Text a database and a browser can store and show: no lone UTF-16 surrogates. */
const wellFormed = named("unicode", (s: string) => s.isWellFormed(), "must be valid Unicode text");

const atMost = (max: number) => named("max_characters", (s: string) => codePointLength(s) <= max, `must be at most ${max} characters`, max);

/**
 * One line of text, trimmed of anything invisible at its ends, at most `max` characters. The metadata says
 * the same as the checks after the trim, as the JSON Schema the API document publishes (text-patterns.ts);
 * `refused` names more characters the line may not hold, with the check that refuses them.
 */
export const line = (max: number, refused?: { chars: string; message: string }) => {
  const refusedChars = refused ? new RegExp(`[${refused.chars}]`, "u") : null;
  return v.pipe(
    v.string("must be a string"),
    v.metadata<string, Record<string, unknown>>({
      pattern: linePattern(max, { refused: refused?.chars ?? "" }),
      description: `One line, at most ${max} characters once invisible characters at either end are trimmed; no control characters, line separators or bidi overrides.`,
    }),
    v.transform(trimInvisible),
    wellFormed,
    atMost(max),
    named("one_line", (s: string) => !NOT_IN_LINE.test(s), "must be one line without control characters"),
    named("refused_characters", (s: string) => !refusedChars?.test(s), refused?.message ?? ""),
  );
};

/** One line that must show something: a title of zero-width spaces is as empty as "". */
export const requiredLine = (max: number) =>
  v.pipe(
    v.string("must be a string"),
    v.metadata<string, Record<string, unknown>>({
      pattern: linePattern(max, { visible: true }),
      description: `One line that shows something, at most ${max} characters once invisible characters at either end are trimmed; no control characters, line separators or bidi overrides.`,
    }),
    v.transform(trimInvisible),
    wellFormed,
    atMost(max),
    named("one_line", (s: string) => !NOT_IN_LINE.test(s), "must be one line without control characters"),
    named("not_empty", hasVisibleText, "must not be empty"),
  );

/** Text that may run over lines; `visible` (trimmed text only): it must show something, or this message. */
export const multiline = (max: number, trim: boolean, visible?: string) =>
  v.pipe(
    v.string("must be a string"),
    v.metadata<string, Record<string, unknown>>(
      trim
        ? {
            pattern: trimmedTextPattern(max, { visible: visible !== undefined }),
            description: `${visible ? "Text that shows something, at most" : "At most"} ${max} characters once invisible characters at either end are trimmed; no control characters but tabs and newlines.`,
          }
        : { pattern: untrimmedTextPattern, maxLength: max, description: `At most ${max} characters; no control characters but tabs and newlines.` },
    ),
    v.transform((s: string) => (trim ? trimInvisible(s) : s)),
    wellFormed,
    atMost(max),
    named("no_control", (s: string) => !CONTROL_EXCEPT_NEWLINES.test(s), "must not contain control characters"),
    v.check((s) => visible === undefined || hasVisibleText(s), visible ?? ""),
  );

/** Which rule an issue reports: a named check's own name and limit, else valibot's (`regex`, `max_length`…). */
function ruleOf(issue: v.BaseIssue<unknown>): { rule: string; limit?: number } {
  const requirement = issue.requirement;
  const ours = typeof requirement === "function" ? NAMED_RULES.get(requirement) : undefined;
  if (ours) return ours;
  return typeof requirement === "number" ? { rule: issue.type, limit: requirement } : { rule: issue.type };
}

/** Every problem valibot found, by field path (`bylines.0.role`) and rule, for a 400 answer. */
export function issueDetails(issues: readonly v.BaseIssue<unknown>[]): ErrorDetail[] {
  return issues.map((issue) => ({ path: v.getDotPath(issue) ?? "(body)", message: issue.message, ...ruleOf(issue) }));
}

