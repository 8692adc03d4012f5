/**
 * Go in the browser (issue 17): the run worker builds a Go file as `go build` judges it, errors at their lines,
 * and the Go front end and its grammar's WebAssembly are fetched only when a build is asked for: neither the
 * page nor the standby run worker a lesson starts fetches them.
 */
import { readdirSync } from "node:fs";
import { testBudget } from "./budgets.ts";
import { openUpload } from "./editorHelpers.ts";
import { expect, test } from "./fixtures.ts";

const sandboxFile = readdirSync("dist/assets").find((file) => /^sandbox-[\w-]+\.js$/.test(file));

interface GoBuilt {
  readonly type: string;
  readonly errors?: readonly { line: number; column: number; message: string }[];
}

/** The worker's globals, in code passed to the browser. */
declare class Worker {
  constructor(url: string, options: { type: "module" });
  onmessage: ((event: { data: GoBuilt }) => void) | null;
  onerror: ((event: { message: string }) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}

const GOOD = `package main

import (
	"fmt"
	"time"
)

func main() {
	progress := make(chan int, 16)
	go func() {
		for n := range progress {
			fmt.Println(n)
			time.Sleep(time.Second)
		}
	}()
	progress <- 1
}
`;

const BROKEN = `package main

import "fmt"

func main() {
	count := 0
	fmt.Println(undefinedName)
}
`;

test("the run worker builds Go, with errors at their lines, fetching the grammar only then", async ({
  page,
  context,
}) => {
  test.setTimeout(testBudget({ lesson: 1, goBuild: 2 }));
  // Every request of the context: the page's and its workers' (the lesson starts a standby run worker).
  const requested: string[] = [];
  context.on("request", (request) => requested.push(new URL(request.url()).pathname));
  await openUpload(page);
  await expect.poll(() => requested.some((path) => /\/sandbox-[\w-]+\.js$/.test(path))).toBe(true);
  await page.waitForLoadState("networkidle");
  const lazy = (path: string) => /\.wasm$|\/goBuildJob-/.test(path);
  expect(requested.filter(lazy), "Go's chunk and WebAssembly, fetched before any build").toEqual([]);

  expect(sandboxFile, "the run worker's file, assets/sandbox-<hash>.js").toBeDefined();
  const build = (source: string) =>
    page.evaluate(
      ({ file, source }) =>
        new Promise<GoBuilt>((resolve, reject) => {
          const worker = new Worker(`/assets/${file}`, { type: "module" });
          worker.onmessage = ({ data }) => {
            if (data.type === "heartbeat") return;
            worker.terminate();
            resolve(data);
          };
          worker.onerror = (event) => reject(new Error(event.message));
          worker.postMessage({ type: "goBuild", runId: 1, fileName: "main.go", source });
        }),
      { file: sandboxFile as string, source },
    );

  const broken = await test.step("a file that does not build", () => build(BROKEN));
  expect(broken).toMatchObject({
    type: "goBuilt",
    errors: [
      { line: 6, column: 2, message: "declared and not used: count" },
      { line: 7, column: 14, message: "undefined: undefinedName" },
    ],
  });
  // Fetched now, for the build: the front end as a chunk of its own, the engine's and the grammar's WebAssembly.
  const unhashed = (path: string) => path.replace(/-[\w-]{8}\.(js|wasm)$/, ".$1");
  expect(requested.filter(lazy).map(unhashed)).toEqual(
    expect.arrayContaining([
      "/assets/goBuildJob.js",
      "/assets/web-tree-sitter.wasm",
      "/assets/tree-sitter-go.wasm",
    ]),
  );

  const good = await build(GOOD);
  expect(good).toMatchObject({ type: "goBuilt", errors: [] });
});
