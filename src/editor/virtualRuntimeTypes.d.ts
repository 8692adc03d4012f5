/** The editor's types, generated at build time by build/runtimeTypesPlugin.ts. */
declare module "virtual:runtime-types" {
  /** The declarations of `leak-lab/runtime` (JSDoc kept) and the learner globals, by Monaco file path. */
  export const runtimeLibs: readonly { readonly path: string; readonly content: string }[];
  /** tsconfig.learner.json's compiler options, in the numbers and lib file names Monaco's worker takes. */
  export const learnerCompilerOptions: Readonly<Record<string, boolean | number | string[]>>;
}
