/**
 * Serves the course as the module `virtual:lessons`: every lesson's validated front matter, plus lazy loaders
 * for its body (MDX, compiled by @mdx-js/rollup) and its files (as raw text). Reading and validating happen in
 * Node, so a malformed lesson stops `vite build` and `vite dev` with the file and the reason.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Plugin, ViteDevServer } from "vite";
import type { LessonMeta } from "../src/lessons/lessonSchema.ts";
import { FACILITATOR_FILE, LESSON_BODY_FILE } from "../src/lessons/parseLesson.ts";
import { readCourse } from "./readCourse.ts";

const PUBLIC_ID = "virtual:lessons";
const RESOLVED_ID = `\0${PUBLIC_ID}`;

/** `{ "name": () => import("path?raw") }`: each file its own lazily loaded chunk. */
function rawLoaders(base: string, files: readonly string[]): string {
  return files
    .map(
      (file) =>
        `${JSON.stringify(file)}: () => import(${JSON.stringify(`${base}/${file}?raw`)}).then((m) => m.default)`,
    )
    .join(",\n      ");
}

function lessonModuleSource(root: string, course: readonly LessonMeta[]): string {
  const entries = course.map((lesson) => {
    const base = `/lessons/${lesson.folder}`;
    const solutionBase = `/solutions/${lesson.folder}`;
    const solved = lesson.files.filter((file) => existsSync(join(root, "solutions", lesson.folder, file)));
    return `{
    meta: ${JSON.stringify(lesson)},
    loadBody: () => import(${JSON.stringify(`${base}/${LESSON_BODY_FILE}`)}),
    loadFacilitatorNotes: () => import(${JSON.stringify(`${base}/${FACILITATOR_FILE}`)}),
    fileLoaders: {
      ${rawLoaders(base, [...lesson.files, ...lesson.references])}
    },
    solutionLoaders: {
      ${rawLoaders(solutionBase, solved)}
    },
  }`;
  });
  return `export const lessons = [\n  ${entries.join(",\n  ")}\n];\n`;
}

export function lessonsPlugin(): Plugin {
  let root = process.cwd();
  let server: ViteDevServer | undefined;
  return {
    name: "leak-lab:lessons",
    configResolved(config) {
      root = config.root;
    },
    configureServer(devServer) {
      server = devServer;
      const lessonsDir = join(root, "lessons");
      devServer.watcher.add(lessonsDir);
      // A new, renamed or edited lesson changes the course index: rebuild it and reload the page.
      const refresh = (path: string) => {
        if (!path.startsWith(lessonsDir) && !path.startsWith(join(root, "solutions"))) return;
        const module = devServer.moduleGraph.getModuleById(RESOLVED_ID);
        if (module) devServer.moduleGraph.invalidateModule(module);
        devServer.ws.send({ type: "full-reload" });
      };
      devServer.watcher.on("add", refresh);
      devServer.watcher.on("unlink", refresh);
      devServer.watcher.on("addDir", refresh);
      devServer.watcher.on("unlinkDir", refresh);
      devServer.watcher.on("change", (path) => {
        if (path.endsWith(LESSON_BODY_FILE) || path.endsWith(FACILITATOR_FILE)) refresh(path);
      });
    },
    resolveId(id) {
      return id === PUBLIC_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      try {
        return lessonModuleSource(root, readCourse(root));
      } catch (error) {
        // In dev, show the overlay and keep serving; in a build, fail it.
        if (server) server.config.logger.error(String((error as Error).message));
        throw error;
      }
    },
  };
}
