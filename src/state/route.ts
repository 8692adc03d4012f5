/**
 * The app's routes, parsed from and formatted to URL paths. Every lesson has its own URL (`/lessons/<slug>`),
 * so a reload, a bookmark or a link lands on the same lesson.
 */
export type Route = { readonly page: "home" } | { readonly page: "lesson"; readonly slug: string };

const LESSON_PATH = /^\/lessons\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/;

/** Returns the route for a path, or undefined when no page lives there. */
export function parseRoute(pathname: string): Route | undefined {
  if (pathname === "/" || pathname === "" || pathname === "/index.html") return { page: "home" };
  const lesson = LESSON_PATH.exec(pathname);
  return lesson?.[1] ? { page: "lesson", slug: lesson[1] } : undefined;
}

export function routePath(route: Route): string {
  return route.page === "home" ? "/" : `/lessons/${route.slug}`;
}
