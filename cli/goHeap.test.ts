/**
 * A Go program's heap as Leak Lab measures it (src/go/lib/heap.ts): what make and append allocate, at the sizes
 * Go's allocator gives them, counted while something reachable holds it — a package variable, what the host
 * keeps, a live goroutine's variables — and no longer once nothing does.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { makeLib } from "../src/go/lib.ts";
import { compileGo, initialiseLibrary, type PackageExports } from "../src/go/program.ts";
import { activate, type HeapBytes, Runtime } from "../src/runtime/runtime.ts";
import { nodeGoParser } from "./go.ts";

const SOURCE = `package heapdemo

import "time"

// Change is lesson 5's: 72 bytes on a 64-bit machine.
type Change struct {
	User    string
	Path    string
	Version int64
	Deleted bool
	At      time.Time
}

var kept [][]byte

func Keep(n int) { kept = append(kept, make([]byte, n)) }

func Forget() { kept = nil }

func NewStop() chan struct{} { return make(chan struct{}) }

func Stop(stop chan struct{}) { close(stop) }

// Park starts a goroutine that holds a buffer of n bytes, made here, until stop is closed.
func Park(n int, stop chan struct{}) {
	buf := make([]byte, n)
	go func() {
		<-stop
		_ = buf
	}()
}

type holder struct{ buf []byte }

func (h *holder) wait(stop chan struct{}) { <-stop }

// Method starts a goroutine on a method: its receiver, and what that holds, are the goroutine's.
func Method(n int, stop chan struct{}) {
	h := &holder{buf: make([]byte, n)}
	go h.wait(stop)
}

// WithCallback starts a literal with a literal among its arguments: the started one's own variables are its.
func WithCallback(n int, stop chan struct{}) {
	go func(done func()) {
		own := make([]byte, n)
		<-stop
		_ = own
		done()
	}(func() {})
}

// Batch starts a goroutine that makes its own batch of changes and holds it until stop is closed.
func Batch(stop chan struct{}) {
	go func() {
		batch := make([]Change, 0, 1024)
		<-stop
		_ = batch
	}()
}
`;

type GoFunction = (...args: unknown[]) => Promise<unknown>;

describe("a Go program's heap", () => {
  let runtime: Runtime;
  let heap: () => HeapBytes;
  let go: Readonly<Record<string, GoFunction>>;

  /** Calls Go in a goroutine of the host's, then runs until nothing more can happen. */
  async function call(name: string, ...args: unknown[]): Promise<unknown> {
    let result: unknown;
    runtime.go(
      async () => {
        result = await (go[name] as GoFunction)(...args);
      },
      { internal: true },
    );
    await runtime.run({ until: runtime.now + 1000 });
    return result;
  }

  beforeAll(async () => {
    const compiled = compileGo(await nodeGoParser(), SOURCE, { file: "heapdemo.go", path: "heapdemo" });
    if (!compiled.ok) throw new Error(compiled.errors.map((e) => e.message).join("\n"));
    runtime = new Runtime({ seed: 1 });
    activate(runtime);
    const lib = makeLib({ write: () => {}, writeStderr: () => {} });
    const exports: PackageExports = await initialiseLibrary(compiled.js, lib);
    go = exports.heapdemo as Readonly<Record<string, GoFunction>>;
    heap = () => lib.heap.reachableBytes(runtime);
  });

  it("counts what a package variable keeps, at the size classes of Go's allocator, until it lets go", async () => {
    await call("Keep", 1000);
    // make([]byte, 1000) gets the 1024-byte class; append's new [][]byte of one 24-byte header, the 24-byte class.
    expect(heap()).toEqual({ kept: 1024 + 24, byGoroutines: 0 });
    await call("Forget");
    expect(heap()).toEqual({ kept: 0, byGoroutines: 0 });
  });

  it("charges a buffer to the goroutine whose function literal uses it, until the goroutine ends", async () => {
    const stop = await call("NewStop");
    await call("Park", 100 << 10, stop);
    // 100 KiB is past the largest size class: whole 8 KiB pages, 13 of them; the channel is 96 bytes.
    expect(heap()).toEqual({ kept: 0, byGoroutines: 13 * 8192 + 96 });
    await call("Stop", stop);
    expect(heap()).toEqual({ kept: 0, byGoroutines: 0 });
  });

  it("charges a goroutine's own variables to it: a batch of 1024 changes of 72 bytes", async () => {
    const stop = await call("NewStop");
    await call("Batch", stop);
    expect(heap()).toEqual({ kept: 0, byGoroutines: 1024 * 72 + 96 });
    await call("Stop", stop);
    expect(heap().byGoroutines).toBe(0);
  });

  it("charges a method's receiver to the goroutine a go statement starts on it", async () => {
    const stop = await call("NewStop");
    await call("Method", 1000, stop);
    expect(heap()).toEqual({ kept: 0, byGoroutines: 1024 + 96 });
    await call("Stop", stop);
    expect(heap().byGoroutines).toBe(0);
  });

  it("charges a started literal's own variables to it when another literal is among its arguments", async () => {
    const stop = await call("NewStop");
    await call("WithCallback", 1000, stop);
    expect(heap()).toEqual({ kept: 0, byGoroutines: 1024 + 96 });
    await call("Stop", stop);
    expect(heap().byGoroutines).toBe(0);
  });

  it("counts what the host holds as kept", async () => {
    const stop = await call("NewStop");
    const lib = makeLib({ write: () => {}, writeStderr: () => {} });
    lib.heap.hold(stop);
    expect(lib.heap.reachableBytes(runtime)).toEqual({ kept: 96, byGoroutines: 0 });
  });
});
