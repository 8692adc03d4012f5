/**
 * Every link in the course's text goes somewhere: an app page that exists (a lesson by its slug, the memory
 * model, the lesson list) or an https address (opened by the learner, never fetched by the app).
 */
import { readdirSync, readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { parseRoute } from "../src/state/route.ts";

const lessonsDir = new URL("../lessons/", import.meta.url);
const folders = readdirSync(lessonsDir);
const slugs = new Set(folders.map((folder) => folder.replace(/^\d{2}-/, "")));

/** [file, target] for every Markdown link and JSX href in the lesson texts and facilitator notes. */
function links(): [string, string][] {
  return folders.flatMap((folder) =>
    ["lesson.mdx", "facilitator.mdx"].flatMap((file) => {
      const text = readFileSync(new URL(`${folder}/${file}`, lessonsDir), "utf8");
      const targets = [...text.matchAll(/\]\(([^)\s]+)\)|href="([^"]+)"/g)].map(
        (match) => match[1] ?? match[2] ?? "",
      );
      return targets.map((target): [string, string] => [`lessons/${folder}/${file}`, target]);
    }),
  );
}

it("links only to app pages that exist or to https addresses", () => {
  const broken = links().filter(([, target]) => {
    if (target.startsWith("https://")) return false;
    const route = parseRoute(target.split("#")[0]);
    if (route === undefined) return true;
    return route.page === "lesson" && !slugs.has(route.slug);
  });
  expect(broken).toEqual([]);
});

it("finds the links it checks (the test reads the files it means to)", () => {
  expect(links().length).toBeGreaterThan(0);
});
