/**
 * Go expressions to JavaScript, with their types: names, constants (untyped until they meet a type), calls
 * awaited, receives and map lookups with their `ok`, selectors, indexes, slices and composite literals, and
 * the conversions a value goes through to be assigned. Operators are in operators.ts, the built-ins and
 * conversions in builtins.ts.
 */
import type { Node } from "web-tree-sitter";
import { isSharedObject } from "./addressTaken.ts";
import { builtin, builtinWith, conversion } from "./builtins.ts";
import { CompileError, errorAt, outsideSubset } from "./compileError.ts";
import { fitsInteger, inexactConstant } from "./integers.ts";
import { layout } from "./layout.ts";
import { binary, unary } from "./operators.ts";
import { METHODS, PACKAGES } from "./packages.ts";
import { type Binding, importedMember, jsName } from "./scope.ts";
import type { Translator } from "./translate.ts";
import {
  assignable,
  BOOL,
  BYTE,
  defaultType,
  ERROR,
  type GoType,
  INT,
  integerKind,
  isBoolean,
  isInteger,
  isInterface,
  isString,
  type MethodInfo,
  methodSet,
  missingMethod,
  NIL,
  qualifiedKey,
  structOf,
  typeKey,
  typeString,
  UNTYPED_BOOL,
  UNTYPED_FLOAT,
  UNTYPED_INT,
  UNTYPED_RUNE,
  UNTYPED_STRING,
  underlying,
} from "./types.ts";
import { goQuote } from "./utf8.ts";

export interface Translated {
  readonly js: string;
  readonly type: GoType;
  /** The Go source, for messages. */
  readonly text: string;
  /** A constant's value, folded at compile time. */
  readonly constant?: number | string | boolean;
  /** A variable, field or element: a struct read from one is copied where Go copies it. */
  readonly addressable?: boolean;
  /** A map entry: not addressable, but a struct read from it shares the map's storage, so it is copied too. */
  readonly shared?: boolean;
  /** Where a call's results came from, for "used as value" errors about them; where a constant is written. */
  readonly at?: Node;
}

/** Where an assignment stores: a variable, a slice element, a map entry. */
export interface Target {
  readonly load: string;
  readonly type: GoType;
  store(value: string): string;
}

export class Expressions {
  private iota: number | undefined = undefined;

  /** The translator whose scope names resolve in and which writes sites (operators.ts reads it too). */
  constructor(readonly t: Translator) {}

  withIota<T>(iota: number, body: () => T): T {
    const outer = this.iota;
    this.iota = iota;
    try {
      return body();
    } finally {
      this.iota = outer;
    }
  }

  /**
   * An expression list. A single receive, map index or call on the right of two targets gives a tuple: the
   * caller passes how many values it wants.
   */
  list(node: Node, wanted?: number): Translated[] {
    const items = node.type === "expression_list" ? (node.namedChildren.filter(Boolean) as Node[]) : [node];
    if (items.length === 1 && wanted === 2) {
      const only = items[0] as Node;
      const commaOk = this.commaOk(only);
      if (commaOk) return [commaOk];
    }
    return items.map((item) => this.expression(item));
  }

  /** `v, ok := <-ch` and `v, ok := m[k]`: the value and whether there was one. */
  private commaOk(node: Node): Translated | undefined {
    const inner = node.type === "parenthesized_expression" ? (node.namedChildren[0] as Node) : node;
    if (inner.type === "unary_expression" && field(inner, "operator").text === "<-") {
      const { chan, elem } = this.receiveParts(inner);
      return {
        js: `(await ${this.t.blockingAt(inner, `$.recv(${chan}, ${this.zeroValue(elem)})`)})`,
        type: { kind: "tuple", types: [elem, BOOL] },
        text: inner.text,
      };
    }
    if (inner.type === "type_assertion_expression") return this.typeAssertion(inner, true);
    if (inner.type === "index_expression") {
      const operand = this.expression(field(inner, "operand"));
      const u = underlying(operand.type);
      if (u.kind === "map") {
        const key = this.convertFor(this.expression(field(inner, "index")), u.key, inner);
        const lookup = `$.mapGet(${operand.js}, ${key.js}, ${this.zeroValue(u.value)})`;
        // A struct read out of a map is a copy, as with any read of one.
        const copiedLookup =
          structOf(u.value) !== undefined && u.value.kind !== "pointer"
            ? `(($r) => [$.clone($r[0], ${this.typeConstant(u.value)}), $r[1]])(${lookup})`
            : lookup;
        return { js: copiedLookup, type: { kind: "tuple", types: [u.value, BOOL] }, text: inner.text };
      }
    }
    return undefined;
  }

  /** `x.(T)`: T's value out of the interface x, or Go's panic; with `ok`, the pair. */
  private typeAssertion(node: Node, commaOk: boolean): Translated {
    const subject = this.expression(field(node, "operand"));
    if (!isInterface(subject.type)) {
      throw errorAt(
        node,
        `invalid operation: ${subject.text} (variable of type ${typeString(subject.type)}) is not an interface`,
      );
    }
    const target = this.t.typeOf(field(node, "type"));
    if (!isInterface(target)) {
      const missing = missingMethod(target, subject.type);
      if (missing) {
        throw errorAt(
          node,
          `impossible type assertion: ${subject.text}.(${typeString(target)})\n\t${typeString(target)} does not implement ${typeString(subject.type)} (missing method ${missing.name})`,
        );
      }
    }
    const js = `$.assertType(${subject.js}, ${this.typeTarget(target, subject.type)}, ${this.zeroValue(target)}, ${commaOk})`;
    if (commaOk) return { js, type: { kind: "tuple", types: [target, BOOL] }, text: node.text };
    return { js, type: target, text: node.text };
  }

  /** A value whose constant kind is settled to its default type, ready to be stored. */
  settle(value: Translated): Translated {
    if (value.type.kind === "tuple") throw this.notSingleValue(value);
    if (value.type.kind === "untyped") return { ...value, type: defaultType(value.type) };
    return this.copied(value);
  }

