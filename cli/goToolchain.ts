/**
 * The real Go toolchain the parity suite judges Leak Lab by: Go 1.23 from Debian's backports (.ci/install-go),
 * or GO_BIN. Standard library only, nothing downloaded: GOPROXY=off, GOTOOLCHAIN=local, GOFLAGS=-mod=mod.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";

const CANDIDATES = [process.env.GO_BIN, "/usr/lib/go-1.23/bin/go"].filter((p): p is string => Boolean(p));

/** The environment every go command runs in: offline, and a build cache kept between runs. */
export function goEnv(): NodeJS.ProcessEnv {
  const cache = resolve("node_modules/.cache/go-build");
  mkdirSync(cache, { recursive: true });
  return {
    ...process.env,
    GOPROXY: "off",
    GOTOOLCHAIN: "local",
    GOFLAGS: "-mod=mod",
    GOCACHE: cache,
    GO111MODULE: "on",
  };
}

/** The go binary, if a Go 1.23 is installed; undefined otherwise. */
export function findGo(): string | undefined {
  for (const path of CANDIDATES) {
    if (!existsSync(path)) continue;
    const version = spawnSync(path, ["version"], { encoding: "utf8", env: goEnv() }).stdout;
    if (/go1\.23(\.|\s)/.test(version)) return path;
  }
  return undefined;
}
