import { describe, expect, it } from "vitest";
import {
  emitRuntimeTypes,
  GLOBALS_PATH,
  isEditorTypesSource,
  RUNTIME_TYPES_DIR,
} from "./emitRuntimeTypes.ts";

describe("emitRuntimeTypes", () => {
  const libs = emitRuntimeTypes(process.cwd());
  const lib = (name: string) => libs.find((candidate) => candidate.path === `${RUNTIME_TYPES_DIR}/${name}`);

  it("emits the runtime's entry point where `leak-lab/runtime` resolves, with its JSDoc", () => {
    const index = lib("index.d.ts")?.content;
    expect(index).toContain("export declare function go(fn: () => unknown, name?: string): void;");
    expect(index).toContain("Starts `fn` as a new task.");
    expect(lib("chan.d.ts")?.content).toContain("Makes a channel;");
  });

  it("leaves out what is marked @internal", () => {
    const chan = lib("chan.d.ts")?.content;
    expect(chan).toContain("send(value: T): Promise<void>;");
    expect(chan).not.toContain("trySend");
    expect(chan).not.toContain("@internal");
  });

  it("adds the learner globals as a script, so they are global", () => {
    const globals = libs.find((candidate) => candidate.path === GLOBALS_PATH)?.content;
    expect(globals).toContain("declare function setTimeout(");
    expect(globals).not.toMatch(/^(import|export) /m);
  });
});

describe("isEditorTypesSource", () => {
  it("is the runtime's source, the learner globals and the tsconfigs, not tests or other folders", () => {
    expect(isEditorTypesSource("/r", "/r/src/runtime/chan.ts")).toBe(true);
    expect(isEditorTypesSource("/r", "/r/src/sandbox/learnerGlobals.d.ts")).toBe(true);
    expect(isEditorTypesSource("/r", "/r/tsconfig.learner.json")).toBe(true);
    expect(isEditorTypesSource("/r", "/r/src/runtime/chan.test.ts")).toBe(false);
    expect(isEditorTypesSource("/r", "/r/src/ui/App.tsx")).toBe(false);
  });
});
