/**
 * Monaco's Tab-trap switch (what Ctrl+M toggles), a module of the `monaco-editor` package that ships without
 * its own declarations. One switch for every editor on the page.
 */
declare module "monaco-editor/editor/browser/config/tabFocus" {
  export const TabFocus: {
    getTabFocusMode(): boolean;
    setTabFocusMode(tabFocusMode: boolean): void;
    onDidChangeTabFocus(listener: (tabFocusMode: boolean) => void): { dispose(): void };
  };
}
