import { describe, expect, it } from "vitest";
import {
  type CacheLike,
  type ExtendableEventLike,
  type FetchEventLike,
  type ServiceWorkerScopeLike,
  serviceWorker,
} from "./serviceWorker.ts";

const SCOPE = "https://example.org/workshops/leak-lab/";
const FILES = ["index.html", "assets/index-abc.js", "assets/sandbox-def.js"];

/** A service worker global scope in memory: caches keyed by URL, a network that can go down. */
function fakeScope(network: (url: string) => Response | undefined) {
  const store = new Map<string, Map<string, Response>>();
  const listeners = new Map<string, (event: never) => void>();
  const fetched: string[] = [];
  const open = async (name: string): Promise<CacheLike> => {
    const entries = store.get(name) ?? new Map<string, Response>();
    store.set(name, entries);
    return {
      match: async (request) => entries.get(typeof request === "string" ? request : request.url)?.clone(),
      addAll: async (requests) => {
        for (const request of requests) {
          const response = network(request.url);
          if (!response) throw new TypeError(`offline: ${request.url}`);
          entries.set(request.url, response);
        }
      },
    };
  };
  const scope: ServiceWorkerScopeLike = {
    registration: { scope: SCOPE },
    caches: {
      open,
      has: async (name) => store.has(name),
      keys: async () => [...store.keys()],
      delete: async (name) => store.delete(name),
    },
    clients: { claim: async () => undefined },
    fetch: async (request) => {
      fetched.push(request.url);
      const response = network(request.url);
      if (!response) throw new TypeError("Failed to fetch");
      return response;
    },
    skipWaiting: async () => undefined,
    addEventListener: (type: string, listener: (event: never) => void) => listeners.set(type, listener),
  };
  async function lifecycle(type: "install" | "activate"): Promise<void> {
    const pending: Promise<unknown>[] = [];
    const event: ExtendableEventLike = { waitUntil: (promise) => pending.push(promise) };
    (listeners.get(type) as (event: ExtendableEventLike) => void)(event);
    await Promise.all(pending);
  }
  async function request(
    url: string,
    mode: "navigate" | "no-cors" = "no-cors",
  ): Promise<Response | undefined> {
    let responded: Promise<Response> | undefined;
    const event: FetchEventLike = {
      request: { url, method: "GET", mode } as Request,
      respondWith: (response) => {
        responded = response;
      },
      waitUntil: () => undefined,
    };
    (listeners.get("fetch") as (event: FetchEventLike) => void)(event);
    return responded;
  }
  return { scope, store, fetched, lifecycle, request };
}

const deploy = (version: string) => (url: string) =>
  url.startsWith(SCOPE) ? new Response(`${version}:${url.slice(SCOPE.length)}`) : undefined;

describe("serviceWorker", () => {
  it("precaches every file of the build under its scope, in a cache named after scope and version", async () => {
    const sw = fakeScope(deploy("v1"));
    serviceWorker(sw.scope, { version: "v1", files: FILES });
    await sw.lifecycle("install");
    expect([...sw.store.keys()]).toEqual([`leak-lab:${SCOPE}:v1`]);
    expect([...(sw.store.get(`leak-lab:${SCOPE}:v1`)?.keys() ?? [])]).toEqual(FILES.map((f) => SCOPE + f));
  });

  it("serves files from the cache without the network, and leaves other origins and paths alone", async () => {
    let online = true;
    const sw = fakeScope((url) => (online ? deploy("v1")(url) : undefined));
    serviceWorker(sw.scope, { version: "v1", files: FILES });
    await sw.lifecycle("install");
    online = false;
    sw.fetched.length = 0;
    expect(await (await sw.request(`${SCOPE}assets/sandbox-def.js`))?.text()).toBe(
      "v1:assets/sandbox-def.js",
    );
    expect(sw.fetched).toEqual([]);
    expect(await sw.request("https://example.org/elsewhere.js")).toBeUndefined();
  });

  it("navigates network first, and offline opens any deep link with the cached index.html", async () => {
    let online = true;
    const sw = fakeScope((url) => (online ? deploy("v2")(url) : undefined));
    serviceWorker(sw.scope, { version: "v2", files: FILES });
    await sw.lifecycle("install");
    const deepLink = `${SCOPE}lessons/upload`;
    expect(await (await sw.request(deepLink, "navigate"))?.text()).toBe("v2:lessons/upload");
    online = false;
    expect(await (await sw.request(deepLink, "navigate"))?.text()).toBe("v2:index.html");
  });

  it("on a new version keeps the previous cache for pages still open, and drops the older ones", async () => {
    const sw = fakeScope(deploy("v1"));
    sw.store.set("leak-lab:https://example.org/other/:v0", new Map());
    for (const version of ["v1", "v2", "v3"]) {
      serviceWorker(sw.scope, { version, files: FILES });
      await sw.lifecycle("install");
      await sw.lifecycle("activate");
    }
    expect([...sw.store.keys()]).toEqual([
      "leak-lab:https://example.org/other/:v0",
      `leak-lab:${SCOPE}:v2`,
      `leak-lab:${SCOPE}:v3`,
    ]);
  });
});
