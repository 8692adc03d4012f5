/**
 * How big a value of a Go type is on a 64-bit machine, as Go's compiler lays it out (unsafe.Sizeof and
 * unsafe.Alignof): what a slice's or a channel's elements cost on the heap, and what append's growth is rounded
 * by. `noscan`: the type holds no pointers, which Go's allocator sizes differently.
 */
import { type GoType, integerKind, underlying } from "./types.ts";

export interface Layout {
  readonly size: number;
  readonly align: number;
  readonly noscan: boolean;
}

const WORD: Layout = { size: 8, align: 8, noscan: false };

/** The standard library's structs that Leak Lab keeps opaque, as Go 1.23 lays them out. */
const OPAQUE: Readonly<Record<string, Layout>> = {
  // wall uint64, ext int64, loc *Location
  "time.Time": { size: 24, align: 8, noscan: false },
  // state int32, sema uint32
  "sync.Mutex": { size: 8, align: 4, noscan: true },
  // w Mutex, writerSem, readerSem uint32, readerCount, readerWait atomic.Int32
  "sync.RWMutex": { size: 24, align: 4, noscan: true },
  // noCopy, state atomic.Uint64, sema uint32
  "sync.WaitGroup": { size: 16, align: 8, noscan: true },
  // done atomic.Uint32, m Mutex
  "sync.Once": { size: 12, align: 4, noscan: true },
};

export function layout(type: GoType): Layout {
  if (type.kind === "named" && OPAQUE[type.name]) return OPAQUE[type.name] as Layout;
  const u = underlying(type);
  const integer = integerKind(u);
  if (integer) return { size: integer.bits / 8, align: integer.bits / 8, noscan: true };
  switch (u.kind) {
    case "basic":
      if (u.name === "string") return { size: 16, align: 8, noscan: false };
      if (u.name === "bool") return { size: 1, align: 1, noscan: true };
      return { size: 8, align: 8, noscan: true };
    case "slice":
      return { size: 24, align: 8, noscan: false };
    case "interface":
      return { size: 16, align: 8, noscan: false };
    case "struct":
      return structLayout(u.fields.map((field) => layout(field.type)));
    default:
      // Pointers, maps, channels, functions: one pointer word.
      return WORD;
  }
}

/** Fields in order, each at its alignment, the whole rounded up to the largest. */
function structLayout(fields: readonly Layout[]): Layout {
  let size = 0;
  let align = 1;
  for (const field of fields) {
    size = roundUp(size, field.align) + field.size;
    align = Math.max(align, field.align);
  }
  return { size: roundUp(size, align), align, noscan: fields.every((field) => field.noscan) };
}

function roundUp(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}
