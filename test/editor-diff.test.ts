// The editor's conflict view diffs their text and mine by character (code point): what each side has that
// the other lacks, and nothing else marked. Putting the pieces together must give back both texts exactly.
import { describe, expect, it } from "vitest";
import { type Piece, diff } from "../client/lib/editor/diff.ts";

const theirsOf = (pieces: Piece[]) => pieces.filter((p) => p.op !== "mine").map((p) => p.text).join("");
const mineOf = (pieces: Piece[]) => pieces.filter((p) => p.op !== "theirs").map((p) => p.text).join("");
const changed = (pieces: Piece[]) => pieces.filter((p) => p.op !== "same").map((p) => `${p.op === "mine" ? "+" : "-"}${p.text}`);

describe("the conflict diff", () => {
  it("marks only the characters that differ in a Chinese sentence", () => {
    const pieces = diff("市政府召开常务会议，研究部署安全生产。", "市政府今天召开会议，研究部署冬季安全生产。");
    expect(changed(pieces)).toEqual(["+今天", "-常务", "+冬季"]);
  });

  it("gives back both texts exactly, whatever they are", () => {
    const pairs: [string, string][] = [
      ["", ""],
      ["", "全新的正文"],
      ["删掉的全部", ""],
      ["abc", "abc"],
      ["青岚日报讯 记者林晓", "青岚晚报讯 通讯员王芳 记者林晓"],
      ["第一段。\n\n第二段**加粗**。", "第一段，改过。\n\n第二段。\n\n第三段。"],
      ["aaaaabbbbbaaaaa", "bbbbbaaaaabbbbb"],
    ];
    for (const [theirs, mine] of pairs) {
      const pieces = diff(theirs, mine);
      expect(theirsOf(pieces)).toBe(theirs);
      expect(mineOf(pieces)).toBe(mine);
    }
  });

  it("never splits a character outside the Basic Multilingual Plane", () => {
    const pieces = diff("𠀀𠀁😀", "𠀀𠀂😀");
    expect(changed(pieces)).toEqual(["-𠀁", "+𠀂"]);
    for (const p of pieces) expect(p.text.isWellFormed()).toBe(true);
  });

  it("finds a shortest edit: one inserted character in a long text is one piece", () => {
    const long = "本网讯 ".repeat(2000);
    const pieces = diff(long, `${long.slice(0, 4000)}新${long.slice(4000)}`);
    expect(changed(pieces)).toEqual(["+新"]);
  });

  it("shows two texts with nothing in common as one replaced by the other, at once", () => {
    const theirs = "甲".repeat(30_000);
    const mine = "乙".repeat(30_000);
    expect(changed(diff(theirs, mine))).toEqual([`-${theirs}`, `+${mine}`]);
  });
});
