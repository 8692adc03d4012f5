/**
 * The array under a large []byte (64 KiB or more): 4 KiB pages, each allocated when a byte that is not zero is first written
 * to it. Go zeroes what make and append allocate, and a service's buffers are mostly bytes the program never
 * looks at (a request body read into a buffer, appended to the upload): here they cost neither memory nor
 * copying until something writes to them, so a simulated service can take megabyte uploads by the thousand.
 * What the program sees is Go's: every byte reads as what was last written there, or zero.
 */
// 4 KiB pages: a small write (a progress frame's few bytes in a 100 KiB buffer) allocates little.
const PAGE_BITS = 12;
const PAGE = 1 << PAGE_BITS;

/** Below this capacity a []byte is a plain Uint8Array: pages would only add work. */
export const PAGED_FROM = 64 * 1024;

export class PagedBytes {
  /** The pages written so far, by index; most arrays are never written, and have none. */
  private readonly pages = new Map<number, Uint8Array>();

  constructor(readonly length: number) {}

  get(i: number): number {
    const page = this.pages.get(i >>> PAGE_BITS);
    return page ? (page[i & (PAGE - 1)] as number) : 0;
  }

  set(i: number, value: number): void {
    let page = this.pages.get(i >>> PAGE_BITS);
    if (!page) {
      if ((value & 0xff) === 0) return;
      page = new Uint8Array(PAGE);
      this.pages.set(i >>> PAGE_BITS, page);
    }
    page[i & (PAGE - 1)] = value;
  }

  /** Bytes [start, start + n), copied out. */
  read(start: number, n: number): Uint8Array {
    const out = new Uint8Array(n);
    this.eachPage(start, n, (page, inPage, done, count) => {
      if (page) out.set(page.subarray(inPage, inPage + count), done);
    });
    return out;
  }

  /**
   * Copies n bytes of `from` (a byte array of any kind) at `start` to `at`, as if through a buffer when `from`
   * is this array and the two ranges overlap. A page `from` never wrote is copied as zeros without reading it.
   */
  copy(at: number, from: PagedBytes | Uint8Array | ArrayLike<number>, start: number, n: number): void {
    if (from === this && start < at + n && at < start + n) {
      this.write(at, this.read(start, n));
      return;
    }
    if (!(from instanceof PagedBytes)) {
      this.write(
        at,
        from instanceof Uint8Array
          ? from.subarray(start, start + n)
          : Array.from({ length: n }, (_, i) => from[start + i] as number),
      );
      return;
    }
    // The usual case, a buffer nobody wrote appended to one nobody wrote: nothing to copy.
    if (from.unwritten(start, n) && this.unwritten(at, n)) return;
    from.eachPage(start, n, (page, inPage, done, count) => {
      if (page) this.write(at + done, page.subarray(inPage, inPage + count));
      else this.zero(at + done, count);
    });
  }

  private write(at: number, bytes: Uint8Array | readonly number[]): void {
    this.eachPage(at, bytes.length, (page, inPage, done, count, index) => {
      let target = page;
      if (!target) {
        target = new Uint8Array(PAGE);
        this.pages.set(index, target);
      }
      const chunk =
        bytes instanceof Uint8Array ? bytes.subarray(done, done + count) : bytes.slice(done, done + count);
      target.set(chunk, inPage);
    });
  }

  /** Whether no page of the range [start, start + n) has been written. */
  private unwritten(start: number, n: number): boolean {
    if (n <= 0 || this.pages.size === 0) return true;
    const last = (start + n - 1) >>> PAGE_BITS;
    for (let index = start >>> PAGE_BITS; index <= last; index++) if (this.pages.has(index)) return false;
    return true;
  }

  private zero(at: number, n: number): void {
    this.eachPage(at, n, (page, inPage, _done, count) => page?.fill(0, inPage, inPage + count));
  }

  /** Calls `visit` for each page the range [start, start + n) covers, with where in it and how much. */
  private eachPage(
    start: number,
    n: number,
    visit: (page: Uint8Array | undefined, inPage: number, done: number, count: number, index: number) => void,
  ): void {
    for (let done = 0; done < n; ) {
      const i = start + done;
      const index = i >>> PAGE_BITS;
      const inPage = i & (PAGE - 1);
      const count = Math.min(PAGE - inPage, n - done);
      visit(this.pages.get(index), inPage, done, count, index);
      done += count;
    }
  }
}

/** A byte slice's array, of either kind, for `capacity` bytes. */
export function byteArray(capacity: number): unknown[] {
  const array = capacity >= PAGED_FROM ? new PagedBytes(capacity) : new Uint8Array(capacity);
  return array as unknown as unknown[];
}

/** The bytes [start, start + n) of a slice's array of any kind, as a Uint8Array (a view where it can be). */
export function bytesOfArray(array: unknown, start: number, n: number): Uint8Array {
  if (array instanceof PagedBytes) return array.read(start, n);
  if (array instanceof Uint8Array) return array.subarray(start, start + n);
  return Uint8Array.from((array as number[]).slice(start, start + n));
}
