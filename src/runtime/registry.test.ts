import { describe, expect, it } from "vitest";
import { Handle, type HandleKind } from "./handles.ts";
import { Registry } from "./registry.ts";
import { UNKNOWN_SITE } from "./stack.ts";

/** A handle born at `fn (file:line)`, as if its creation stack had been captured there. */
class FakeHandle extends Handle {
  constructor(
    readonly kind: HandleKind,
    id: number,
    bytes: number,
    where: string | undefined,
    internal = false,
  ) {
    super(id, 0, where === undefined ? undefined : { stack: `Error\n    at ${where}` }, internal);
    this.bytes = bytes;
  }
}

const uploadSite = { fn: "upload", file: "storage.ts", line: 67, key: "storage.ts:67" };
const pollSite = { fn: "poll", file: "poller.ts", line: 12, key: "poller.ts:12" };
const atUpload = "upload (/srv/app/storage.ts:67:5)";
const atPoll = "poll (/srv/app/poller.ts:12:3)";

describe("Registry", () => {
  it("counts live handles by kind and sums their bytes", () => {
    const registry = new Registry();
    registry.add(new FakeHandle("goroutine", 1, 8192, atUpload));
    registry.add(new FakeHandle("goroutine", 2, 8192, atUpload));
    registry.add(new FakeHandle("timer", 3, 208, atPoll));
    registry.add(new FakeHandle("ticker", 4, 208, atPoll));
    expect(registry.counts).toEqual({ goroutines: 2, timers: 1, tickers: 1 });
    expect(registry.bytes).toBe(16_800);
    expect(registry.live.size).toBe(4);
  });

  it("takes a removed handle off its count and its bytes, and removing it twice changes nothing", () => {
    const registry = new Registry();
    const first = new FakeHandle("goroutine", 1, 8192, atUpload);
    registry.add(first);
    registry.add(new FakeHandle("timer", 2, 208, atPoll));
    registry.remove(first);
    registry.remove(first);
    expect(registry.counts).toEqual({ goroutines: 0, timers: 1, tickers: 0 });
    expect(registry.bytes).toBe(208);
    expect([...registry.live.keys()]).toEqual([2]);
  });

  it("counts internal handles apart and leaves them out of bytes, handles() and sites", () => {
    const registry = new Registry();
    const traffic = new FakeHandle("goroutine", 1, 8192, atUpload, true);
    registry.add(traffic);
    registry.addBytes(traffic, 1000);
    expect(registry.internalCounts).toEqual({ goroutines: 1, timers: 0, tickers: 0 });
    expect(registry.counts).toEqual({ goroutines: 0, timers: 0, tickers: 0 });
    expect(registry.bytes).toBe(0);
    expect([...registry.handles()]).toEqual([]);
    expect(registry.bySite()).toEqual([]);
    registry.remove(traffic);
    expect(registry.internalCounts).toEqual({ goroutines: 0, timers: 0, tickers: 0 });
  });

  it("lists live handles in creation order, optionally only those of one kind", () => {
    const registry = new Registry();
    registry.add(new FakeHandle("goroutine", 1, 8192, atUpload));
    registry.add(new FakeHandle("timer", 2, 208, atPoll));
    registry.add(new FakeHandle("goroutine", 3, 8192, atPoll));
    registry.add(new FakeHandle("ticker", 4, 208, atPoll));
    expect([...registry.handles()].map((handle) => handle.id)).toEqual([1, 2, 3, 4]);
    expect([...registry.handles("goroutine")].map((handle) => handle.id)).toEqual([1, 3]);
    expect([...registry.handles("ticker")].map((handle) => handle.id)).toEqual([4]);
  });

  it("groups live handles by creation site with their counts and bytes", () => {
    const registry = new Registry();
    registry.add(new FakeHandle("goroutine", 1, 8192, atUpload));
    registry.add(new FakeHandle("goroutine", 2, 10_000, atUpload));
    registry.add(new FakeHandle("goroutine", 3, 8192, atPoll));
    registry.add(new FakeHandle("ticker", 4, 208, atPoll));
    expect(registry.bySite()).toEqual([
      { site: uploadSite, goroutines: 2, timers: 0, tickers: 0, bytes: 18_192 },
      { site: pollSite, goroutines: 1, timers: 0, tickers: 1, bytes: 8400 },
    ]);
  });

  it("keeps site totals in step as handles end or change size, and drops sites with nothing live", () => {
    const registry = new Registry();
    const upload = new FakeHandle("goroutine", 1, 8192, atUpload);
    const poll = new FakeHandle("goroutine", 2, 8192, atPoll);
    registry.add(upload);
    registry.add(poll);
    registry.bySite();
    registry.addBytes(upload, 4096);
    registry.remove(poll);
    expect(registry.bySite()).toEqual([
      { site: uploadSite, goroutines: 1, timers: 0, tickers: 0, bytes: 12_288 },
    ]);
    expect(registry.bytes).toBe(12_288);
    registry.addBytes(upload, -4096);
    expect(registry.bytes).toBe(8192);
  });

  it("carries bytes added before a handle's site is resolved over to that site", () => {
    const registry = new Registry();
    const upload = new FakeHandle("goroutine", 1, 8192, atUpload);
    registry.add(upload);
    registry.addBytes(upload, 1000);
    expect(registry.bytes).toBe(9192);
    expect(registry.bySite()).toEqual([
      { site: uploadSite, goroutines: 1, timers: 0, tickers: 0, bytes: 9192 },
    ]);
  });

  it("ignores byte changes of a handle that has ended", () => {
    const registry = new Registry();
    const upload = new FakeHandle("goroutine", 1, 8192, atUpload);
    registry.add(upload);
    registry.bySite();
    registry.remove(upload);
    registry.addBytes(upload, 1000);
    expect(registry.bytes).toBe(0);
    expect(registry.bySite()).toEqual([]);
  });

  it("attributes kept bytes to a site that holds no handle, until they are given back", () => {
    const registry = new Registry();
    registry.addSiteBytes(uploadSite, 500);
    expect(registry.bytes).toBe(500);
    expect(registry.bySite()).toEqual([
      { site: uploadSite, goroutines: 0, timers: 0, tickers: 0, bytes: 500 },
    ]);
    registry.addSiteBytes(uploadSite, -500);
    expect(registry.bytes).toBe(0);
    expect(registry.bySite()).toEqual([]);
  });

  it("groups handles without a creation stack under the unknown site", () => {
    const registry = new Registry();
    registry.add(new FakeHandle("timer", 1, 208, undefined));
    expect(registry.bySite()).toEqual([
      { site: UNKNOWN_SITE, goroutines: 0, timers: 1, tickers: 0, bytes: 208 },
    ]);
  });

  it("counts a handle removed and added again (a timer reset) once in its site", () => {
    const registry = new Registry();
    const timer = new FakeHandle("timer", 1, 208, atPoll);
    registry.add(timer);
    registry.remove(timer);
    registry.add(timer);
    expect(registry.counts.timers).toBe(1);
    expect(registry.bySite()).toEqual([{ site: pollSite, goroutines: 0, timers: 1, tickers: 0, bytes: 208 }]);
  });

  it("counts a handle re-added after its site was resolved once in its site", () => {
    const registry = new Registry();
    const timer = new FakeHandle("timer", 1, 208, atPoll);
    registry.add(timer);
    registry.bySite();
    registry.remove(timer);
    registry.add(timer);
    expect(registry.bySite()).toEqual([{ site: pollSite, goroutines: 0, timers: 1, tickers: 0, bytes: 208 }]);
  });
});
