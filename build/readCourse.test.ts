import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readCourse } from "./readCourse.ts";

describe("readCourse on the real course", () => {
  it("validates every lesson folder and solution under lessons/ and solutions/", () => {
    const course = readCourse(process.cwd());
    expect(course.length).toBeGreaterThan(0);
    expect(course.map((lesson) => lesson.slug)).toContain("upload");
  });
});

describe("readCourse", () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  function writeTree(files: Record<string, string>): string {
    root = mkdtempSync(join(tmpdir(), "leak-lab-course-"));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, ".."), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  }

  const lessonMdx = `---
title: Sync
slug: sync
summary: Stop the watcher.
time: 15
goals: [Cancel a select.]
files: [sync.ts]
---
`;

  it("fails on a malformed lesson instead of leaving it out", () => {
    const dir = writeTree({
      "lessons/05-sync/lesson.mdx": lessonMdx,
      "lessons/05-sync/facilitator.mdx": "Notes.",
      "lessons/05-sync/sync.ts": "",
      "lessons/06-broken/lesson.mdx": "---\ntitle: Broken\n---\n",
      "lessons/06-broken/facilitator.mdx": "Notes.",
    });
    expect(() => readCourse(dir)).toThrow(/lessons\/06-broken\/lesson\.mdx: invalid front matter/);
  });

  it("fails on a folder with no lesson in it", () => {
    const dir = writeTree({ "lessons/07-empty/notes.txt": "" });
    expect(() => readCourse(dir)).toThrow(/lessons\/07-empty: has no lesson\.mdx/);
  });

  it("fails on a solution that belongs to no lesson", () => {
    const dir = writeTree({
      "lessons/05-sync/lesson.mdx": lessonMdx,
      "lessons/05-sync/facilitator.mdx": "Notes.",
      "lessons/05-sync/sync.ts": "",
      "solutions/05-synk/sync.ts": "",
    });
    expect(() => readCourse(dir)).toThrow(/solutions\/05-synk: has no lesson folder/);
  });

  it("fails on a solution file that fixes no starter or reference file", () => {
    const dir = writeTree({
      "lessons/05-sync/lesson.mdx": lessonMdx,
      "lessons/05-sync/facilitator.mdx": "Notes.",
      "lessons/05-sync/sync.ts": "",
      "solutions/05-sync/other.ts": "",
    });
    expect(() => readCourse(dir)).toThrow(
      /solutions\/05-sync\/other\.ts: is not one of the lesson's starter or reference files/,
    );
  });

  it("takes a fixed version of a reference file", () => {
    const withReference = lessonMdx.replace("files: [sync.ts]", "files: [sync.ts]\nreferences: [sync.go]");
    const dir = writeTree({
      "lessons/05-sync/lesson.mdx": withReference,
      "lessons/05-sync/facilitator.mdx": "Notes.",
      "lessons/05-sync/sync.ts": "",
      "lessons/05-sync/sync.go": "",
      "solutions/05-sync/sync.go": "",
    });
    expect(readCourse(dir).map((lesson) => lesson.references)).toEqual([["sync.go"]]);
  });

  it("fails on a companion taken from a solution that does not exist", () => {
    const withCompanion = (from: string) =>
      lessonMdx.replace(
        "files: [sync.ts]",
        `files: [sync.ts]\nchecks: true\ncompanions: [{ name: fixed, lesson: sync, from: ${from}, file: sync.ts }]`,
      );
    const tree = (from: string) => ({
      "lessons/05-sync/lesson.mdx": withCompanion(from),
      "lessons/05-sync/facilitator.mdx": "Notes.",
      "lessons/05-sync/sync.ts": "",
    });
    expect(readCourse(writeTree(tree("lessons")))).toHaveLength(1);
    expect(() => readCourse(writeTree(tree("solutions")))).toThrow(
      "lessons/05-sync/lesson.mdx: companion fixed: solutions/05-sync has no sync.ts",
    );
  });

  it("accepts a lesson with its solution", () => {
    const dir = writeTree({
      "lessons/05-sync/lesson.mdx": lessonMdx,
      "lessons/05-sync/facilitator.mdx": "Notes.",
      "lessons/05-sync/sync.ts": "",
      "solutions/05-sync/sync.ts": "",
    });
    expect(readCourse(dir).map((lesson) => lesson.folder)).toEqual(["05-sync"]);
  });
});
