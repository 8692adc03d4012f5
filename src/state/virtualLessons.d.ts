/** The course index generated at build time by build/lessonsPlugin.ts. */
declare module "virtual:lessons" {
  export interface LessonModule {
    /** The compiled MDX body; `components` supplies the names its JSX uses (src/ui/mdx/lessonComponents.tsx). */
    readonly default: import("react").ComponentType<{
      readonly components?: Readonly<Record<string, import("react").ComponentType<never>>>;
    }>;
  }

  export interface LessonEntry {
    readonly meta: import("../lessons/lessonSchema.ts").LessonMeta;
    readonly loadBody: () => Promise<LessonModule>;
    /** The lesson's facilitator.mdx: notes shown in facilitator mode only. */
    readonly loadFacilitatorNotes: () => Promise<LessonModule>;
    /** Raw text of each starter and reference file, by file name. */
    readonly fileLoaders: Readonly<Record<string, () => Promise<string>>>;
    /** Raw text of the fixed version of each starter file that has one (solutions/NN-slug/). */
    readonly solutionLoaders: Readonly<Record<string, () => Promise<string>>>;
  }

  export const lessons: readonly LessonEntry[];
}