  /** Go's error for a call with no result, or several, where one value is wanted. */
  notSingleValue(value: Translated): CompileError {
    const types = value.type.kind === "tuple" ? value.type.types : [];
    const message =
      types.length === 0
        ? `${value.text} (no value) used as value`
        : `multiple-value ${value.text} (value of type ${typeString(value.type)}) in single-value context`;
    return value.at ? errorAt(value.at, message) : new CompileError(1, 1, message);
  }

  /** A struct read from a variable, field or element is a copy wherever it goes, as Go's values are. */
  private copied(value: Translated): Translated {
    if (
      !(value.addressable || value.shared) ||
      structOf(value.type) === undefined ||
      value.type.kind === "pointer"
    )
      return value;
    return {
      ...value,
      js: `$.clone(${value.js}, ${this.typeConstant(value.type)})`,
      addressable: false,
      shared: false,
    };
  }

  /**
   * A value converted for a place of type `to` (assignment, argument, return), or Go's complaint; `context`
   * is how Go's messages name the place.
   */
  convertFor(value: Translated, to: GoType, at: Node, context = "assignment"): Translated {
    if (value.type.kind === "tuple") {
      throw errorAt(
        at,
        value.type.types.length === 0
          ? `${value.text} (no value) used as value`
          : `multiple-value ${value.text} (value of type ${typeString(value.type)}) in single-value context`,
      );
    }
    // An untyped float constant of a whole value is an integer constant too (`var n int = 7.0`).
    const wholeFloat =
      value.type.kind === "untyped" &&
      typeof value.constant === "number" &&
      Number.isInteger(value.constant) &&
      isInteger(to);
    if (!assignable(value.type, to) && !wholeFloat) {
      if (
        value.type.kind === "untyped" &&
        value.constant !== undefined &&
        isInteger(to) &&
        typeof value.constant === "number" &&
        !Number.isInteger(value.constant)
      ) {
        throw errorAt(
          at,
          `cannot use ${value.text} (untyped float constant) as ${typeString(to)} value in ${context} (truncated)`,
        );
      }
      throw errorAt(
        value.constant === undefined ? at : (value.at ?? at),
        `cannot use ${describeOperand(value)} as ${typeString(to)} value in ${context}`,
      );
    }
    const kind = value.type.kind === "untyped" ? integerKind(to) : undefined;
    if (kind && typeof value.constant === "number" && !fitsInteger(value.constant, kind))
      throw errorAt(
        value.at ?? at,
        `cannot use ${describeOperand(value)} as ${typeString(to)} value in ${context} (overflows)`,
      );
    const inexact =
      kind && typeof value.constant === "number" && inexactConstant(value.at ?? at, value.constant, kind);
    if (inexact) throw inexact;
    if (value.type.kind === "nil") return { ...value, js: "null", type: to };
    if (isInterface(to) && !isInterface(value.type)) return { ...this.boxed(value), type: to };
    return { ...this.copied(value), type: to };
  }

  /** A concrete value put in an interface: boxed with its dynamic type (an untyped constant with its default). */
  boxed(value: Translated): Translated {
    const settled = this.settle(value);
    const js = `$.box(${settled.js}, ${this.typeConstant(settled.type)}, ${JSON.stringify(qualifiedKey(settled.type))})`;
    return { ...settled, js, addressable: false };
  }

  /** What `x.(T)` and a type switch's `case T` test: T's spelling and, for an interface, its methods. */
  typeTarget(target: GoType, subject: GoType): string {
    const u = underlying(target);
    const methods =
      u.kind === "interface" ? `, methods: ${JSON.stringify(Object.keys(u.methods).sort())}` : "";
    return `{ key: ${JSON.stringify(qualifiedKey(target))}${methods}, staticName: ${JSON.stringify(qualifiedKey(subject))} }`;
  }

  /** Go's zero value of a type, as JavaScript. */
  zeroValue(type: GoType): string {
    if (type.kind === "named") {
      if (type.name === "sync.WaitGroup") return "$.newWaitGroup()";
      if (type.name === "sync.Mutex") return "$.newMutex()";
      if (type.name === "sync.RWMutex") return "$.newRWMutex()";
      if (type.name === "sync.Once") return "$.newOnce()";
      if (!type.underlying) return "null";
    }
    const u = underlying(type);
    if (u.kind === "basic" || u.kind === "untyped") {
      if (isString(u)) return '""';
      if (isBoolean(u)) return "false";
      return "0";
    }
    if (u.kind === "struct")
      return `{ ${u.fields.map((f) => `${jsName(f.name)}: ${this.zeroValue(f.type)}`).join(", ")} }`;
    return "null";
  }

  /**
   * A type as a JavaScript expression for the runtime (fmt prints by it, $.clone copies by it). A declared type
   * is looked up by name, since it may contain itself.
   */
  typeConstant(type: GoType): string {
    switch (type.kind) {
      case "named":
        // A type the program declares is the runtime's by name (it may contain itself); a library's is written out.
        if (type.pkg !== undefined) return `$.named(${JSON.stringify(typeKey(type))})`;
        return `{ kind: "named", name: ${JSON.stringify(type.name)}, underlying: ${type.underlying ? this.typeConstant(type.underlying) : "undefined"} }`;
      case "chan":
        return `{ kind: "chan", dir: ${JSON.stringify(type.dir)}, elem: ${this.typeConstant(type.elem)} }`;
      case "slice":
      case "pointer":
        return `{ kind: ${JSON.stringify(type.kind)}, elem: ${this.typeConstant(type.elem)} }`;
      case "map":
        return `{ kind: "map", key: ${this.typeConstant(type.key)}, value: ${this.typeConstant(type.value)} }`;
      case "struct":
        return `{ kind: "struct", fields: [${type.fields.map((f) => `{ name: ${JSON.stringify(f.name)}, js: ${JSON.stringify(jsName(f.name))}, type: ${this.typeConstant(f.type)} }`).join(", ")}] }`;
      case "func":
        return `{ kind: "func", params: [${type.params.map((t) => this.typeConstant(t)).join(", ")}], results: [${type.results.map((t) => this.typeConstant(t)).join(", ")}] }`;
      case "tuple":
        return `{ kind: "tuple", types: [${type.types.map((t) => this.typeConstant(t)).join(", ")}] }`;
      case "interface":
        // Its methods are checked when the program is translated; at run time only its kind is needed.
        return `{ kind: "interface", methods: {} }`;
      default:
        return JSON.stringify(type);
    }
  }

