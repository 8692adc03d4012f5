/**
 * Go's built-in functions (len, cap, make, new, append, copy, close, delete, panic, recover, min, max) and its
 * conversions (`int(x)`, `[]byte(s)`, `time.Duration(n)`), as the translator checks and writes them.
 */
import type { Node } from "web-tree-sitter";
import { isSharedObject } from "./addressTaken.ts";
import { errorAt, outsideSubset } from "./compileError.ts";
import {
  constant,
  constantText,
  type Expressions,
  elementLayout,
  isByte,
  type Translated,
} from "./expressions.ts";
import { fitsInteger, inexactConstant, integerConversion } from "./integers.ts";
import {
  ANY,
  assignable,
  defaultType,
  type GoType,
  INT,
  identical,
  integerKind,
  isInteger,
  isNumeric,
  isString,
  isTimeValue,
  typeString,
  underlying,
} from "./types.ts";

/** A call of the built-in `name`, checked as Go checks it. */
export function builtin(x: Expressions, node: Node, name: string, argNodes: Node[]): Translated {
  if (name === "make") return make(x, node, argNodes);
  if (name === "new") return newValue(x, node, argNodes);
  if (name === "min" || name === "max") return minMax(x, node, name, argNodes);
  return {
    js: builtinWith(
      x,
      node,
      name,
      argNodes.map((a) => x.expression(a)),
    ),
    ...builtinResult(x, node, name, argNodes),
  };
}

function builtinResult(
  x: Expressions,
  node: Node,
  name: string,
  argNodes: Node[],
): { type: GoType; text: string } {
  switch (name) {
    case "len":
    case "cap":
    case "copy":
      return { type: INT, text: node.text };
    case "append":
      return { type: x.expression(argNodes[0] as Node).type, text: node.text };
    case "recover":
      return { type: ANY, text: node.text };
    default:
      return { type: { kind: "tuple", types: [] }, text: node.text };
  }
}

/** The JavaScript of a built-in's call on arguments already translated (a deferred call's, too). */
export function builtinWith(x: Expressions, node: Node, name: string, args: Translated[]): string {
  const first = args[0];
  const arity = (n: number) => {
    if (args.length < n) throw errorAt(node, `not enough arguments for ${node.text}`);
    if (args.length > n) throw errorAt(node, `too many arguments for ${node.text}`);
  };
  switch (name) {
    case "len":
    case "cap": {
      arity(1);
      const u = underlying((first as Translated).type);
      const js = (first as Translated).js;
      if (name === "len" && isString(u)) return `$.strlen(${js})`;
      if (u.kind === "slice") return name === "len" ? `$.sliceLen(${js})` : `$.sliceCap(${js})`;
      if (u.kind === "chan") return name === "len" ? `$.len(${js})` : `$.cap(${js})`;
      if (u.kind === "map" && name === "len") return `$.mapLen(${js})`;
      throw errorAt(
        node,
        `invalid argument: ${first?.text} (variable of type ${typeString(u)}) for built-in ${name}`,
      );
    }
    case "copy": {
      arity(2);
      return `$.copy(${(first as Translated).js}, ${(args[1] as Translated).js})`;
    }
    case "append": {
      if (!first) throw errorAt(node, "not enough arguments for append() (expected 1, found 0)");
      const u = underlying(first.type);
      if (x.hasSpread(node)) {
        if (u.kind !== "slice" || args.length !== 2)
          throw errorAt(node, `invalid use of ... with built-in append`);
        const [size, noscan] = elementLayout(u.elem);
        const rest = args[1] as Translated;
        const slice = isString(rest.type) ? `$.bytesOf(${rest.js})` : rest.js;
        return `$.appendSlice(${first.js}, ${slice}, ${size}, ${noscan}, ${isByte(u.elem)})`;
      }
      if (u.kind !== "slice")
        throw errorAt(
          node,
          `invalid argument: ${first.text} (variable of type ${typeString(first.type)}) is not a slice`,
        );
      const items = args.slice(1).map((a) => x.convertFor(a, u.elem, node).js);
      const [size, noscan] = elementLayout(u.elem);
      return `$.append(${first.js}, [${items.join(", ")}], ${size}, ${noscan}, ${isByte(u.elem)})`;
    }
    case "close": {
      arity(1);
      const u = underlying((first as Translated).type);
      if (u.kind !== "chan")
        throw errorAt(node, `invalid operation: ${node.text} (non-chan type ${typeString(u)})`);
      if (u.dir === "recv")
        throw errorAt(
          node,
          `invalid operation: cannot close receive-only channel ${first?.text} (variable of type ${typeString(u)})`,
        );
      return `$.close(${(first as Translated).js})`;
    }
    case "panic": {
      arity(1);
      return `$.panic(${x.convertFor(first as Translated, ANY, node).js})`;
    }
    case "recover":
      arity(0);
      return "$.recover()";
    case "delete": {
      arity(2);
      const u = underlying((first as Translated).type);
      if (u.kind !== "map") throw errorAt(node, `invalid argument: ${first?.text} is not a map`);
      return `$.mapDelete(${(first as Translated).js}, ${x.convertFor(args[1] as Translated, u.key, node).js})`;
    }
    default:
      throw outsideSubset(node, `the built-in ${name}`);
  }
}

/**
 * min and max (Go 1.21): of numbers or strings, all of one type once untyped constants take the type of the
 * typed operands (an untyped float among untyped ints makes the result a float).
 */
