/**
 * The one door to the browser's localStorage. Reads say whether an entry is missing, readable or damaged;
 * writes say whether they landed (a full quota, or storage switched off, is an answer, not an exception). The
 * storage is passed in, so the rules are tested in Node with a stand-in.
 */

/** Every key Leak Lab writes starts with this, so export and import can find them all. */
export const KEY_PREFIX = "leak-lab:";

export type ReadResult =
  | { readonly kind: "missing" }
  | { readonly kind: "ok"; readonly value: unknown }
  /** The text is there but is not JSON: kept as it is, never overwritten without a copy. */
  | { readonly kind: "corrupt"; readonly raw: string };

export type WriteResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: "quota" | "unavailable" };

/** The part of the Web Storage API Leak Lab uses (declared here so the rules type-check without the DOM). */
export interface KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The page's localStorage, or undefined where the browser refuses it (privacy modes, sandboxed frames). */
export function pageStorage(): KeyValueStorage | undefined {
  try {
    return (globalThis as { localStorage?: KeyValueStorage }).localStorage;
  } catch {
    return undefined;
  }
}

/**
 * This tab's sessionStorage (what lasts a reload of this tab only), or undefined where the browser refuses it.
 */
export function tabStorage(): KeyValueStorage | undefined {
  try {
    return (globalThis as { sessionStorage?: KeyValueStorage }).sessionStorage;
  } catch {
    return undefined;
  }
}

export function readJson(storage: KeyValueStorage | undefined, key: string): ReadResult {
  let raw: string | null;
  try {
    raw = storage?.getItem(key) ?? null;
  } catch {
    raw = null;
  }
  if (raw === null) return { kind: "missing" };
  try {
    return { kind: "ok", value: JSON.parse(raw) as unknown };
  } catch {
    return { kind: "corrupt", raw };
  }
}

export function writeJson(storage: KeyValueStorage | undefined, key: string, value: unknown): WriteResult {
  if (!storage) return { ok: false, reason: "unavailable" };
  try {
    storage.setItem(key, JSON.stringify(value));
    return { ok: true };
  } catch (error) {
    const quota = error instanceof DOMException && /quota/i.test(`${error.name} ${error.message}`);
    return { ok: false, reason: quota ? "quota" : "unavailable" };
  }
}

/**
 * Copies a damaged entry aside before its key is written again, so nothing unreadable is ever destroyed.
 * False when the copy could not be written: the caller must not write over the entry then (a smaller new
 * entry could fit where the copy did not).
 */
export function keepDamaged(storage: KeyValueStorage | undefined, key: string, raw: string): boolean {
  if (!storage) return false;
  // A copy kept aside earlier is not written over: each damaged text gets a key of its own.
  let aside = `${key}:unreadable`;
  for (let n = 2; storage.getItem(aside) !== null && storage.getItem(aside) !== raw; n++) {
    aside = `${key}:unreadable:${n}`;
  }
  try {
    storage.setItem(aside, raw);
    return true;
  } catch {
    return false;
  }
}

/** Every Leak Lab key in the storage. */
export function ownKeys(storage: KeyValueStorage | undefined): string[] {
  const keys: string[] = [];
  if (!storage) return keys;
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(KEY_PREFIX)) keys.push(key);
  }
  return keys.sort();
}