  expression(node: Node): Translated {
    const value = this.expressionOf(node);
    // A constant keeps where it is written: Go reports a constant that does not fit its type there.
    return value.constant !== undefined && value.at === undefined ? { ...value, at: node } : value;
  }

  private expressionOf(node: Node): Translated {
    switch (node.type) {
      case "parenthesized_expression": {
        const inner = this.expression(node.namedChildren[0] as Node);
        return { ...inner, js: `(${inner.js})`, text: node.text };
      }
      case "int_literal":
        return constant(Number(node.text.replaceAll("_", "")), UNTYPED_INT, node.text);
      case "float_literal":
        return constant(Number(node.text.replaceAll("_", "")), UNTYPED_FLOAT, node.text);
      case "rune_literal":
        return constant(unquote(node.text).codePointAt(0) as number, UNTYPED_RUNE, node.text);
      case "interpreted_string_literal":
      case "raw_string_literal":
        return constant(
          node.type === "raw_string_literal"
            ? node.text.slice(1, -1).replaceAll("\r", "")
            : unquote(node.text),
          UNTYPED_STRING,
          node.text,
        );
      case "true":
      case "false":
        return constant(node.type === "true", UNTYPED_BOOL, node.text);
      case "nil":
        return { js: "null", type: NIL, text: "nil" };
      case "iota":
        if (this.iota === undefined) throw errorAt(node, "cannot use iota outside constant declaration");
        return constant(this.iota, UNTYPED_INT, "iota");
      case "identifier":
        return this.identifier(node);
      case "unary_expression":
        return unary(this, node);
      case "binary_expression":
        return this.binary(
          node,
          field(node, "operator").text,
          this.expression(field(node, "left")),
          this.expression(field(node, "right")),
        );
      case "call_expression":
        return this.call(node);
      case "selector_expression":
        return this.selector(node);
      case "index_expression":
        return this.index(node);
      case "func_literal": {
        const type = this.t.signature(node);
        return { js: `(async function (${this.t.functionBody(node, type)})`, type, text: "func literal" };
      }
      case "composite_literal":
        return this.compositeLiteral(node);
      case "slice_expression":
        return this.sliceExpression(node);
      case "type_assertion_expression":
        return this.typeAssertion(node, false);
      case "type_conversion_expression":
        return conversion(this, node, this.t.typeOf(field(node, "type")), [field(node, "operand")]);
      default:
        throw outsideSubset(node, node.type.replaceAll("_", " ").replace(/expression$/, "expressions"));
    }
  }

  private identifier(node: Node): Translated {
    const name = node.text;
    if (name === "_") throw errorAt(node, "cannot use _ as value");
    const binding = this.t.scope.lookup(name);
    if (!binding) throw errorAt(node, `undefined: ${name}`);
    return this.named(node, name, binding);
  }

  /** What a name denotes, as a value: a variable, a constant or a function (of this package or an imported one). */
  private named(node: Node, name: string, binding: Binding): Translated {
    switch (binding.kind) {
      case "var":
        binding.used = true;
        return { js: binding.js, type: binding.type, text: name, addressable: true };
      case "const":
        return { js: JSON.stringify(binding.value), type: binding.type, text: name, constant: binding.value };
      case "func":
        return { js: binding.js, type: binding.type, text: name };
      case "package":
        throw errorAt(node, `use of package ${name} without selector`);
      case "type":
        throw errorAt(node, `${name} (type) is not an expression`);
      case "builtin":
        throw errorAt(node, `${name} (built-in function ${name}) must be called`);
    }
  }

  /** A binary operation, checked as Go checks it (operators.ts); `node` is where an error is reported. */
  binary(node: Node, operator: string, left: Translated, right: Translated): Translated {
    return binary(this, node, operator, left, right);
  }

  // ---- calls ----

  /** An expression used as a statement: a call or a receive. */
  statementExpression(node: Node): string {
    if (node.type === "call_expression") return this.call(node).js;
    if (node.type === "unary_expression" && field(node, "operator").text === "<-")
      return this.expression(node).js;
    if (node.type === "parenthesized_expression")
      return this.statementExpression(node.namedChildren[0] as Node);
    throw errorAt(node, `${node.text} (value) is not used`);
  }

  private arguments(node: Node): Node[] {
    const args = field(node, "arguments");
    // `f(a, s...)`: the spread argument is the slice itself; checkArguments passes it as the variadic parameter.
    return args.namedChildren
      .filter((a): a is Node => a !== null && a.type !== "comment")
      .map((a) => (a.type === "variadic_argument" ? (a.namedChildren[0] as Node) : a));
  }

