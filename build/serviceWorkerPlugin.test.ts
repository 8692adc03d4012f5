import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { precacheManifest, serviceWorkerSource } from "./serviceWorkerPlugin.ts";

describe("precacheManifest", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function build(files: Record<string, string>): string {
    dir = mkdtempSync(join(tmpdir(), "leak-lab-sw-"));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, ".."), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }

  it("lists every file of the build but source maps, reports, the 404 copy and the worker itself", () => {
    const manifest = precacheManifest(
      build({
        "index.html": "<html>",
        "404.html": "<html>",
        "sw.js": "",
        "favicon.svg": "<svg>",
        "bundle-report.json": "{}",
        "assets/index-a1.js": "",
        "assets/index-a1.js.map": "",
        "assets/codicon-b2.ttf": "",
      }),
    );
    expect(manifest.files).toEqual([
      "assets/codicon-b2.ttf",
      "assets/index-a1.js",
      "favicon.svg",
      "index.html",
    ]);
  });

  it("has a version that changes with any file's contents", () => {
    const first = precacheManifest(build({ "index.html": "a", "assets/x.js": "1" })).version;
    const same = precacheManifest(build({ "index.html": "a", "assets/x.js": "1" })).version;
    const changed = precacheManifest(build({ "index.html": "a", "assets/x.js": "2" })).version;
    expect(same).toBe(first);
    expect(changed).not.toBe(first);
  });
});

describe("serviceWorkerSource", () => {
  it("is a classic script calling the worker function on its global scope with the manifest", () => {
    const source = serviceWorkerSource({ version: "abc", files: ["index.html"] });
    expect(source).not.toMatch(/^\s*(import|export)\b/m);
    expect(() => new Function(source)).not.toThrow();
    expect(source).toContain('"version": "abc"');
  });
});
