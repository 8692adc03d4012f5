/**
 * The current app path as a tiny store: the History API is the source of truth, and React reads it through
 * useSyncExternalStore (docs/ARCHITECTURE.md#stores). `navigate` is a plain function any module can call. Both speak app paths
 * (`/lessons/upload`); the build's base (a sub-path the site may be served from) is added and stripped here.
 */
import { useSyncExternalStore } from "react";
import { fromUrlPath, toUrlPath } from "./route.ts";

const BASE = import.meta.env.BASE_URL;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener("popstate", notify);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener("popstate", notify);
  };
}

/** The address an app path has in this build: what a link's `href` should say. */
export function hrefFor(appPath: string): string {
  return toUrlPath(appPath, BASE);
}

export function navigate(appPath: string): void {
  const path = hrefFor(appPath);
  if (path === window.location.pathname) return;
  window.history.pushState(null, "", path);
  window.scrollTo(0, 0);
  notify();
}

/** The app path in the address bar; undefined when the address is outside the base (a not-found page). */
export function usePathname(): string | undefined {
  return useSyncExternalStore(subscribe, () => fromUrlPath(window.location.pathname, BASE));
}