  call(node: Node): Translated {
    const fnNode = field(node, "function");
    const argNodes = () => this.arguments(node);
    if (fnNode.type === "identifier") {
      const binding = this.t.scope.lookup(fnNode.text);
      if (binding?.kind === "builtin") return builtin(this, node, binding.name, argNodes());
      if (binding?.kind === "type") return conversion(this, node, binding.type, argNodes());
    }
    if (fnNode.type === "selector_expression") {
      const operandNode = field(fnNode, "operand");
      const name = field(fnNode, "field").text;
      const pkgBinding =
        operandNode.type === "identifier" ? this.t.scope.lookup(operandNode.text) : undefined;
      if (pkgBinding?.kind === "package" && pkgBinding.members) {
        pkgBinding.used = true;
        const member = importedMember(field(fnNode, "field"), pkgBinding, name);
        if (member.kind === "type") return conversion(this, node, member.type, argNodes());
        return this.callValue(node, this.named(fnNode, fnNode.text, member), argNodes());
      }
      if (pkgBinding?.kind === "package") {
        pkgBinding.used = true;
        const pkg = PACKAGES[pkgBinding.path];
        const type = pkg?.types?.[name];
        if (type) return conversion(this, node, type, argNodes());
        const fn = pkg?.functions[name];
        if (!fn) throw errorAt(field(fnNode, "field"), `undefined: ${operandNode.text}.${name}`);
        const args = argNodes().map((a) => this.expression(a));
        // fmt's `...any`: `fmt.Sprintf(format, args...)` hands on a []any's elements as the operands.
        const spread = !fn.params && this.hasSpread(node);
        if (spread) this.checkSpreadOperands(node, fnNode.text, args);
        const checked = fn.params ? this.checkArguments(node, fnNode.text, fn.params, args) : args;
        const js = fn.call(
          checked,
          (list) => this.fmtArgs(list, spread),
          () => this.t.site(node),
          args,
          (type) => this.typeTarget(type, ERROR),
        );
        return this.result(fn.blocks ? `(await ${this.t.blockingAt(node, js)})` : js, fn.results, node);
      }
      const receiver = this.expression(operandNode);
      const ifaceMethod = isInterface(receiver.type) ? methodSet(receiver.type)[name] : undefined;
      if (ifaceMethod && ifaceMethod.kind === "func") {
        const args = this.checkArguments(
          node,
          fnNode.text,
          ifaceMethod.params,
          argNodes().map((a) => this.expression(a)),
          ifaceMethod.variadic,
        );
        const js = `(await $.callMethod(${receiver.js}, ${JSON.stringify(name)}, [${args.map((a) => a.js).join(", ")}]))`;
        return this.result(js, ifaceMethod.results, node);
      }
      const declared = this.methodOf(receiver.type, name);
      if (declared)
        return this.declaredMethodCall(
          node,
          receiver,
          name,
          declared,
          argNodes().map((a) => this.expression(a)),
        );
      const fieldValue = this.field(receiver, name, fnNode);
      if (fieldValue) return this.callValue(node, fieldValue, argNodes());
      const recvType = receiver.type.kind === "pointer" ? receiver.type.elem : receiver.type;
      const method = recvType.kind === "named" ? METHODS[recvType.name]?.[name] : undefined;
      if (!method)
        throw errorAt(
          fnNode,
          `${fnNode.text} undefined (type ${typeString(receiver.type)} has no field or method ${name})`,
        );
      const args = this.checkArguments(
        node,
        fnNode.text,
        method.params,
        argNodes().map((a) => this.expression(a)),
      );
      const js = method.call(
        receiver.js,
        args.map((a) => a.js),
      );
      return this.result(method.blocks ? `(await ${this.t.blockingAt(node, js)})` : js, method.results, node);
    }
    return this.callValue(node, this.expression(fnNode), argNodes());
  }

  /** A call of a function value: a variable, a field, a literal. */
  private callValue(node: Node, fn: Translated, argNodes: Node[]): Translated {
    const type = underlying(fn.type);
    if (type.kind !== "func")
      throw errorAt(
        node,
        `invalid operation: cannot call non-function ${fn.text} (variable of type ${typeString(fn.type)})`,
      );
    const args = this.checkArguments(
      node,
      fn.text,
      type.params,
      argNodes.map((a) => this.expression(a)),
      type.variadic,
    );
    return this.result(`(await $.fn(${fn.js})(${args.map((a) => a.js).join(", ")}))`, type.results, node);
  }

  private result(js: string, results: readonly GoType[], node: Node): Translated {
    if (results.length === 1) return { js, type: results[0] as GoType, text: node.text };
    return { js, type: { kind: "tuple", types: results }, text: node.text, at: node };
  }

  /**
   * A call's arguments checked against its parameters and converted for them (boxed for an interface, a struct
   * copied). For a variadic function the extra arguments are packed into a slice, or `s...` passed as it is.
   */
  private checkArguments(
    node: Node,
    name: string,
    params: readonly GoType[],
    args: Translated[],
    variadic = false,
  ): Translated[] {
    if (args.length === 1 && params.length > 1 && args[0]?.type.kind === "tuple") {
      throw outsideSubset(node, "calls passing a call's several results");
    }
    const spread = this.hasSpread(node);
    if (spread && !variadic) throw errorAt(node, `have (...) but function is not variadic: ${name}`);
    const fixed = variadic && !spread ? params.length - 1 : params.length;
    if (variadic && !spread ? args.length < fixed : args.length !== params.length) {
      const have = args.map((a) => typeString(this.settle(a).type)).join(", ");
      const want = params.map((t) => typeString(t)).join(", ");
      throw errorAt(
        node,
        `${args.length < params.length ? "not enough" : "too many"} arguments in call to ${name}\n\thave (${have})\n\twant (${want})`,
      );
    }
    // Go reports an argument's error at the argument.
    const argumentNodes = (node.childForFieldName("arguments")?.namedChildren ?? []).filter(
      (n): n is Node => n !== null && n.type !== "comment",
    );
    const convert = (arg: Translated, param: GoType, i: number): Translated => {
      const at = argumentNodes[i] ?? node;
      if (arg.type.kind === "tuple") throw errorAt(at, `${arg.text} (no value) used as value`);
      return this.convertFor(arg, param, at, `argument to ${name}`);
    };
    const out = args.slice(0, fixed).map((arg, i) => convert(arg, params[i] as GoType, i));
    if (variadic && !spread) {
      const sliceType = params.at(-1) as GoType;
      const elem = sliceType.kind === "slice" ? sliceType.elem : sliceType;
      const rest = args.slice(fixed).map((arg, i) => convert(arg, elem, fixed + i).js);
      // No extra arguments: the parameter is a nil slice, as in Go.
      out.push({
        js:
          rest.length === 0 ? "null" : `$.${isByte(elem) ? "bytesSliceOf" : "sliceOf"}([${rest.join(", ")}])`,
        type: sliceType,
        text: "...",
      });
    }
    return out;
  }

