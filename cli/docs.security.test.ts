/**
 * SECURITY.md promises that each case it lists is a test, and names the test: `file › describe › title`, with
 * "…" for words left out and `<case>` for the part a table of cases fills in. A renamed or deleted test would
 * leave the page promising a test nobody runs, so every name it quotes must still be found in the file it names.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";

const root = new URL("../", import.meta.url);
const security = readFileSync(new URL("SECURITY.md", root), "utf8");
const tracked = execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" }).split("\n");

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

/**
 * Every `… › …` the page quotes, in the file it names first. Without a file of its own ("`… › y`", or a name
 * quoted just after "`file.spec.ts`"), a quote means the file the page named last.
 */
function namedTests(): NamedTest[] {
  let lastFile: string | undefined;
  const tests: NamedTest[] = [];
  for (const [, span = ""] of security.matchAll(/`([^`]+)`/g)) {
    const quoted = span.replace(/\s+/g, " ");
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

/** Where a title written as a template takes a case's words: `${…}`, or `$name` in a title of it.each. */
const PLACEHOLDER = /\$\{[^}]*\}|\$[\w.]+/;

/**
 * Whether a quoted piece of a test's name is in its file: word for word, or as a title written as a template
 * (`${attempt.name}: …`, or it.each's `"$name: …"`). For each placeholder the page writes `<case>`, or the words
 * of one case as the file spells them in a string; it may stop after a placeholder (writing "…" for the rest).
 */
function inSource(piece: string, source: string): boolean {
  if (source.includes(piece)) return true;
  const caseWords = [...source.matchAll(/"([^"\\\n]+)"/g)].map(([, words = ""]) => escapeRegExp(words));
  const placeholder = `(?:<[^>]+>|${caseWords.join("|")})`;
  const templates = [...source.matchAll(/`([^`]*\$\{[^`]*)`|"([^"\n]*\$\w[^"\n]*)"/g)].map(
    ([, template, eachTitle]) => template ?? eachTitle ?? "",
  );
  return templates.some((template) => templateTitle(template, placeholder).test(piece));
}

/**
 * A template title as a pattern, with the given pattern for each placeholder. It may end after a placeholder
 * once some of its own words have come (a title that starts with one is not matched by a case's words alone).
 */
function templateTitle(template: string, placeholder: string): RegExp {
  const words = template.split(PLACEHOLDER);
  let pattern = escapeRegExp(words.at(-1) ?? "");
  for (let index = words.length - 2; index >= 0; index--) {
    const mayEndHere = words.slice(0, index + 1).some((part) => part.trim().length > 0);
    const rest = mayEndHere ? `(?:${pattern})?` : pattern;
    pattern = `${escapeRegExp(words[index] ?? "")}${placeholder}${rest}`;
  }
  return new RegExp(`^${pattern}$`);
}

it("names only tests that exist, in files that exist", () => {
  const missing = namedTests().flatMap(({ quoted, file, pieces }) => {
    if (file === undefined) return [`${quoted}: no such file`];
    const source = readFileSync(new URL(file, root), "utf8");
    return pieces
      .filter((piece) => !inSource(piece, source))
      .map((piece) => `${quoted}: "${piece}" not in ${file}`);
  });
  expect(missing).toEqual([]);
});

it("finds the test names it checks (the test reads the page it means to)", () => {
  expect(namedTests().length).toBeGreaterThan(30);
});
