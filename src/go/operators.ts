/**
 * Go's operators, as the translator checks and writes them: unary (`-`, `^`, `!`, `&`, `*`, `<-`) and binary
 * ones, with untyped constants folded as Go folds them and taking the type of the other operand, Go's
 * complaints about mismatched types and constants that do not fit, and integer arithmetic through integers.ts.
 */
import type { Node } from "web-tree-sitter";
import { isSharedObject } from "./addressTaken.ts";
import { errorAt, outsideSubset } from "./compileError.ts";
import {
  constant,
  constantText,
  describeOperand,
  type Expressions,
  field,
  type Translated,
} from "./expressions.ts";
import { fitsInteger, inexactConstant, integerBinary, integerRange, integerUnary } from "./integers.ts";
import {
  assignable,
  defaultType,
  type GoType,
  INT,
  type IntegerKind,
  identical,
  integerKind,
  isBoolean,
  isInteger,
  isInterface,
  isNumeric,
  isString,
  isTimeValue,
  NIL,
  structOf,
  typeString,
  UNTYPED_BOOL,
} from "./types.ts";
import { bits } from "./values.ts";

export function unary(x: Expressions, node: Node): Translated {
  const operator = field(node, "operator").text;
  const operandNode = field(node, "operand");
  if (operator === "<-") {
    const { chan, elem } = x.receiveParts(node);
    const recv = x.t.blockingAt(node, `$.recv(${chan}, ${x.zeroValue(elem)})`);
    return { js: `(await ${recv})[0]`, type: elem, text: node.text };
  }
  if (operator === "&") {
    const operand = x.expression(operandNode);
    const type = operand.type;
    const isLiteral = operandNode.type === "composite_literal";
    if (!isLiteral && !operand.addressable)
      throw errorAt(node, `invalid operation: cannot take address of ${operand.text}`);
    // A struct and a sync value live in one object each: a pointer to it is that object, so what is done
    // through the pointer is done to the variable. Any other variable whose address is taken lives in a box.
    if (isSharedObject(type))
      return { js: operand.js, type: { kind: "pointer", elem: type }, text: node.text };
    const binding = operandNode.type === "identifier" ? x.t.scope.lookup(operandNode.text) : undefined;
    if (binding?.kind === "var" && binding.box !== undefined)
      return { js: binding.box, type: { kind: "pointer", elem: type }, text: node.text };
    throw outsideSubset(node, "pointers to struct fields and slice elements that are not structs");
  }
  const operand = x.expression(operandNode);
  switch (operator) {
    case "-":
    case "+":
      if (!isNumeric(operand.type))
        throw errorAt(
          operandNode,
          `invalid operation: operator ${operator} not defined on ${operand.text} (variable of type ${typeString(operand.type)})`,
        );
      if (operand.constant !== undefined)
        return typedConstant(
          node,
          constant(
            operator === "-" ? -(operand.constant as number) : (operand.constant as number),
            operand.type,
            node.text,
          ),
        );
      if (operator === "-" && operand.type.kind !== "untyped" && isInteger(operand.type))
        return {
          js: integerUnary("-", integerKind(operand.type) as IntegerKind, operand.js),
          type: operand.type,
          text: node.text,
        };
      return { js: `(${operator}${operand.js})`, type: operand.type, text: node.text };
    case "^": {
      if (!isInteger(operand.type))
        throw errorAt(
          operandNode,
          `invalid operation: operator ^ not defined on ${operand.text} (variable of type ${typeString(operand.type)})`,
        );
      const kind = integerKind(operand.type);
      if (operand.constant !== undefined) {
        const n = operand.constant as number;
        // ^ of a uint64 constant is at least 2^64 - 2^53: past what a number holds exactly.
        const inexact = kind?.bits === 64 && !kind.signed && inexactConstant(node, 2 ** 64 - 1 - n, kind);
        if (inexact) throw inexact;
        const flipped = kind && !kind.signed ? (integerRange(kind)[1] as number) - n : -n - 1;
        return typedConstant(node, constant(flipped, operand.type, node.text));
      }
      const js = integerUnary("^", kind ?? (integerKind(INT) as IntegerKind), operand.js);
      return { js, type: operand.type, text: node.text };
    }
    case "!":
      if (!isBoolean(operand.type))
        throw errorAt(
          operandNode,
          `invalid operation: operator ! not defined on ${operand.text} (variable of type ${typeString(operand.type)})`,
        );
      if (operand.constant !== undefined) return constant(!operand.constant, operand.type, node.text);
      return { js: `(!${operand.js})`, type: operand.type, text: node.text };
    case "*":
      if (operand.type.kind === "pointer")
        return {
          js: `$.deref(${operand.js})${isSharedObject(operand.type.elem) ? "" : ".v"}`,
          type: operand.type.elem,
          text: node.text,
          addressable: true,
        };
      throw errorAt(
        node,
        `invalid operation: cannot indirect ${operand.text} (variable of type ${typeString(operand.type)})`,
      );
    default:
      throw outsideSubset(node, `the unary operator ${operator}`);
  }
}