  /** Whether the call's last argument is `s...`. */
  hasSpread(node: Node): boolean {
    const args = node.childForFieldName("arguments");
    return args?.namedChildren.some((a) => a?.type === "variadic_argument") ?? false;
  }

  /**
   * `f(format, rest...)` for fmt's `...any`: after the fixed parameters (a format for Printf and its kin) comes
   * the []any alone, as Go's assignability has it.
   */
  private checkSpreadOperands(call: Node, name: string, args: readonly Translated[]): void {
    // Go reports each of these at the spread argument.
    const node = call.childForFieldName("arguments")?.namedChildren.at(-1) ?? call;
    const fixed = name.endsWith("f") ? ["string"] : [];
    if (args.length !== fixed.length + 1) {
      const have = args.map((a) => typeString(this.settle(a).type)).join(", ");
      throw errorAt(
        node,
        `${args.length < fixed.length + 1 ? "not enough" : "too many"} arguments in call to ${name}\n\thave (${have})\n\twant (${[...fixed, "...any"].join(", ")})`,
      );
    }
    const rest = args.at(-1) as Translated;
    const type = underlying(rest.type);
    const anySlice = type.kind === "slice" && underlying(type.elem).kind === "interface";
    if (!anySlice && rest.type.kind !== "nil")
      throw errorAt(node, `cannot use ${describeOperand(rest)} as []any value in argument to ${name}`);
  }

  /**
   * fmt's operands: each value with the type it is printed by; with `spread`, the last is a []any whose
   * elements are the rest, each with its dynamic type.
   */
  fmtArgs(args: readonly Translated[], spread = false): string {
    if (spread) {
      const fixed = args.slice(0, -1);
      return `[...${this.fmtArgs(fixed)}, ...$.spreadOperands(${(args.at(-1) as Translated).js})]`;
    }
    const only = args[0];
    if (args.length === 1 && only?.type.kind === "tuple" && only.type.types.length > 1) {
      // fmt.Println(f()) with f returning several values: each is an operand.
      const types = only.type.types.map((type, i) => `{ value: $r[${i}], type: ${this.typeConstant(type)} }`);
      return `(($r) => [${types.join(", ")}])(${only.js})`;
    }
    return `[${args
      .map((arg) => {
        if (arg.type.kind === "tuple") throw this.notSingleValue(arg);
        return `{ value: ${arg.js}, type: ${this.typeConstant(arg.type)} }`;
      })
      .join(", ")}]`;
  }

  /** `storage.NewService`: a name of one of the program's own packages. */
  private isImportedFunction(node: Node): boolean {
    if (node.type !== "selector_expression") return false;
    const operand = field(node, "operand");
    const binding = operand.type === "identifier" ? this.t.scope.lookup(operand.text) : undefined;
    return binding?.kind === "package" && binding.members !== undefined;
  }

  /** `go f(x)` and `defer f(x)`: the function and arguments evaluated now, the call made later. */
  /** A call for later (`go`, `defer`): its arguments evaluated now into `temps`, and the call that uses them. */
  deferredCall(node: Node): { setup: string; call: string; temps: string[] } {
    const fnNode = field(node, "function");
    const args = this.arguments(node);
    const temps = args.map(() => this.t.temp());
    const translated = args.map((a) => this.settle(this.expression(a)));
    const setup = translated.map((a, i) => `const ${temps[i]} = ${a.js};`).join(" ");
    // Re-translate the call with the evaluated arguments standing in for the originals.
    const call = this.withArgumentValues(
      node,
      fnNode,
      translated.map((a, i) => ({ ...a, js: temps[i] as string })),
    );
    return { setup, call, temps };
  }

