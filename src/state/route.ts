/**
 * The app's routes, parsed from and formatted to URL paths. Every lesson has its own URL (`/lessons/<slug>`),
 * so a reload, a bookmark or a link lands on the same lesson.
 *
 * Routes are app paths, always rooted at `/`. The build may be served from a sub-path (Vite's `base`, e.g.
 * `/workshops/leak-lab/`): `fromUrlPath` and `toUrlPath` convert between the address bar and app paths, so only
 * the location store and links ever see the base.
 */
export type Route =
  | { readonly page: "home" }
  | { readonly page: "lesson"; readonly slug: string }
  /** How the memory figure is modelled, and why a browser cannot weigh its own heap. */
  | { readonly page: "memory-model" };

const MEMORY_MODEL_PATH = "/memory-model";

const LESSON_PATH = /^\/lessons\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/;

/** Returns the route for an app path, or undefined when no page lives there (or no app path is given). */
export function parseRoute(pathname: string | undefined): Route | undefined {
  if (pathname === undefined) return undefined;
  if (pathname === "/" || pathname === "" || pathname === "/index.html") return { page: "home" };
  if (pathname === MEMORY_MODEL_PATH || pathname === `${MEMORY_MODEL_PATH}/`) return { page: "memory-model" };
  const lesson = LESSON_PATH.exec(pathname);
  return lesson?.[1] ? { page: "lesson", slug: lesson[1] } : undefined;
}

export function routePath(route: Route): string {
  switch (route.page) {
    case "home":
      return "/";
    case "memory-model":
      return MEMORY_MODEL_PATH;
    case "lesson":
      return `/lessons/${route.slug}`;
  }
}

/**
 * The app path of a URL path served under `base` (`/` or `/sub/path/`, as Vite's BASE_URL): `/sub/path/lessons/x`
 * gives `/lessons/x`, and `/sub/path` (no trailing slash) the home page. A path outside the base has no app
 * path (undefined), so it shows the not-found page.
 */
export function fromUrlPath(urlPath: string, base: string): string | undefined {
  if (base === "/" || base === "") return urlPath;
  const root = base.endsWith("/") ? base.slice(0, -1) : base;
  if (urlPath === root) return "/";
  return urlPath.startsWith(`${root}/`) ? urlPath.slice(root.length) : undefined;
}

/** The URL path of an app path under `base`: `/lessons/x` gives `/sub/path/lessons/x`. */
export function toUrlPath(appPath: string, base: string): string {
  if (base === "/" || base === "") return appPath;
  const root = base.endsWith("/") ? base.slice(0, -1) : base;
  return `${root}${appPath.startsWith("/") ? appPath : `/${appPath}`}`;
}
