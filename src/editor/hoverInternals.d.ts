/**
 * The few internals of the `monaco-editor` package that src/editor/pageHoverDelegates.ts needs, modules that
 * ship without their own declarations; typed only as far as it uses them.
 */
declare module "monaco-editor/base/browser/ui/hover/hoverDelegateFactory" {
  export function setHoverDelegateFactory(
    factory: (placement: "mouse" | "element", instantHover: boolean) => unknown,
  ): void;
}

declare module "monaco-editor/platform/instantiation/common/instantiation" {
  /** The instantiation service's identifier, what the page's services are asked for it by. */
  export const IInstantiationService: object;
}

declare module "monaco-editor/editor/standalone/browser/standaloneServices" {
  import type { IInstantiationService } from "monaco-editor/platform/instantiation/common/instantiation";
  export const StandaloneServices: {
    get(id: typeof IInstantiationService): {
      createInstance(ctor: unknown, ...args: unknown[]): unknown;
    };
  };
}

declare module "monaco-editor/platform/hover/browser/hover" {
  export const WorkbenchHoverDelegate: unknown;
}
