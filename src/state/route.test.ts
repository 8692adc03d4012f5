import { describe, expect, it } from "vitest";
import { fromUrlPath, parseRoute, routePath, toUrlPath } from "./route.ts";

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
    for (const route of [
      { page: "home" },
      { page: "lesson", slug: "sync" },
      { page: "memory-model" },
    ] as const) {
      expect(parseRoute(routePath(route))).toEqual(route);
    }
  });
});

describe("fromUrlPath and toUrlPath", () => {
  const base = "/workshops/leak-lab/";

  it("leave paths alone at the root", () => {
    expect(fromUrlPath("/lessons/upload", "/")).toBe("/lessons/upload");
    expect(toUrlPath("/lessons/upload", "/")).toBe("/lessons/upload");
  });

  it("strip and add a sub-path base", () => {
    expect(fromUrlPath("/workshops/leak-lab/lessons/upload", base)).toBe("/lessons/upload");
    expect(fromUrlPath("/workshops/leak-lab/", base)).toBe("/");
    expect(fromUrlPath("/workshops/leak-lab", base)).toBe("/");
    expect(toUrlPath("/lessons/upload", base)).toBe("/workshops/leak-lab/lessons/upload");
    expect(toUrlPath("/", base)).toBe("/workshops/leak-lab/");
  });

  it("give a path outside the base no route", () => {
    expect(parseRoute(fromUrlPath("/lessons/upload", base))).toBeUndefined();
    expect(parseRoute(fromUrlPath("/workshops/leak-labx/lessons/upload", base))).toBeUndefined();
  });

  it("round-trip every route under a base", () => {
    for (const route of [
      { page: "home" },
      { page: "lesson", slug: "sync" },
      { page: "memory-model" },
    ] as const) {
      expect(parseRoute(fromUrlPath(toUrlPath(routePath(route), base), base))).toEqual(route);
    }
  });
});
