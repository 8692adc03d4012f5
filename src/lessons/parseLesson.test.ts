import { describe, expect, it } from "vitest";
import { assembleCourse, LessonError, type LessonFolder, parseLesson } from "./parseLesson.ts";

const validBody = `---
title: Fix the upload leak
slug: upload
summary: Stop the progress reporter.
time: 20
goals:
  - Read a goroutine dump.
files:
  - storage.ts
references:
  - storage.go
---

Text.
`;

const folder = {
  folder: "04-upload",
  body: validBody,
  fileNames: ["lesson.mdx", "facilitator.mdx", "storage.ts", "storage.go"],
};

describe("parseLesson", () => {
  it("reads the front matter and takes the order from the folder name", () => {
    const meta = parseLesson(folder);
    expect(meta).toEqual({
      title: "Fix the upload leak",
      slug: "upload",
      summary: "Stop the progress reporter.",
      time: 20,
      goals: ["Read a goroutine dump."],
      files: ["storage.ts"],
      references: ["storage.go"],
      checks: false,
      liveRun: false,
      companions: [],
      hints: [],
      order: 4,
      folder: "04-upload",
    });
  });

  it("reads what the lesson has: checks, a live run, companions, the replayed service", () => {
    const body = validBody.replace(
      "references:",
      `checks: true
liveRun: true
service: upload
companions:
  - { name: leaky, lesson: upload, from: lessons, file: storage.ts }
references:`,
    );
    expect(parseLesson({ ...folder, body })).toMatchObject({
      checks: true,
      liveRun: true,
      service: "upload",
      companions: [{ name: "leaky", lesson: "upload", from: "lessons", file: "storage.ts" }],
    });
  });

  it("defaults files and references to none for a reading lesson", () => {
    const body = validBody.replace(/files:[\s\S]*storage\.go\n/, "");
    expect(parseLesson({ ...folder, body, fileNames: ["lesson.mdx", "facilitator.mdx"] })).toMatchObject({
      files: [],
      references: [],
    });
  });

  const rejects: [string, Partial<LessonFolder>, RegExp][] = [
    ["a folder not named NN-slug", { folder: "upload" }, /lessons\/upload: folder name must be NN-slug/],
    ["a folder without lesson.mdx", { body: undefined }, /lessons\/04-upload: has no lesson\.mdx/],
    [
      "a lesson without facilitator notes",
      { fileNames: ["lesson.mdx", "storage.ts", "storage.go"] },
      /lessons\/04-upload: has no facilitator\.mdx/,
    ],
    ["a body without front matter", { body: "# Title\n" }, /must start with front matter/],
    ["front matter that is not YAML", { body: "---\ntitle: [unclosed\n---\n" }, /not valid YAML/],
    ["a missing title", { body: validBody.replace("title: Fix the upload leak\n", "") }, /title/],
    ["a negative time", { body: validBody.replace("time: 20", "time: -5") }, /time/],
    [
      "an empty goal list",
      { body: validBody.replace("goals:\n  - Read a goroutine dump.\n", "goals: []\n") },
      /goals/,
    ],
    ["an unknown key (a typo)", { body: validBody.replace("time: 20", "time: 20\ntiem: 20") }, /tiem/],
    [
      "a slug that is not the folder's",
      { folder: "04-uploads" },
      /slug "upload" does not match the folder name "04-uploads"/,
    ],
    [
      "a listed file that is missing",
      { fileNames: ["lesson.mdx", "facilitator.mdx", "storage.ts"] },
      /lists storage\.go, which is not in the folder/,
    ],
    [
      "a file path that leaves the folder",
      { body: validBody.replace("- storage.ts", "- ../secret.ts") },
      /files\.0/,
    ],
    [
      "a live run with no file to run",
      {
        body: validBody.replace(/files:[\s\S]*storage\.go\n/, "liveRun: true\n"),
        fileNames: ["lesson.mdx", "facilitator.mdx"],
      },
      /files must list the file that checks, liveRun or service work on/,
    ],
    [
      "companions without checks",
      {
        body: validBody.replace(
          "time: 20",
          "time: 20\ncompanions: [{ name: leaky, lesson: upload, from: lessons, file: storage.ts }]",
        ),
      },
      /companions only a lesson with checks: true has companions/,
    ],
    [
      "a companion from neither the lessons nor the solutions",
      {
        body: validBody.replace(
          "time: 20",
          "time: 20\nchecks: true\ncompanions: [{ name: leaky, lesson: upload, from: tests, file: storage.ts }]",
        ),
      },
      /companions\.0\.from/,
    ],
    [
      "checks that are not yes or no",
      { body: validBody.replace("time: 20", "time: 20\nchecks: storage.ts") },
      /checks/,
    ],
    [
      "a code file nobody lists",
      { fileNames: ["lesson.mdx", "facilitator.mdx", "storage.ts", "storage.go", "old.ts"] },
      /04-upload\/old\.ts: is not listed/,
    ],
  ];

  it.each(rejects)("rejects %s, naming the file", (_name, change, message) => {
    expect(() => parseLesson({ ...folder, ...change })).toThrow(LessonError);
    expect(() => parseLesson({ ...folder, ...change })).toThrow(message);
  });
});

describe("assembleCourse", () => {
  const lesson = (order: number, slug: string) => ({
    ...parseLesson(folder),
    order,
    slug,
    folder: `0${order}-${slug}`,
  });

  it("orders lessons by their number", () => {
    const course = assembleCourse([lesson(5, "sync"), lesson(4, "upload")]);
    expect(course.map((entry) => entry.slug)).toEqual(["upload", "sync"]);
  });

  it("rejects two lessons with the same number", () => {
    expect(() => assembleCourse([lesson(4, "upload"), lesson(4, "sync")])).toThrow(/shares number 4/);
  });

  it("rejects two lessons with the same slug", () => {
    expect(() => assembleCourse([lesson(4, "upload"), lesson(5, "upload")])).toThrow(/duplicate slug upload/);
  });

  it("rejects a companion that is no file of the lesson it names", () => {
    const companion = (file: string, from: "lessons" | "solutions" = "lessons") => ({
      ...lesson(8, "never-again"),
      checks: true,
      companions: [{ name: "leaky", lesson: "upload", from, file }],
    });
    expect(assembleCourse([lesson(4, "upload"), companion("storage.ts")])).toHaveLength(2);
    expect(() => assembleCourse([lesson(4, "upload"), companion("store.ts")])).toThrow(
      "lessons/08-never-again/lesson.mdx: companion leaky: lesson upload lists no file store.ts",
    );
    expect(() => assembleCourse([companion("storage.ts")])).toThrow(
      "lessons/08-never-again/lesson.mdx: companion leaky: there is no lesson upload",
    );
  });

  it("rejects two lessons that are the same replayed service", () => {
    const service = (order: number, slug: string) => ({ ...lesson(order, slug), service: "upload" });
    expect(() => assembleCourse([service(4, "upload"), service(5, "uploads")])).toThrow(
      "lessons/05-uploads/lesson.mdx: service upload is already lesson upload's",
    );
  });
});
