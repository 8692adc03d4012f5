import { describe, expect, it } from "vitest";
import { learnerCompilerOptions, toMonacoCompilerOptions } from "./learnerCompilerOptions.ts";

describe("toMonacoCompilerOptions", () => {
  it("turns names into TypeScript's enum numbers and lib file names, and drops paths", () => {
    expect(
      toMonacoCompilerOptions({
        target: "es2022",
        module: "esnext",
        moduleResolution: "bundler",
        lib: ["es2023"],
        types: [],
        strict: true,
        paths: { "leak-lab/runtime": ["./src/runtime/index.ts"] },
      }),
    ).toEqual({
      target: 9,
      module: 99,
      moduleResolution: 100,
      lib: ["lib.es2023.d.ts"],
      types: [],
      strict: true,
    });
  });

  it("refuses a value it does not know instead of guessing", () => {
    expect(() => toMonacoCompilerOptions({ target: "es3" })).toThrow(/target "es3"/);
    expect(() => toMonacoCompilerOptions({ jsx: "react-jsx" })).toThrow(/jsx "react-jsx"/);
  });
});

describe("learnerCompilerOptions", () => {
  it("reads tsconfig.learner.json: strict, ES2023 without the DOM, bundler resolution", () => {
    const options = learnerCompilerOptions(process.cwd());
    expect(options).toMatchObject({
      strict: true,
      lib: ["lib.es2023.d.ts"],
      moduleResolution: 100,
      types: [],
    });
    expect(options).not.toHaveProperty("paths");
  });
});