  private withArgumentValues(node: Node, fnNode: Node, args: Translated[]): string {
    if (
      this.isImportedFunction(fnNode) ||
      fnNode.type === "func_literal" ||
      fnNode.type === "identifier" ||
      fnNode.type === "parenthesized_expression"
    ) {
      const binding = fnNode.type === "identifier" ? this.t.scope.lookup(fnNode.text) : undefined;
      if (binding?.kind === "builtin") return builtinWith(this, node, binding.name, args);
      const fn = this.expression(fnNode);
      const type = underlying(fn.type);
      if (type.kind !== "func") throw errorAt(node, `invalid operation: cannot call non-function ${fn.text}`);
      const checked = this.checkArguments(node, fnNode.text, type.params, args, type.variadic);
      const fnTemp = this.t.temp();
      return `const ${fnTemp} = ${fn.js}; await ${fnTemp}(${checked.map((a) => a.js).join(", ")})`;
    }
    if (fnNode.type === "selector_expression") {
      const operandNode = field(fnNode, "operand");
      const name = field(fnNode, "field").text;
      const pkgBinding =
        operandNode.type === "identifier" ? this.t.scope.lookup(operandNode.text) : undefined;
      if (pkgBinding?.kind === "package" && !pkgBinding.members) {
        pkgBinding.used = true;
        const fn = PACKAGES[pkgBinding.path]?.functions[name];
        if (!fn) throw errorAt(field(fnNode, "field"), `undefined: ${operandNode.text}.${name}`);
        const checked = fn.params ? this.checkArguments(node, fnNode.text, fn.params, args) : args;
        return `await ${this.t.blockingAt(
          node,
          fn.call(
            checked,
            (list) => this.fmtArgs(list),
            () => this.t.site(node),
            args,
            (type) => this.typeTarget(type, ERROR),
          ),
        )}`;
      }
      // The receiver is evaluated now too: `defer s.notifier.Done(id)` calls the notifier s holds now.
      const receiver = this.expression(operandNode);
      const recvTemp = this.t.temp();
      const held: Translated = { ...receiver, js: recvTemp };
      const ifaceMethod = isInterface(receiver.type) ? methodSet(receiver.type)[name] : undefined;
      if (ifaceMethod && ifaceMethod.kind === "func") {
        const checked = this.checkArguments(
          node,
          fnNode.text,
          ifaceMethod.params,
          args,
          ifaceMethod.variadic,
        );
        return `const ${recvTemp} = ${receiver.js}; await $.callMethod(${recvTemp}, ${JSON.stringify(name)}, [${checked.map((a) => a.js).join(", ")}])`;
      }
      const declared = this.methodOf(receiver.type, name);
      if (declared) {
        // A value receiver is copied now, when the call is deferred, as Go evaluates it.
        const value = declared.pointer ? receiver : this.settle(receiver);
        return `const ${recvTemp} = ${value.js}; ${this.declaredMethodCall(node, { ...held, addressable: declared.pointer ? Boolean(receiver.addressable) : false }, name, declared, args).js}`;
      }
      const recvType = receiver.type.kind === "pointer" ? receiver.type.elem : receiver.type;
      const method = recvType.kind === "named" ? METHODS[recvType.name]?.[name] : undefined;
      if (!method)
        throw errorAt(
          fnNode,
          `${fnNode.text} undefined (type ${typeString(receiver.type)} has no field or method ${name})`,
        );
      const checked = this.checkArguments(node, fnNode.text, method.params, args);
      const js = method.call(
        recvTemp,
        checked.map((a) => a.js),
      );
      return `const ${recvTemp} = ${receiver.js}; await ${this.t.blockingAt(node, js)}`;
    }
    throw outsideSubset(node, "this kind of go or defer call");
  }

  // ---- selectors, indexes, literals ----

  private selector(node: Node): Translated {
    const operandNode = field(node, "operand");
    const name = field(node, "field").text;
    const binding = operandNode.type === "identifier" ? this.t.scope.lookup(operandNode.text) : undefined;
    if (binding?.kind === "package" && binding.members) {
      binding.used = true;
      return this.named(node, node.text, importedMember(field(node, "field"), binding, name));
    }
    if (binding?.kind === "package") {
      binding.used = true;
      const pkg = PACKAGES[binding.path];
      const c = pkg?.constants?.[name];
      if (c) return constant(c.value, c.type, node.text);
      const variable = pkg?.variables?.[name];
      if (variable) return { js: variable.js, type: variable.type, text: node.text };
      if (pkg?.functions[name]) throw outsideSubset(node, "functions used as values");
      throw errorAt(field(node, "field"), `undefined: ${operandNode.text}.${name}`);
    }
    const operand = this.expression(operandNode);
    const found = this.field(operand, name, node);
    if (found) return found;
    if (this.methodOf(operand.type, name)) throw outsideSubset(node, "method values");
    throw errorAt(
      node,
      `${node.text} undefined (type ${typeString(operand.type)} has no field or method ${name})`,
    );
  }

  /** `x.f` of a struct or of a pointer to one (a nil pointer panics as Go's does), or undefined. */
  private field(operand: Translated, name: string, node: Node): Translated | undefined {
    const struct = structOf(operand.type);
    const found = struct?.fields.find((f) => f.name === name);
    if (!found) return undefined;
    const object = operand.type.kind === "pointer" ? `$.deref(${operand.js})` : operand.js;
    return { js: `${object}.${jsName(name)}`, type: found.type, text: node.text, addressable: true };
  }

  /** A method of a declared type, found through a pointer too. */
  private methodOf(type: GoType, name: string): MethodInfo | undefined {
    const base = type.kind === "pointer" ? type.elem : type;
    return base.kind === "named" ? base.methods?.[name] : undefined;
  }

  /**
   * A call of a declared type's method: the receiver as the method takes it. A pointer method gets the object
   * (Go takes the variable's address for it); a value method gets a copy.
   */
  private declaredMethodCall(
    node: Node,
    receiver: Translated,
    name: string,
    method: MethodInfo,
    args: Translated[],
  ): Translated {
    if (method.type.kind !== "func") throw errorAt(node, "not a method");
    const checked = this.checkArguments(
      node,
      `${receiver.text}.${name}`,
      method.type.params,
      args,
      method.type.variadic,
    );
    let recv: string;
    if (method.pointer) {
      if (receiver.type.kind !== "pointer" && !receiver.addressable) {
        throw errorAt(node, `cannot call pointer method ${name} on ${typeString(receiver.type)}`);
      }
      recv = receiver.js;
    } else {
      const value = receiver.type.kind === "pointer" ? `$.deref(${receiver.js})` : receiver.js;
      const base = receiver.type.kind === "pointer" ? receiver.type.elem : receiver.type;
      recv = structOf(base) ? `$.clone(${value}, ${this.typeConstant(base)})` : value;
    }
    const js = `(await ${method.js}(${[recv, ...checked.map((a) => a.js)].join(", ")}))`;
    return this.result(js, method.type.results, node);
  }

  /** `s[lo:hi]`, `s[lo:hi:max]` of a slice, `s[lo:hi]` of a string (by bytes, as Go's). */
  private sliceExpression(node: Node): Translated {
    const operand = this.settle(this.expression(field(node, "operand")));
    const bound = (name: string) => {
      const n = node.childForFieldName(name);
      return n ? this.convertFor(this.expression(n), INT, n).js : "undefined";
    };
    const u = underlying(operand.type);
    if (u.kind === "slice") {
      return {
        js: `$.slice(${operand.js}, ${bound("start")}, ${bound("end")}, ${bound("capacity")})`,
        type: operand.type,
        text: node.text,
      };
    }
    if (isString(u)) {
      if (node.childForFieldName("capacity"))
        throw errorAt(node, `invalid operation: 3-index slice of string`);
      return {
        js: `$.strSlice(${operand.js}, ${bound("start")}, ${bound("end")})`,
        type: operand.type,
        text: node.text,
      };
    }
    throw errorAt(node, `cannot slice ${operand.text} (variable of type ${typeString(operand.type)})`);
  }

