/**
 * Code and docs cite the design docs by heading (`docs/ARCHITECTURE.md#layers`, `docs/evidence.md#e3`), so a
 * renamed heading would leave those citations pointing nowhere. Every such citation, and every relative link in
 * the repository's Markdown pages, must lead to a file that exists and, when it names one, a heading in it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { expect, it } from "vitest";

const root = new URL("../", import.meta.url);
const tracked = execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" })
  .split("\n")
  .filter(Boolean);
const read = (file: string) => readFileSync(new URL(file, root), "utf8");

/** The anchor a host gives a heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
}

/** The anchors of a Markdown file's headings (code blocks left out). */
function anchors(file: string): Set<string> {
  const text = read(file).replace(/```[\s\S]*?```/g, "");
  return new Set([...text.matchAll(/^#{1,6} +(.+)$/gm)].map(([, heading = ""]) => slug(heading)));
}

/** What is wrong with a reference to `file#anchor` (anchor may be empty), or undefined when it leads somewhere. */
function broken(file: string, anchor: string): string | undefined {
  if (!existsSync(new URL(file, root))) return "no such file";
  if (anchor === "" || !file.endsWith(".md")) return undefined;
  return anchors(file).has(anchor) ? undefined : `no heading #${anchor}`;
}

const pages = tracked.filter((file) => file.endsWith(".md") && file !== "docs/incident-report.md");

it("leads every relative link of a Markdown page to a file and heading that exist", () => {
  const problems = pages.flatMap((page) =>
    [...read(page).matchAll(/\]\(([^)\s]+)\)/g)].flatMap(([, target = ""]) => {
      if (/^[a-z]+:/.test(target)) return [];
      const [path = "", anchor = ""] = target.split("#");
      const file = path === "" ? page : normalize(join(dirname(page), path));
      const problem = broken(file, anchor);
      return problem === undefined ? [] : [`${page}: ${target}: ${problem}`];
    }),
  );
  expect(problems).toEqual([]);
});

/** `docs/evidence.md#e3`, `CONTRIBUTING.md#tests` and the like, as code and docs cite them. */
const CITATION = /\b((?:docs\/[\w.-]+|CONTRIBUTING|SECURITY|README)\.md)#([\w-]+)/g;
const citing = tracked.filter((file) => /\.(?:ts|tsx|mjs|md|mdx|json)$/.test(file));

it("leads every citation of a doc's heading to a heading that exists", () => {
  const problems = citing.flatMap((source) =>
    [...read(source).matchAll(CITATION)].flatMap(([quoted, file = "", anchor = ""]) => {
      const problem = broken(file, anchor);
      return problem === undefined ? [] : [`${source}: ${quoted}: ${problem}`];
    }),
  );
  expect(problems).toEqual([]);
});

it("keeps the headings code cites", () => {
  expect([...anchors("docs/ARCHITECTURE.md")]).toEqual(
    expect.arrayContaining(["layers", "folders", "workers", "protocol", "stores", "determinism"]),
  );
  expect([...anchors("docs/evidence.md")]).toEqual(
    expect.arrayContaining(["e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9"]),
  );
});
