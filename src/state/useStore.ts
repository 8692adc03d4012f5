import { useSyncExternalStore } from "react";
import type { Store } from "./createStore.ts";

/** Reads a slice of a store; the component re-renders when that slice changes. */
export function useStore<T, S>(store: Store<T>, select: (state: T) => S): S {
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
