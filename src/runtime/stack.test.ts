import { describe, expect, it } from "vitest";
import { captureStack, fileName, MAX_FUNCTION_NAME, parseSite, UNKNOWN_SITE } from "./stack.ts";

/** The line this function is called from, read off a plain Error's stack. */
function lineHere(): number {
  const frame = new Error().stack?.split("\n")[2] ?? "";
  return Number(/:(\d+):\d+\)?$/.exec(frame)?.[1]);
}

describe("fileName", () => {
  it("keeps only the last path segment of a URL or path", () => {
    expect(fileName("http://localhost:5173/src/services/storage.ts")).toBe("storage.ts");
    expect(fileName("file:///work/main/src/runtime/chan.ts")).toBe("chan.ts");
    expect(fileName("/work/main/src/runtime/chan.ts")).toBe("chan.ts");
    expect(fileName("storage.ts")).toBe("storage.ts");
  });

  it("drops a query string and a hash", () => {
    expect(fileName("http://localhost:5173/src/storage.ts?t=1712345678")).toBe("storage.ts");
    expect(fileName("http://localhost:5173/src/storage.ts#L67")).toBe("storage.ts");
    expect(fileName("http://localhost:5173/src/storage.ts?import&v=3#top")).toBe("storage.ts");
  });
});

describe("parseSite", () => {
  it("reads the first frame of a V8 stack: function, file and line", () => {
    const stack = [
      "Error",
      "    at StorageService.upload (http://localhost:5173/src/storage.ts?t=17:67:12)",
      "    at main (http://localhost:5173/src/main.ts:3:1)",
    ].join("\n");
    expect(parseSite({ stack })).toEqual({
      fn: "StorageService.upload",
      file: "storage.ts",
      line: 67,
      key: "storage.ts:67",
    });
  });

  it("cuts a function name of a megabyte (a computed method name) to MAX_FUNCTION_NAME characters", () => {
    const name = "m".repeat(1_000_000);
    const stack = ["Error", `    at StorageService.${name} (http://localhost:5173/src/storage.ts:9:3)`].join(
      "\n",
    );
    const site = parseSite({ stack });
    expect(site.fn).toBe(`StorageService.${"m".repeat(MAX_FUNCTION_NAME - "StorageService.".length)}…`);
    expect(site.key).toBe("storage.ts:9");
  });

  it("names V8 async, constructor and anonymous frames", () => {
    expect(parseSite({ stack: "Error\n    at async handle (file:///srv/app/handler.ts:12:5)" })).toEqual({
      fn: "handle",
      file: "handler.ts",
      line: 12,
      key: "handler.ts:12",
    });
    expect(parseSite({ stack: "Error\n    at new Poller (/srv/app/poller.ts:8:20)" }).fn).toBe("new Poller");
    expect(parseSite({ stack: "Error\n    at /srv/app/poller.ts:31:7" })).toEqual({
      fn: "(anonymous)",
      file: "poller.ts",
      line: 31,
      key: "poller.ts:31",
    });
    expect(parseSite({ stack: "Error\n    at Object.<anonymous> (/srv/app/index.ts:2:9)" }).fn).toBe(
      "Object.<anonymous>",
    );
  });

  it("skips V8 frames that have no file position", () => {
    const stack = [
      "Error",
      "    at new Promise (<anonymous>)",
      "    at async Promise.all (index 0)",
      "    at fetchAll (http://localhost:5173/src/fetch.ts:40:3)",
    ].join("\n");
    expect(parseSite({ stack }).key).toBe("fetch.ts:40");
  });

  it("reads Firefox and Safari frames, named or anonymous", () => {
    const stack = [
      "StorageService.prototype.upload@http://localhost:5173/src/storage.ts?v=2:67:12",
      "main@http://localhost:5173/src/main.ts:3:1",
    ].join("\n");
    expect(parseSite({ stack })).toEqual({
      fn: "StorageService.prototype.upload",
      file: "storage.ts",
      line: 67,
      key: "storage.ts:67",
    });
    expect(parseSite({ stack: "@http://localhost:5173/src/poller.ts:31:7" })).toEqual({
      fn: "(anonymous)",
      file: "poller.ts",
      line: 31,
      key: "poller.ts:31",
    });
    expect(parseSite({ stack: "[native code]\nhandle@http://localhost/src/h.ts:9:2" }).key).toBe("h.ts:9");
  });

  it("skips the runtime's own frames up to and including skipThrough on engines without captureStackTrace", () => {
    const stack = [
      "captureStack@http://localhost:5173/src/runtime/stack.ts:40:21",
      "go@http://localhost:5173/src/runtime/index.ts:35:20",
      "startWatcher@http://localhost:5173/src/watcher.ts:14:3",
      "main@http://localhost:5173/src/main.ts:3:1",
    ].join("\n");
    expect(parseSite({ stack, skipThrough: "go" })).toEqual({
      fn: "startWatcher",
      file: "watcher.ts",
      line: 14,
      key: "watcher.ts:14",
    });
  });

  it("is the unknown site without a stack, without frames, or when skipThrough never appears", () => {
    expect(parseSite(undefined)).toBe(UNKNOWN_SITE);
    expect(parseSite({})).toBe(UNKNOWN_SITE);
    expect(parseSite({ stack: "Error: nothing here" })).toBe(UNKNOWN_SITE);
    expect(parseSite({ stack: "main@http://localhost/src/main.ts:3:1", skipThrough: "go" })).toBe(
      UNKNOWN_SITE,
    );
    expect(UNKNOWN_SITE).toEqual({ fn: "(unknown)", file: "(unknown)", line: 0, key: "(unknown)" });
  });
});

describe("captureStack", () => {
  function entryPoint(): ReturnType<typeof captureStack> {
    return captureStack(entryPoint);
  }

  function startWorker(): { line: number; site: ReturnType<typeof parseSite> } {
    const line = lineHere() + 1;
    const site = parseSite(entryPoint());
    return { line, site };
  }

  it("points at whoever called the entry function", () => {
    const { line, site } = startWorker();
    expect(site).toEqual({
      fn: "startWorker",
      file: "stack.test.ts",
      line,
      key: `stack.test.ts:${line}`,
    });
  });

  it("keeps at most `depth` frames and leaves Error.stackTraceLimit as it was", () => {
    const limits = Error as unknown as { stackTraceLimit: number };
    const before = limits.stackTraceLimit;
    function outer(): ReturnType<typeof captureStack> {
      return captureStack(outer, 1);
    }
    const frames = (outer().stack ?? "").split("\n").filter((line) => line.trim().startsWith("at "));
    expect(frames).toHaveLength(1);
    expect(limits.stackTraceLimit).toBe(before);
  });
});
