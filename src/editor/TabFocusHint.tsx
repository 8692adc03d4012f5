/**
 * The Tab-trap escape, shown: in the editor Tab indents, so a keyboard user needs Ctrl+M (Ctrl+Shift+M on a
 * Mac) to make Tab move focus instead. The switch shows the current mode, follows the shortcut, and can be
 * flipped itself. The mode belongs to Monaco (one for the page); this only reads and sets it.
 */
import { TabFocus } from "monaco-editor/editor/browser/config/tabFocus";
import { useSyncExternalStore } from "react";
import "./tabFocusHint.css";

const SHORTCUT = /Mac|iPhone|iPad/.test(navigator.userAgent) ? "Ctrl+Shift+M" : "Ctrl+M";

function subscribe(onChange: () => void): () => void {
  const subscription = TabFocus.onDidChangeTabFocus(onChange);
  return () => subscription.dispose();
}

const getMode = () => TabFocus.getTabFocusMode();

export function TabFocusHint() {
  const tabMovesFocus = useSyncExternalStore(subscribe, getMode);
  return (
    <div className="tab-focus-hint">
      <button
        type="button"
        role="switch"
        aria-checked={tabMovesFocus}
        aria-keyshortcuts={SHORTCUT.replaceAll("Ctrl", "Control")}
        onClick={() => TabFocus.setTabFocusMode(!tabMovesFocus)}
      >
        <kbd>{SHORTCUT}</kbd> Tab moves focus
        <span aria-hidden="true">: {tabMovesFocus ? "on" : "off (Tab indents)"}</span>
      </button>
    </div>
  );
}
