// A member named twice in a JSON body: found at any depth, by its decoded name, and only among names.
import { describe, expect, it } from "vitest";
import { duplicateMemberPath } from "../src/http/duplicate-members.ts";

describe("duplicateMemberPath", () => {
  it("names the member given twice, at the top and at any depth, as validation paths do", () => {
    expect(duplicateMemberPath('{"title":"a","title":"b"}')).toBe("title");
    expect(duplicateMemberPath('{"title":"a","bylines":[{"name":"甲","role":"记者"},{"name":"乙","name":"丙"}]}')).toBe("bylines.1.name");
    expect(duplicateMemberPath('{"a":{"b":[[1,2],{"c":{"d":1,"d":2}}]}}')).toBe("a.b.1.c.d");
  });

  it("compares names as decoded, so an escape does not hide a repeat", () => {
    expect(duplicateMemberPath('{"title":"a","ti\\u0074le":"b"}')).toBe("title");
    expect(duplicateMemberPath('{"\\"q\\"":1,"\\u0022q\\u0022":2}')).toBe('"q"');
  });

  it("finds nothing where names repeat only in different objects, or in values", () => {
    expect(duplicateMemberPath('{"bylines":[{"name":"甲"},{"name":"乙"}],"name":"x"}')).toBeNull();
    expect(duplicateMemberPath('{"title":"\\"title\\":","body":"title, title","tags":["title","title"]}')).toBeNull();
    expect(duplicateMemberPath('{"body":"ends in a backslash \\\\","title":"x"}')).toBeNull();
    expect(duplicateMemberPath('{"a":{},"b":[],"c":{"a":{}}}')).toBeNull();
  });

  it("reads a long body without confusing escaped quotes for the end of a string", () => {
    const body = 'x\\"y '.repeat(100_000);
    expect(duplicateMemberPath(`{"body":"${body}","title":"a","summary":"\\"title\\":1","title":"b"}`)).toBe("title");
  });
});
