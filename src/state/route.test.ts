import { describe, expect, it } from "vitest";
import { parseRoute, routePath } from "./route.ts";

describe("parseRoute", () => {
  it("maps the root to the home page", () => {
    expect(parseRoute("/")).toEqual({ page: "home" });
  });

  it("maps a lesson path to its slug, with or without a trailing slash", () => {
    expect(parseRoute("/lessons/upload")).toEqual({ page: "lesson", slug: "upload" });
    expect(parseRoute("/lessons/rate-limit/")).toEqual({ page: "lesson", slug: "rate-limit" });
  });

  it("has no page for unknown or malformed paths", () => {
    expect(parseRoute("/lessons/")).toBeUndefined();
    expect(parseRoute("/lessons/Upload")).toBeUndefined();
    expect(parseRoute("/lessons/upload/extra")).toBeUndefined();
    expect(parseRoute("/admin")).toBeUndefined();
  });

  it("reads back every path routePath writes", () => {
    for (const route of [{ page: "home" }, { page: "lesson", slug: "sync" }] as const) {
      expect(parseRoute(routePath(route))).toEqual(route);
    }
  });
});