  private index(node: Node): Translated {
    const operand = this.expression(field(node, "operand"));
    const u = underlying(operand.type);
    if (isString(u)) {
      const i = this.convertFor(this.expression(field(node, "index")), INT, node);
      return { js: `$.strIndex(${operand.js}, ${i.js})`, type: BYTE, text: node.text };
    }
    if (u.kind === "slice") {
      const i = this.convertFor(this.expression(field(node, "index")), INT, node);
      return { js: `$.index(${operand.js}, ${i.js})`, type: u.elem, text: node.text, addressable: true };
    }
    if (u.kind === "map") {
      const key = this.convertFor(this.expression(field(node, "index")), u.key, node);
      return {
        js: `$.mapGet(${operand.js}, ${key.js}, ${this.zeroValue(u.value)})[0]`,
        type: u.value,
        text: node.text,
        shared: true,
      };
    }
    throw errorAt(
      node,
      `invalid operation: cannot index ${operand.text} (variable of type ${typeString(operand.type)})`,
    );
  }

  assignTarget(node: Node): Target {
    if (node.type === "identifier") {
      const binding = this.t.scope.lookup(node.text);
      if (!binding) throw errorAt(node, `undefined: ${node.text}`);
      if (binding.kind !== "var")
        throw errorAt(node, `cannot assign to ${node.text} (neither addressable nor a map index expression)`);
      // A struct variable is one object that pointers may share: assigning to it changes that object.
      const inPlace = structOf(binding.type) !== undefined && binding.type.kind !== "pointer";
      return {
        load: binding.js,
        type: binding.type,
        store: (value) => (inPlace ? `Object.assign(${binding.js}, ${value})` : `${binding.js} = ${value}`),
      };
    }
    if (node.type === "selector_expression") {
      const operand = this.expression(field(node, "operand"));
      const name = field(node, "field").text;
      const target = this.field(operand, name, node);
      if (!target)
        throw errorAt(
          node,
          `${node.text} undefined (type ${typeString(operand.type)} has no field or method ${name})`,
        );
      const inPlace = structOf(target.type) !== undefined && target.type.kind !== "pointer";
      return {
        load: target.js,
        type: target.type,
        store: (value) => (inPlace ? `Object.assign(${target.js}, ${value})` : `${target.js} = ${value}`),
      };
    }
    if (node.type === "unary_expression" && field(node, "operator").text === "*") {
      const target = this.expression(node);
      // Through a pointer to a struct, the struct's object takes the value; through a box, the box does.
      const inPlace = isSharedObject(target.type);
      return {
        load: target.js,
        type: target.type,
        store: (value) => (inPlace ? `Object.assign(${target.js}, ${value})` : `${target.js} = ${value}`),
      };
    }
    if (node.type === "index_expression") {
      const operand = this.expression(field(node, "operand"));
      const u = underlying(operand.type);
      const indexNode = field(node, "index");
      if (u.kind === "slice") {
        const i = this.convertFor(this.expression(indexNode), INT, node);
        const [s, k] = [this.t.temp(), this.t.temp()];
        return {
          load: `$.index(${operand.js}, ${i.js})`,
          type: u.elem,
          store: (value) =>
            `{ const ${s} = ${operand.js}, ${k} = ${i.js}; $.setIndex(${s}, ${k}, ${value}); }`,
        };
      }
      if (u.kind === "map") {
        const key = this.convertFor(this.expression(indexNode), u.key, node);
        return {
          load: `$.mapGet(${operand.js}, ${key.js}, ${this.zeroValue(u.value)})[0]`,
          type: u.value,
          store: (value) => `$.mapSet(${operand.js}, ${key.js}, ${value})`,
        };
      }
    }
    if (node.type === "parenthesized_expression") return this.assignTarget(node.namedChildren[0] as Node);
    throw errorAt(node, `cannot assign to ${node.text} (neither addressable nor a map index expression)`);
  }

