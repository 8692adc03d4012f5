/**
 * SECURITY.md is the policy; docs/security-cases.md, the catalogue it links to, promises that each case is a
 * test and names the test: `file › describe › title`, with "…" for words left out and `<case>` for the part a
 * table of cases fills in. A renamed or deleted test would leave the catalogue promising a test nobody runs, so
 * every name either page quotes must still be the title of a test (or a describe) in the file it names, every
 * file they name must exist, and every case of the catalogue's bad-input table must be a case of both bad-input
 * matrices. The policy itself stays short enough to read: it links to the catalogue and keeps under 8 KB.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const root = new URL("../", import.meta.url);
const tracked = execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" }).split("\n");
const read = (file: string) => readFileSync(new URL(file, root), "utf8");

const POLICY = "SECURITY.md";
const CATALOGUE = "docs/security-cases.md";
const MAX_POLICY_BYTES = 8 * 1024;

/** A test named on the page: the file it is in, and the pieces of its name the page quotes. */
interface NamedTest {
  readonly quoted: string;
  readonly file: string | undefined;
  readonly pieces: readonly string[];
}

/** The tracked file a reference means: its path as written, or the one tracked file with that name. */
function resolve(reference: string): string | undefined {
  if (tracked.includes(reference)) return reference;
  const matches = tracked.filter((path) => path.endsWith(`/${reference}`));
  return matches.length === 1 ? matches[0] : undefined;
}

/** Every code span of a page, its white space made single spaces (a span may wrap across lines). */
function spansOf(page: string): string[] {
  return [...read(page).matchAll(/`([^`]+)`/g)].map(([, span = ""]) => span.replace(/\s+/g, " "));
}

/**
 * Every `… › …` a page quotes, in the file it names first. Without a file of its own ("`… › y`", or a name
 * quoted just after "`file.spec.ts`"), a quote means the file the page named last.
 */
function namedTests(page: string): NamedTest[] {
  let lastFile: string | undefined;
  const tests: NamedTest[] = [];
  for (const quoted of spansOf(page)) {
    const segments = quoted.split(" › ");
    const ownFile = resolve(segments[0] ?? "");
    if (ownFile !== undefined) lastFile = ownFile;
    if (segments.length === 1) continue;
    const pieces = (ownFile === undefined ? segments : segments.slice(1))
      .flatMap((segment) => segment.split("…"))
      .map((piece) => piece.trim().replace(/[,:]$/, "").trim())
      .filter((piece) => piece.length > 0);
    tests.push({ quoted, file: lastFile, pieces });
  }
  return tests;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Where a title written as a template takes a case's words: `${…}`, or `$name` or `%s` in a title of it.each. */
const PLACEHOLDER = /\$\{[^}]*\}|\$[\w.]+|%[sdifjo]/;

/** The titles of a file's tests and describes: the first argument of test(…), it(…), describe(…) and kin. */
function titles(source: string): string[] {
  // test("…"), test.describe("…"), and it.each(cases)("…"): a string right after "(" of a call that is one.
  const call =
    /(?:\b(?:test|it|describe)(?:\.\w+)*|\.each\([\s\S]*?\))\(\s*(?:"([^"\n]*)"|`([^`]*)`|'([^'\n]*)')/g;
  return [...source.matchAll(call)].map(([, double, template, single]) => double ?? template ?? single ?? "");
}

/**
 * The cases of a table of cases in the file (what `${testCase.name}` stands for): each `name: "…",` that ends its
 * line or comes before the case's `code:`, not a role's accessible name (`{ name: "Run", exact: true }`).
 */
function caseNames(source: string): string[] {
  return [...source.matchAll(/\bname: "([^"\n]+)",(?=\s*(?:\n|code:))/g)].map(([, name = ""]) => name);
}

/**
 * Whether a quoted piece of a test's name is part of a title in the file: word for word, or, for a title
 * written as a template (`${attempt.name}: …`, it.each's `"$name: …"`), with `<case>` or one case's name for
 * each placeholder; the page may stop after a placeholder (writing "…" for the rest).
 */
function inTitles(piece: string, source: string): boolean {
  const all = titles(source);
  if (all.some((title) => title.includes(piece))) return true;
  const placeholder = `(?:<[^>]+>|${caseNames(source).map(escapeRegExp).join("|") || "(?!)"})`;
  return all
    .filter((title) => PLACEHOLDER.test(title))
    .some((template) => templateTitle(template, placeholder).test(piece));
}

/** A template title as a pattern, with the given pattern for each placeholder; it may end after any of them. */
function templateTitle(template: string, placeholder: string): RegExp {
  const words = template.split(PLACEHOLDER);
  let pattern = escapeRegExp(words.at(-1) ?? "");
  for (let index = words.length - 2; index >= 0; index--) {
    pattern = `${escapeRegExp(words[index] ?? "")}${placeholder}(?:${pattern})?`;
  }
  return new RegExp(`^${pattern}$`);
}

describe.each([POLICY, CATALOGUE])("%s", (page) => {
  it("names only tests that exist, in files that exist", () => {
    const missing = namedTests(page).flatMap(({ quoted, file, pieces }) => {
      if (file === undefined) return [`${quoted}: no such file`];
      const source = read(file);
      return pieces
        .filter((piece) => !inTitles(piece, source))
        .map((piece) => `${quoted}: "${piece}" is no test's title in ${file}`);
    });
    expect(missing).toEqual([]);
  });

  it("names only files that exist", () => {
    const files = spansOf(page).filter((span) => /^[\w./-]+\.(?:ts|tsx|mjs|md)$/.test(span));
    expect(files.filter((file) => resolve(file) === undefined)).toEqual([]);
  });
});

it("lists as bad input only cases both matrices test", () => {
  const catalogue = read(CATALOGUE);
  const table = catalogue.slice(catalogue.indexOf("**Bad input in the editor**"));
  const rows = table.slice(0, table.indexOf("\n\n", table.indexOf("| ---"))).split("\n");
  const cases = rows
    .filter((row) => row.startsWith("| ") && !row.startsWith("| case") && !row.startsWith("| ---"))
    // The page writes a case's code in backticks (`while (true) {}` at load), and may show it after the name.
    .map((row) =>
      (row.split("|")[1] ?? "")
        .trim()
        .replace(/ \(`[^`]*`\)$/, "")
        .replaceAll("`", "")
        .trim(),
    );
  expect(cases.length).toBeGreaterThan(10);
  for (const matrix of ["e2e/hostileInput.spec.ts", "cli/hostileInput.test.ts"]) {
    const names = caseNames(read(matrix)).map((name) => name.replace(/\s+/g, " "));
    expect(
      cases.filter((name) => !names.includes(name)),
      matrix,
    ).toEqual([]);
  }
});

it("finds the test names it checks (the test reads the page it means to)", () => {
  expect(namedTests(CATALOGUE).length).toBeGreaterThan(30);
});

it("keeps the policy short, with the catalogue one link away", () => {
  const policy = read(POLICY);
  expect(Buffer.byteLength(policy, "utf8")).toBeLessThanOrEqual(MAX_POLICY_BYTES);
  expect(policy).toContain(`](${CATALOGUE})`);
});
