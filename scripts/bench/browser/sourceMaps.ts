/**
 * Maps a position in a built chunk back to its source file and line, from the chunk's `.map` next to it on
 * disk, so `--profile` names `src/jobs/runController.ts:40` rather than `RunPanel-abc.js:1234`. A minimal
 * reader of source map v3 `mappings` (base64 VLQ); enough for attribution, no dependency.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Per generated line: [generated column, source index, source line, source column], by column. */
type Segments = [number, number, number, number][];

interface LoadedMap {
  readonly sources: readonly string[];
  readonly lines: readonly Segments[];
}

function decode(mappings: string): Segments[] {
  const lines: Segments[] = [];
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  for (const line of mappings.split(";")) {
    const segments: Segments = [];
    let column = 0;
    for (const segment of line.split(",")) {
      if (segment === "") continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0] ?? 0;
      if (values.length >= 4) {
        source += values[1] ?? 0;
        sourceLine += values[2] ?? 0;
        sourceColumn += values[3] ?? 0;
        segments.push([column, source, sourceLine, sourceColumn]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

/** Resolves chunk URLs of a served build to source positions; caches each map. */
export class SourceMapper {
  private readonly maps = new Map<string, LoadedMap | undefined>();
  constructor(private readonly outDir: string) {}

  private load(url: string): LoadedMap | undefined {
    const match = /\/(assets\/[^/?#]+\.js)/.exec(url);
    if (!match?.[1]) return undefined;
    const file = join(this.outDir, `${match[1]}.map`);
    if (!this.maps.has(file)) {
      if (!existsSync(file)) this.maps.set(file, undefined);
      else {
        const raw = JSON.parse(readFileSync(file, "utf8")) as { sources: string[]; mappings: string };
        this.maps.set(file, { sources: raw.sources, lines: decode(raw.mappings) });
      }
    }
    return this.maps.get(file);
  }

  /** `src/x.ts:12` (1-based) for a 0-based position in a chunk, or undefined. */
  locate(url: string, line: number, column: number): string | undefined {
    const map = this.load(url);
    const segments = map?.lines[line];
    if (!map || !segments || segments.length === 0) return undefined;
    let best = segments[0];
    for (const segment of segments) {
      if (segment[0] > column) break;
      best = segment;
    }
    if (!best) return undefined;
    const source = (map.sources[best[1]] ?? "?").replace(/^(\.\.\/)+/, "").replace(/^.*node_modules\//, "");
    return `${source}:${best[2] + 1}`;
  }
}