  private compositeLiteral(node: Node, elided?: GoType): Translated {
    const type = elided ?? this.t.typeOf(field(node, "type"));
    const u = underlying(type);
    const elements = (elided ? node : field(node, "body")).namedChildren.filter(
      (c): c is Node => c !== null && c.type !== "comment",
    );
    // In a slice or map literal an element's own type may be left out: `[]Point{{1, 2}}`, `&Point` too.
    const elemType = u.kind === "slice" ? u.elem : u.kind === "map" ? u.value : undefined;
    const elementValue = (element: Node): Translated => {
      const inner = element.type === "literal_element" ? (element.namedChildren[0] as Node) : element;
      if (inner.type !== "literal_value") return this.expression(inner);
      if (!elemType) throw errorAt(inner, "invalid composite literal type: missing type");
      if (elemType.kind === "pointer") {
        const object = this.compositeLiteral(inner, elemType.elem);
        return { ...object, type: elemType };
      }
      return this.compositeLiteral(inner, elemType);
    };
    if (u.kind === "slice") {
      const items = elements.map((element) => {
        if (element.type === "keyed_element") throw outsideSubset(element, "indexed slice literals");
        return this.convertFor(elementValue(element), u.elem, element).js;
      });
      const make = isByte(u.elem) ? "bytesSliceOf" : "sliceOf";
      return { js: `$.${make}([${items.join(", ")}])`, type, text: node.text };
    }
    if (u.kind === "map") {
      const entries = elements.map((element) => {
        if (element.type !== "keyed_element") throw errorAt(element, "missing key in map literal");
        const [keyNode, valueNode] = element.namedChildren as Node[];
        const key = this.convertFor(elementValue(keyNode as Node), u.key, element).js;
        const value = this.convertFor(elementValue(valueNode as Node), u.value, element).js;
        return `[${key}, ${value}]`;
      });
      return { js: `new Map([${entries.join(", ")}])`, type, text: node.text };
    }
    if (u.kind === "struct") {
      const values = new Map<string, string>();
      const keyed = elements.some((e) => e.type === "keyed_element");
      if (!keyed && elements.length > 0 && elements.length !== u.fields.length) {
        throw errorAt(
          node,
          `too ${elements.length < u.fields.length ? "few" : "many"} values in struct literal of type ${typeString(type)}`,
        );
      }
      elements.forEach((element, i) => {
        if (element.type === "keyed_element") {
          const [keyNode, valueNode] = element.namedChildren as Node[];
          const name = (keyNode as Node).text;
          const f = u.fields.find((candidate) => candidate.name === name);
          if (!f)
            throw errorAt(
              keyNode as Node,
              `unknown field ${name} in struct literal of type ${typeString(type)}`,
            );
          values.set(name, this.convertFor(elementValue(valueNode as Node), f.type, element).js);
        } else {
          const f = u.fields[i];
          if (!f) throw errorAt(element, `too many values in struct literal of type ${typeString(type)}`);
          values.set(f.name, this.convertFor(elementValue(element), f.type, element).js);
        }
      });
      const fields = u.fields.map(
        (f) => `${jsName(f.name)}: ${values.get(f.name) ?? this.zeroValue(f.type)}`,
      );
      return { js: `{ ${fields.join(", ")} }`, type, text: node.text };
    }
    throw outsideSubset(node, `composite literals of ${typeString(type)}`);
  }

  // ---- channels ----

  send(node: Node): string {
    const { chan, value } = this.sendParts(node);
    return `await ${this.t.blockingAt(node, `$.send(${chan}, ${value})`)}`;
  }

  sendParts(node: Node): { chan: string; value: string } {
    const chan = this.expression(field(node, "channel"));
    const u = underlying(chan.type);
    if (u.kind !== "chan")
      throw errorAt(
        node,
        `invalid operation: cannot send to non-channel ${chan.text} (variable of type ${typeString(chan.type)})`,
      );
    if (u.dir === "recv")
      throw errorAt(
        node,
        `invalid operation: cannot send to receive-only channel ${chan.text} (variable of type ${typeString(chan.type)})`,
      );
    const value = this.convertFor(this.expression(field(node, "value")), u.elem, node);
    return { chan: chan.js, value: value.js };
  }

  /** The channel of `<-ch` and its element type. */
  receiveParts(node: Node): { chan: string; elem: GoType } {
    const chan = this.expression(field(node, "operand"));
    const u = underlying(chan.type);
    if (u.kind !== "chan")
      throw errorAt(
        node,
        `invalid operation: cannot receive from non-channel ${chan.text} (variable of type ${typeString(chan.type)})`,
      );
    if (u.dir === "send")
      throw errorAt(
        node,
        `invalid operation: cannot receive from send-only channel ${chan.text} (variable of type ${typeString(chan.type)})`,
      );
    return { chan: chan.js, elem: u.elem };
  }
}

/**
 * How Go's messages name an operand: `300 (untyped int constant)`, `1 << 3 (untyped int constant 8)` (the value
 * when the text is not it), `c (constant 5 of type int8)`, `x (variable of type int)`.
 */
export function describeOperand(value: Translated): string {
  if (value.type.kind !== "untyped") {
    const type = typeString(value.type);
    return value.constant === undefined
      ? `${value.text} (variable of type ${type})`
      : `${value.text} (constant ${constantText(value.constant)} of type ${type})`;
  }
  const text = value.constant === undefined ? value.text : constantText(value.constant);
  return `${value.text} (${value.type.name} constant${value.text === text ? "" : ` ${text}`})`;
}

/** A constant's value as Go's messages write it: a whole number in all its digits (2^63 as 9223372036854775808). */
export function constantText(value: number | string | boolean): string {
  if (typeof value === "string") return goQuote(value);
  return typeof value === "number" && Number.isInteger(value) ? BigInt(value).toString() : String(value);
}

export function constant(value: number | string | boolean, type: GoType, text: string): Translated {
  return {
    js: typeof value === "number" && value < 0 ? `(${value})` : JSON.stringify(value),
    type,
    text,
    constant: value,
  };
}

/** byte (uint8): a []byte's elements, kept in a Uint8Array or PagedBytes (lib/containers.ts). */
export function isByte(type: GoType): boolean {
  return type.kind === "basic" && type.name === "uint8";
}

/** An element's size in bytes and whether it holds no pointers: for append's growth, and the heap (lib/heap.ts). */
export function elementLayout(type: GoType): [number, boolean] {
  const { size, noscan } = layout(type);
  return [size, noscan];
}

/** A Go string or rune literal's value, escapes decoded. */
function unquote(literal: string): string {
  const body = literal.slice(1, -1);
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_m, e: string) => {
    switch (e[0]) {
      case "x":
      case "u":
      case "U":
        return String.fromCodePoint(Number.parseInt(e.slice(1), 16));
      case "n":
        return "\n";
      case "t":
        return "\t";
      case "r":
        return "\r";
      case "a":
        return "\x07";
      case "b":
        return "\b";
      case "f":
        return "\f";
      case "v":
        return "\v";
      default:
        return /^[0-7]{3}$/.test(e) ? String.fromCharCode(Number.parseInt(e, 8)) : e;
    }
  });
}

export function field(node: Node, name: string): Node {
  const child = node.childForFieldName(name);
  if (!child) throw errorAt(node, `syntax error: missing ${name}`);
  return child;
}