/** A binary operation, checked as Go checks it; `node` is where an error is reported. */
export function binary(
  x: Expressions,
  node: Node,
  operator: string,
  left: Translated,
  right: Translated,
): Translated {
  const text = `${left.text} ${operator} ${right.text}`;
  if (operator === "&&" || operator === "||") {
    if (!isBoolean(left.type) || !isBoolean(right.type))
      throw errorAt(
        node,
        `invalid operation: operator ${operator} not defined on ${left.text} (variable of type ${typeString(left.type)})`,
      );
    const type = left.type.kind === "untyped" ? right.type : left.type;
    if (left.constant !== undefined && right.constant !== undefined) {
      return constant(
        operator === "&&"
          ? Boolean(left.constant && right.constant)
          : Boolean(left.constant || right.constant),
        type,
        text,
      );
    }
    return { js: `(${left.js} ${operator} ${right.js})`, type, text };
  }
  if (operator === "<<" || operator === ">>") {
    if (!isInteger(left.type) || !isInteger(right.type)) {
      throw errorAt(
        node,
        `invalid operation: shift of ${left.text} (${typeString(left.type)}) by ${right.text}`,
      );
    }
    if (right.constant !== undefined && (right.constant as number) < 0)
      throw errorAt(node, `invalid shift count ${right.text} (untyped int constant)`);
    if (left.constant !== undefined && right.constant !== undefined) {
      const shifted = bits(operator, left.constant as number, right.constant as number);
      return typedConstant(node, constant(shifted, left.type, text));
    }
    // An untyped constant shifted by a variable count takes the type it would have alone: int here.
    const kind = integerKind(defaultType(left.type)) as IntegerKind;
    return { js: integerBinary(operator, kind, left.js, right.js), type: left.type, text };
  }
  const type = operandType(node, operator, left, right);
  const comparison = ["==", "!=", "<", "<=", ">", ">="].includes(operator);
  if (comparison) {
    if (["<", "<=", ">", ">="].includes(operator) && !isNumeric(type) && !isString(type)) {
      const what = isTimeValue(type) ? "struct" : typeString(type);
      throw errorAt(node, `invalid operation: ${text} (operator ${operator} not defined on ${what})`);
    }
    if (isInterface(type) && left.type.kind !== "nil" && right.type.kind !== "nil") {
      // Interfaces are equal when both are nil or hold the same dynamic type and equal values.
      const [a, b] = [left, right].map((v) => (isInterface(v.type) ? v.js : x.boxed(v).js));
      const equal = `$.ifaceEqual(${a}, ${b})`;
      return { js: operator === "==" ? equal : `(!${equal})`, type: UNTYPED_BOOL, text };
    }
    if (structOf(type) !== undefined && type.kind !== "pointer") {
      // Structs are equal field by field, not by being one object.
      const equal = `$.structEqual(${left.js}, ${right.js}, ${x.typeConstant(type)})`;
      return { js: operator === "==" ? equal : `(!${equal})`, type: UNTYPED_BOOL, text };
    }
    const js = operator === "==" ? "===" : operator === "!=" ? "!==" : operator;
    if (left.constant !== undefined && right.constant !== undefined) {
      return constant(compare(operator, left.constant, right.constant), UNTYPED_BOOL, text);
    }
    return { js: `(${left.js} ${js} ${right.js})`, type: UNTYPED_BOOL, text };
  }
  if (operator === "+" && isString(type)) {
    if (left.constant !== undefined && right.constant !== undefined)
      return constant(`${left.constant}${right.constant}`, type, text);
    return { js: `(${left.js} + ${right.js})`, type, text };
  }
  if (!isNumeric(type))
    throw errorAt(
      node,
      `invalid operation: operator ${operator} not defined on ${left.text} (variable of type ${typeString(type)})`,
    );
  const integer = isInteger(type);
  if (left.constant !== undefined && right.constant !== undefined) {
    const [a, b] = [left.constant as number, right.constant as number];
    if ((operator === "/" || operator === "%") && b === 0)
      throw errorAt(node, "invalid operation: division by zero");
    return typedConstant(node, constant(fold(operator, a, b, integer), type, text));
  }
  if (right.constant === 0 && (operator === "/" || operator === "%") && integer)
    throw errorAt(node, "invalid operation: division by zero");
  if (!["+", "-", "*", "/", "%", "&", "|", "^", "&^"].includes(operator))
    throw outsideSubset(node, `the operator ${operator}`);
  if (integer) {
    const kind = integerKind(defaultType(type)) as IntegerKind;
    return { js: integerBinary(operator, kind, left.js, right.js), type, text };
  }
  if (!["+", "-", "*", "/"].includes(operator))
    throw errorAt(
      node,
      `invalid operation: operator ${operator} not defined on ${left.text} (variable of type ${typeString(type)})`,
    );
  return { js: `(${left.js} ${operator} ${right.js})`, type, text };
}