function minMax(x: Expressions, node: Node, name: "min" | "max", argNodes: Node[]): Translated {
  const args = argNodes.map((a) => x.expression(a));
  if (args.length === 0) throw errorAt(node, `not enough arguments for ${node.text} (expected 1, found 0)`);
  const typed = args.find((a) => a.type.kind !== "untyped")?.type;
  const rank = ["untyped int", "untyped rune", "untyped float"];
  const widest = args
    .map((a) => a.type)
    .reduce((w, t) => (rank.indexOf(typeString(t)) > rank.indexOf(typeString(w)) ? t : w));
  const type = typed ?? defaultType(widest);
  if (!isNumeric(type) && !isString(type))
    throw errorAt(node, `invalid argument: ${args[0]?.text} cannot be ordered`);
  const values = args.map((a) => x.convertFor(a, type, node).js);
  const js = isString(type)
    ? `[${values.join(", ")}].reduce((a, b) => (b ${name === "min" ? "<" : ">"} a ? b : a))`
    : `Math.${name}(${values.join(", ")})`;
  return { js, type, text: node.text };
}

/** `new(T)`: a pointer to a fresh zero T, which for a struct is its object and otherwise a box. */
function newValue(x: Expressions, node: Node, argNodes: Node[]): Translated {
  if (argNodes.length !== 1)
    throw errorAt(
      node,
      `${argNodes.length === 0 ? "not enough" : "too many"} arguments for ${node.text} (expected 1, found ${argNodes.length})`,
    );
  const type = x.t.typeOf(argNodes[0] as Node);
  const zero = x.zeroValue(type);
  return {
    js: isSharedObject(type) ? zero : `{ v: ${zero} }`,
    type: { kind: "pointer", elem: type },
    text: node.text,
  };
}

function make(x: Expressions, node: Node, argNodes: Node[]): Translated {
  const [typeNode, ...rest] = argNodes;
  if (!typeNode) throw errorAt(node, "not enough arguments for make() (expected 1, found 0)");
  const type = x.t.typeOf(typeNode);
  // A size may be of any integer type (`make([]byte, 0, size)` with an int64 size).
  const sizes = rest.map((a) => {
    const size = x.expression(a);
    return size.type.kind !== "untyped" && isInteger(size.type) ? size.js : x.convertFor(size, INT, node).js;
  });
  const u = underlying(type);
  switch (u.kind) {
    case "chan": {
      const [size, noscan] = elementLayout(u.elem);
      return { js: `$.makeChan(${sizes[0] ?? 0}, ${size}, ${noscan})`, type, text: node.text };
    }
    case "slice": {
      if (sizes.length === 0)
        throw errorAt(node, `invalid operation: ${node.text} expects 2 or 3 arguments; found 1`);
      const length = sizes[0] as string;
      const capacity = sizes[1] ?? length;
      return {
        js: isByte(u.elem)
          ? `$.makeBytes(${length}, ${capacity})`
          : `$.makeSlice(${length}, ${capacity}, ${x.zeroValue(u.elem)}, ${elementLayout(u.elem).join(", ")})`,
        type,
        text: node.text,
      };
    }
    case "map":
      return { js: "new Map()", type, text: node.text };
    default:
      throw errorAt(
        node,
        `invalid argument: cannot make ${typeNode.text}; type must be slice, map, or channel`,
      );
  }
}

/** `int(x)`, `float64(n)`, `time.Duration(n)`. */
export function conversion(x: Expressions, node: Node, to: GoType, argNodes: Node[]): Translated {
  if (argNodes.length !== 1) throw errorAt(node, `wrong argument count in conversion to ${typeString(to)}`);
  const value = x.expression(argNodes[0] as Node);
  const argument = argNodes[0] as Node;
  if ((isTimeValue(value.type) || isTimeValue(to)) && !identical(value.type, to))
    throw errorAt(
      argument,
      `cannot convert ${value.text} (variable of type ${typeString(value.type)}) to type ${typeString(to)}`,
    );
  const from = underlying(value.type);
  const target = underlying(to);
  if (isNumeric(from) && isNumeric(target)) {
    const toKind = integerKind(target);
    if (value.constant !== undefined) {
      const n = value.constant as number;
      if (toKind && !Number.isInteger(n))
        throw errorAt(
          node,
          `cannot convert ${value.text} (untyped float constant) to type ${typeString(to)} (truncated)`,
        );
      if (toKind && !fitsInteger(n, toKind))
        throw errorAt(value.at ?? node, `constant ${constantText(n)} overflows ${typeString(to)}`);
      const inexact = toKind && inexactConstant(value.at ?? node, n, toKind);
      if (inexact) throw inexact;
      return constant(n, to, node.text);
    }
    const js = toKind ? integerConversion(integerKind(defaultType(from)), toKind, value.js) : value.js;
    return { js, type: to, text: node.text };
  }
  if (isString(from) && isString(target)) return { ...value, type: to, text: node.text };
  if (isString(target) && isInteger(from))
    return { js: `$.runeString(${value.js})`, type: to, text: node.text };
  const isBytes = (t: GoType) => t.kind === "slice" && isByte(t.elem);
  if (isBytes(target) && isString(from)) return { js: `$.bytesOf(${value.js})`, type: to, text: node.text };
  if (isString(target) && isBytes(from)) return { js: `$.stringOf(${value.js})`, type: to, text: node.text };
  // Types of one underlying type convert to each other (`http.HandlerFunc(func(w, r) {…})`).
  if (
    identical(value.type, to) ||
    assignable(value.type, to) ||
    (value.type.kind !== "nil" && identical(from, target))
  )
    return { ...value, type: to, text: node.text };
  throw errorAt(
    argument,
    `cannot convert ${value.text} (variable of type ${typeString(value.type)}) to type ${typeString(to)}`,
  );
}
