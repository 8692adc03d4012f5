/**
 * The service worker that keeps Leak Lab working offline after one visit. build/serviceWorkerPlugin.ts emits
 * it as `sw.js` beside index.html, as `(serviceWorker)(self, manifest)` with the manifest of that build: so this
 * function must stay self-contained (no imports, no module-level values; its parameters are all it sees).
 *
 * - Install: precaches every file of the build (JS chunks, workers, Monaco, CSS, fonts, lesson chunks,
 *   index.html) into a cache named after the scope and the build's version, a hash of those files. A failed
 *   download fails the install; the browser retries on a later visit.
 * - Files: cache first (the cache of this version, then the previous one), else the network. Vite's files
 *   under `assets/` are named by their content hash, so a URL always means the same bytes.
 * - Navigations (`/lessons/<slug>` included, it is a single-page app): the network first, so a new deploy is
 *   seen on the next load; offline, or when the network is slower than NAVIGATION_TIMEOUT_MS, the precached
 *   index.html. A page fetched from the network is never written into the cache: an index.html newer than the
 *   cached files would name chunks that are not there offline.
 * - Update: a new version installs in the background, takes over at once and keeps the previous version's
 *   cache, so a page still running the old version finds its old chunks when it loads them lazily; a reload
 *   gets the new index.html and only new chunks. Older caches are deleted.
 */

/** What the build tells the worker. */
export interface PrecacheManifest {
  /** A hash of every precached file: a new deploy has a new version, so a new cache. */
  readonly version: string;
  /** The build's files, relative to the base (`index.html`, `assets/index-<hash>.js`, ...). */
  readonly files: readonly string[];
}

/*
 * The little of the service worker global scope this uses, declared here because the app's programs have the
 * DOM's types (and Node's), not a service worker's; a test can pass a fake.
 */
export interface CacheLike {
  match(request: Request | string, options?: { ignoreVary?: boolean }): Promise<Response | undefined>;
  addAll(requests: readonly Request[]): Promise<void>;
}
export interface CacheStorageLike {
  open(name: string): Promise<CacheLike>;
  has(name: string): Promise<boolean>;
  keys(): Promise<string[]>;
  delete(name: string): Promise<boolean>;
}
export interface ExtendableEventLike {
  waitUntil(promise: Promise<unknown>): void;
}
export interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
export interface ServiceWorkerScopeLike {
  readonly registration: { readonly scope: string };
  readonly caches: CacheStorageLike;
  readonly clients: { claim(): Promise<void> };
  fetch(request: Request): Promise<Response>;
  skipWaiting(): Promise<void>;
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEventLike) => void): void;
}

export function serviceWorker(sw: ServiceWorkerScopeLike, manifest: PrecacheManifest): void {
  const NAVIGATION_TIMEOUT_MS = 4000;
  const scope = sw.registration.scope;
  // Caches are per origin, not per scope: another copy of the app on the same host keeps its own.
  const prefix = `leak-lab:${scope}:`;
  const current = `${prefix}${manifest.version}`;
  const indexUrl = new URL("index.html", scope).href;

  /** The caches of this scope, this version first, then the one it replaced. */
  async function ourCaches(): Promise<string[]> {
    const names = await sw.caches.keys();
    const previous = names.filter((name) => name.startsWith(prefix) && name !== current).pop();
    return previous ? [current, previous] : [current];
  }

  async function cached(request: Request | string): Promise<Response | undefined> {
    for (const name of await ourCaches()) {
      if (!(await sw.caches.has(name))) continue;
      // Hosts add `Vary: Origin` or `Vary: Accept-Encoding`; the build's files are the same bytes either way.
      const response = await (await sw.caches.open(name)).match(request, { ignoreVary: true });
      if (response) return response;
    }
    return undefined;
  }

  async function precache(): Promise<void> {
    const cache = await sw.caches.open(current);
    // Hashed files may come from the HTTP cache; the rest (index.html, the favicon) must be fresh.
    const requests = manifest.files.map((file) => {
      // Node's RequestInit type (this also compiles for the build) lacks `cache`; the browser's has it.
      const init: RequestInit & { cache?: string } = {
        cache: file.startsWith("assets/") ? "default" : "no-cache",
      };
      return new Request(new URL(file, scope).href, init);
    });
    await cache.addAll(requests);
  }

  async function dropOldCaches(): Promise<void> {
    // Keep this version and the one before it (the last other one created: keys() keeps creation order).
    const others = (await sw.caches.keys()).filter((name) => name.startsWith(prefix) && name !== current);
    const keep = others.at(-1);
    await Promise.all(others.filter((name) => name !== keep).map((name) => sw.caches.delete(name)));
  }

  async function navigation(request: Request): Promise<Response> {
    const network = sw.fetch(request);
    const fallback = await cached(indexUrl);
    if (!fallback) return network;
    // A late failure after the timeout has nobody to tell.
    network.catch(() => undefined);
    const timeout = new Promise<undefined>((resolve) =>
      setTimeout(() => resolve(undefined), NAVIGATION_TIMEOUT_MS),
    );
    try {
      const response = await Promise.race([network, timeout]);
      // A server error or a slow network gets the cached app, which works without it.
      return response && response.status < 500 ? response : fallback;
    } catch {
      return fallback;
    }
  }

  async function file(request: Request): Promise<Response> {
    return (await cached(request)) ?? sw.fetch(request);
  }

  sw.addEventListener("install", (event) => {
    event.waitUntil(precache().then(() => sw.skipWaiting()));
  });

  sw.addEventListener("activate", (event) => {
    // Claiming lets a page opened before the install finished load its lazy chunks (the editor) offline.
    event.waitUntil(dropOldCaches().then(() => sw.clients.claim()));
  });

  sw.addEventListener("fetch", (event) => {
    const request = event.request;
    if (request.method !== "GET" || !request.url.startsWith(scope)) return;
    event.respondWith(request.mode === "navigate" ? navigation(request) : file(request));
  });
}