/** An untyped constant meeting an integer operand: it must be a whole number in that type's range. */
function checkRepresentable(value: Translated, to: GoType, node: Node): void {
  const kind = integerKind(to);
  if (!kind || typeof value.constant !== "number" || value.type.kind !== "untyped") return;
  const what = describeOperand(value);
  if (!Number.isInteger(value.constant))
    throw errorAt(value.at ?? node, `${what} truncated to ${typeString(to)}`);
  if (!fitsInteger(value.constant, kind))
    throw errorAt(value.at ?? node, `${what} overflows ${typeString(to)}`);
  const inexact = inexactConstant(value.at ?? node, value.constant, kind);
  if (inexact) throw inexact;
}

/** A constant of a typed integer type, or Go's error when its value is out of the type's range. */
export function typedConstant(node: Node, value: Translated): Translated {
  const kind = value.type.kind === "untyped" ? undefined : integerKind(value.type);
  if (kind && !fitsInteger(value.constant as number, kind)) {
    const type = typeString(value.type);
    const text = constantText(value.constant as number);
    throw errorAt(node, `${value.text} (constant ${text} of type ${type}) overflows ${type}`);
  }
  const inexact = kind && inexactConstant(node, value.constant as number, kind);
  if (inexact) throw inexact;
  return value;
}

/** The type both operands share once untyped constants take the other side's type; Go's mismatch error if none. */
function operandType(node: Node, operator: string, left: Translated, right: Translated): GoType {
  const [l, r] = [left.type, right.type];
  if (l.kind === "nil" || r.kind === "nil") {
    const other = l.kind === "nil" ? r : l;
    if (other.kind === "nil")
      throw errorAt(
        node,
        `invalid operation: ${left.text} ${operator} ${right.text} (operator ${operator} not defined on nil)`,
      );
    if (!["==", "!="].includes(operator) || !assignable(NIL, other)) {
      throw errorAt(
        node,
        `invalid operation: ${left.text} ${operator} ${right.text} (mismatched types ${typeString(l)} and ${typeString(r)})`,
      );
    }
    return other;
  }
  if (l.kind === "untyped" && r.kind === "untyped") {
    // The "larger" kind wins: int < rune < float.
    const rank = ["untyped int", "untyped rune", "untyped float"];
    if (rank.includes(l.name) && rank.includes(r.name))
      return rank.indexOf(l.name) >= rank.indexOf(r.name) ? l : r;
    if (l.name !== r.name)
      throw errorAt(
        node,
        `invalid operation: ${left.text} ${operator} ${right.text} (mismatched types ${l.name} and ${r.name})`,
      );
    return l;
  }
  // An interface compares with a value of a type that implements it.
  if (["==", "!="].includes(operator) && isInterface(l) !== isInterface(r)) {
    const [iface, other] = isInterface(l) ? [l, r] : [r, l];
    if (assignable(other, iface)) return iface;
  }
  if (l.kind === "untyped" && isNumeric(l) && isInteger(r)) checkRepresentable(left, r, node);
  if (r.kind === "untyped" && isNumeric(r) && isInteger(l)) checkRepresentable(right, l, node);
  if (l.kind === "untyped") {
    if (!assignable(l, r))
      throw errorAt(node, `cannot convert ${left.text} (${l.name} constant) to type ${typeString(r)}`);
    return r;
  }
  if (r.kind === "untyped") {
    if (!assignable(r, l))
      throw errorAt(node, `cannot convert ${right.text} (${r.name} constant) to type ${typeString(l)}`);
    return l;
  }
  if (!identical(l, r)) {
    throw errorAt(
      node,
      `invalid operation: ${left.text} ${operator} ${right.text} (mismatched types ${typeString(l)} and ${typeString(r)})`,
    );
  }
  return l;
}

function fold(operator: string, a: number, b: number, integer: boolean): number {
  switch (operator) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return integer ? Math.trunc(a / b) : a / b;
    case "%":
      return a % b;
    default:
      return bits(operator, a, b);
  }
}

function compare(operator: string, a: unknown, b: unknown): boolean {
  switch (operator) {
    case "==":
      return a === b;
    case "!=":
      return a !== b;
    case "<":
      return (a as number) < (b as number);
    case "<=":
      return (a as number) <= (b as number);
    case ">":
      return (a as number) > (b as number);
    default:
      return (a as number) >= (b as number);
  }
}
