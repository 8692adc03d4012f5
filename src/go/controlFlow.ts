/**
 * Go's control flow, as the translator writes it: if, for in its forms (range over integers, slices, strings,
 * maps and channels, with Go 1.22's per-iteration variables), switch and type switch, select, labels, break
 * and continue. Each statement is a function of the Translator whose scope and labels it uses.
 */
import type { Node } from "web-tree-sitter";
import { errorAt, outsideSubset } from "./compileError.ts";
import { field, type Translator } from "./translate.ts";
import {
  BOOL,
  defaultType,
  type GoType,
  INT,
  isBoolean,
  isInteger,
  isInterface,
  RUNE,
  typeString,
  underlying,
} from "./types.ts";

export function ifStatement(tr: Translator, node: Node): string {
  const init = node.childForFieldName("initializer");
  const setup = init ? simpleStatement(tr, init) : "";
  const condition = tr.expressions.expression(field(node, "condition"));
  if (!isBoolean(condition.type))
    throw errorAt(field(node, "condition"), `non-boolean condition in if statement`);
  const consequence = tr.scoped(() => tr.blockStatements(field(node, "consequence")));
  const alternative = node.childForFieldName("alternative");
  let elseText = "";
  if (alternative) {
    elseText =
      alternative.type === "if_statement"
        ? ` else { ${tr.scoped(() => ifStatement(tr, alternative))} }`
        : ` else {\n${tr.scoped(() => tr.blockStatements(alternative))}\n}`;
  }
  const statement = `if (${condition.js}) {\n${consequence}\n}${elseText}`;
  // The init statement's names are the if's alone: a block keeps them from the next if's.
  return setup ? `{\n${setup}\n${statement}\n}` : statement;
}

/** An `if`, `for` or `switch` header's statement. */
export function simpleStatement(tr: Translator, node: Node): string {
  return tr.statement(node);
}

export function labeledStatement(tr: Translator, node: Node): string {
  const label = field(node, "label").text;
  const statement = node.namedChildren.find((c) => c !== null && c.type !== "label_name") as Node | undefined;
  if (!statement) return "";
  if (statement.type === "for_statement") return tr.scoped(() => forStatement(tr, statement, label));
  if (statement.type === "expression_switch_statement")
    return tr.scoped(() => switchStatement(tr, statement, label));
  if (statement.type === "select_statement") return selectStatement(tr, statement, label);
  throw outsideSubset(node, "labels on statements other than for, switch and select");
}

function breakable<T>(
  tr: Translator,
  goLabel: string | undefined,
  isLoop: boolean,
  body: (label: string) => T,
): T {
  const label = `$L${++tr.labels}`;
  tr.breakables.push({ label, goLabel, isLoop });
  try {
    return body(label);
  } finally {
    tr.breakables.pop();
  }
}

export function branch(tr: Translator, node: Node): string {
  const isBreak = node.type === "break_statement";
  const goLabel = node.namedChildren.find((c) => c?.type === "label_name")?.text;
  const target = [...tr.breakables]
    .reverse()
    .find((b) => (goLabel ? b.goLabel === goLabel : isBreak || b.isLoop));
  if (!target) {
    if (goLabel) throw errorAt(node, `invalid ${isBreak ? "break" : "continue"} label ${goLabel}`);
    throw errorAt(
      node,
      `${isBreak ? "break is not in a loop, switch, or select" : "continue is not in a loop"}`,
    );
  }
  if (!isBreak && !target.isLoop) throw errorAt(node, `invalid continue label ${goLabel}`);
  return `${isBreak ? "break" : "continue"} ${target.label};`;
}

export function forStatement(tr: Translator, node: Node, goLabel: string | undefined): string {
  const body = field(node, "body");
  const clause = node.namedChildren.find((c) => c?.type === "for_clause" || c?.type === "range_clause");
  const condition = node.namedChildren.find(
    (c) => c !== null && c.id !== body.id && c.type !== "for_clause" && c.type !== "range_clause",
  );
  return breakable(tr, goLabel, true, (label) => {
    if (clause?.type === "range_clause") return rangeLoop(tr, clause, body, label);
    if (clause?.type === "for_clause") {
      const init = clause.childForFieldName("initializer");
      const initText = init ? simpleStatement(tr, init) : "";
      const cond = clause.childForFieldName("condition");
      const condText = cond ? conditionOf(tr, cond, "for") : "true";
      const update = clause.childForFieldName("update");
      const updateText = update ? simpleStatement(tr, update).replace(/;\s*$/, "") : "";
      const bodyText = tr.scoped(() => tr.blockStatements(body));
      // A `let` in the header gives each iteration its own variable, as Go 1.22 does.
      if (initText.startsWith("let ") && !initText.includes("\n")) {
        return `${label}: for (${initText.replace(/;\s*$/, "")}; ${condText}; ${forUpdate(updateText)}) {\n${bodyText}\n}`;
      }
      return `${initText}\n${label}: for (; ${condText}; ${forUpdate(updateText)}) {\n${bodyText}\n}`;
    }
    const condText = condition ? conditionOf(tr, condition, "for") : "true";
    return `${label}: while (${condText}) {\n${tr.scoped(() => tr.blockStatements(body))}\n}`;
  });
}

function conditionOf(tr: Translator, node: Node, statement: string): string {
  const condition = tr.expressions.expression(node);
  if (!isBoolean(condition.type)) throw errorAt(node, `non-boolean condition in ${statement} statement`);
  return condition.js;
}

function rangeLoop(tr: Translator, clause: Node, body: Node, label: string): string {
  const leftNode = clause.childForFieldName("left");
  const lefts = leftNode ? (leftNode.namedChildren.filter(Boolean) as Node[]) : [];
  const declares = clause.children.some((c) => c?.type === ":=");
  const subject = tr.expressions.settle(tr.expressions.expression(field(clause, "right")));
  const u = underlying(subject.type);
  const [keyType, valueType]: [GoType, GoType | undefined] = isInteger(u)
    ? [subject.type, undefined]
    : u.kind === "slice"
      ? [INT, u.elem]
      : u.kind === "map"
        ? [u.key, u.value]
        : u.kind === "chan"
          ? [u.elem, undefined]
          : u.kind === "basic" && u.name === "string"
            ? [INT, RUNE]
            : (() => {
                throw errorAt(
                  clause,
                  `cannot range over ${subject.text} (variable of type ${typeString(subject.type)})`,
                );
              })();
  if (u.kind === "chan" && lefts.length > 1)
    throw errorAt(clause, `range over ${subject.text} permits only one iteration variable`);
  const src = tr.temp();
  const bind = (node: Node | undefined, type: GoType | undefined, value: string): string => {
    if (!node || !type || node.text === "_") return "";
    if (declares) return `let ${tr.declareLocal(node, type)} = ${value};`;
    const target = tr.expressions.assignTarget(node);
    return `${target.store(value)};`;
  };
  return tr.scoped(() => {
    if (isInteger(u)) {
      const i = tr.temp();
      const head = bind(lefts[0], keyType, i);
      return `const ${src} = ${subject.js};\n${label}: for (let ${i} = 0; ${i} < ${src}; ${i}++) {\n${head}\n${tr.scoped(() => tr.blockStatements(body))}\n}`;
    }
    if (u.kind === "chan") {
      const v = tr.temp();
      const ok = tr.temp();
      const head = bind(lefts[0], keyType, v);
      return `const ${src} = ${subject.js};\n${label}: for (;;) {\nconst [${v}, ${ok}] = await ${tr.blockingAt(clause, `$.recv(${src}, null)`)};\nif (!${ok}) break;\n${head}\n${tr.scoped(() => tr.blockStatements(body))}\n}`;
    }
    if (u.kind === "slice") {
      const i = tr.temp();
      const n = tr.temp();
      const head =
        bind(lefts[0], keyType, i) + bind(lefts[1], valueType, copyOf(tr, `${src}.get(${i})`, valueType));
      return `const ${src} = ${subject.js}, ${n} = $.sliceLen(${src});\n${label}: for (let ${i} = 0; ${i} < ${n}; ${i}++) {\n${head}\n${tr.scoped(() => tr.blockStatements(body))}\n}`;
    }
    if (u.kind === "map") {
      const k = tr.temp();
      const head =
        bind(lefts[0], keyType, k) + bind(lefts[1], valueType, copyOf(tr, `${src}.get(${k})`, valueType));
      return `const ${src} = ${subject.js};\n${label}: for (const ${k} of $.mapKeys(${src})) {\nif (!${src}.has(${k})) continue;\n${head}\n${tr.scoped(() => tr.blockStatements(body))}\n}`;
    }
    const pair = tr.temp();
    const head = bind(lefts[0], keyType, `${pair}[0]`) + bind(lefts[1], valueType, `${pair}[1]`);
    return `const ${src} = ${subject.js};\n${label}: for (const ${pair} of $.runes(${src})) {\n${head}\n${tr.scoped(() => tr.blockStatements(body))}\n}`;
  });
}

/** `switch v := x.(type)`: each case tests the dynamic type; v has the case's type when it names one. */
export function typeSwitch(tr: Translator, node: Node, goLabel: string | undefined): string {
  const init = node.childForFieldName("initializer");
  const setup = init ? simpleStatement(tr, init) : "";
  const subject = tr.expressions.expression(field(node, "value"));
  if (!isInterface(subject.type)) {
    throw errorAt(node, `${subject.text} (variable of type ${typeString(subject.type)}) is not an interface`);
  }
  const alias = node.childForFieldName("alias")?.namedChildren[0] ?? undefined;
  const box = tr.temp();
  let aliasUsed = false;
  const text = breakable(tr, goLabel, false, (label) => {
    const branches: string[] = [];
    let defaultBody: string | undefined;
    for (const clause of node.namedChildren) {
      if (!clause || (clause.type !== "type_case" && clause.type !== "default_case")) continue;
      const types =
        clause.type === "type_case"
          ? clause.childrenForFieldName("type").filter((t): t is Node => t !== null && t.type !== ",")
          : [];
      const caseTypes = types.map((t) =>
        t.type === "type_identifier" && t.text === "nil" ? undefined : tr.typeOf(t),
      );
      const body = tr.scoped(() => {
        let bind = "";
        if (alias && alias.text !== "_") {
          const only = caseTypes.length === 1 ? caseTypes[0] : undefined;
          const type = only ?? subject.type;
          const value = only && !isInterface(only) ? `${box}.value` : box;
          const js = tr.declareLocal(alias, type);
          const binding = tr.scope.lookup(alias.text);
          bind = `let ${js} = ${value};`;
          const result = `${bind}
${caseBody(tr, clause)}`;
          if (binding?.kind === "var" && binding.used) aliasUsed = true;
          if (binding?.kind === "var") binding.used = true;
          return result;
        }
        return caseBody(tr, clause);
      });
      if (clause.type === "default_case") {
        defaultBody = body;
        continue;
      }
      const tests = caseTypes.map(
        (t) => `$.holds(${box}, ${t ? tr.expressions.typeTarget(t, subject.type) : "null"})`,
      );
      branches.push(`if (${tests.join(" || ")}) {
${body}
}`);
    }
    const chain = [
      ...branches,
      ...(defaultBody !== undefined
        ? [
            `{
${defaultBody}
}`,
          ]
        : []),
    ].join(" else ");
    return `${setup}
const ${box} = ${subject.js};
${label}: {
${chain}
}`;
  });
  if (alias && alias.text !== "_" && !aliasUsed) {
    tr.report(errorAt(alias, `declared and not used: ${alias.text}`));
  }
  return text;
}

/** An element read into a range variable: a copy, when it is a struct. */
function copyOf(tr: Translator, js: string, type: GoType | undefined): string {
  if (!type) return js;
  return tr.expressions.settle({ js, type, text: "", addressable: true }).js;
}

export function switchStatement(tr: Translator, node: Node, goLabel: string | undefined): string {
  const init = node.childForFieldName("initializer");
  const setup = init ? simpleStatement(tr, init) : "";
  const valueNode = node.childForFieldName("value");
  const tag = valueNode ? tr.expressions.settle(tr.expressions.expression(valueNode)) : undefined;
  const tagName = tr.temp();
  return breakable(tr, goLabel, false, (label) => {
    const branches: string[] = [];
    let defaultBody: string | undefined;
    for (const clause of node.namedChildren) {
      if (!clause) continue;
      if (clause.type === "default_case") {
        defaultBody = tr.scoped(() => caseBody(tr, clause));
        continue;
      }
      if (clause.type !== "expression_case") continue;
      const values = tr.expressions.list(field(clause, "value"));
      const tests = values.map((v) => {
        if (!tag) {
          if (!isBoolean(v.type))
            throw errorAt(
              clause,
              `invalid case ${v.text} in switch (mismatched types ${typeString(defaultType(v.type))} and bool)`,
            );
          return `(${v.js})`;
        }
        return tr.expressions.binary(
          clause,
          "==",
          { js: tagName, type: tag.type, text: valueNode?.text ?? "" },
          v,
        ).js;
      });
      branches.push(`if (${tests.join(" || ")}) {\n${tr.scoped(() => caseBody(tr, clause))}\n}`);
    }
    const chain = [...branches, ...(defaultBody !== undefined ? [`{\n${defaultBody}\n}`] : [])].join(
      " else ",
    );
    return `${setup}\n${tag ? `const ${tagName} = ${tag.js};\n` : ""}${label}: {\n${chain}\n}`;
  });
}

function caseBody(tr: Translator, clause: Node): string {
  const list = clause.namedChildren.find((c) => c?.type === "statement_list");
  return list ? tr.statementList(list) : "";
}

export function selectStatement(tr: Translator, node: Node, goLabel: string | undefined): string {
  return breakable(tr, goLabel, false, (label) => {
    const cases: string[] = [];
    const bodies: string[] = [];
    let defaultBody: string | undefined;
    const result = tr.temp();
    for (const clause of node.namedChildren) {
      if (!clause) continue;
      if (clause.type === "default_case") {
        defaultBody = tr.scoped(() => caseBody(tr, clause));
        continue;
      }
      if (clause.type !== "communication_case") continue;
      const comm = field(clause, "communication");
      const index = cases.length;
      if (comm.type === "send_statement") {
        const { chan, value } = tr.expressions.sendParts(comm);
        cases.push(`{ send: ${chan}, value: ${value} }`);
        bodies.push(`if (${result}[0] === ${index}) {\n${tr.scoped(() => caseBody(tr, clause))}\n}`);
        continue;
      }
      const receive =
        comm.type === "receive_statement" ? field(comm, "right") : (comm.namedChildren[0] as Node);
      const { chan, elem } = tr.expressions.receiveParts(receive);
      cases.push(`{ recv: ${chan}, zero: ${tr.expressions.zeroValue(elem)} }`);
      bodies.push(
        `if (${result}[0] === ${index}) {\n${tr.scoped(() => {
          const bindings = comm.type === "receive_statement" ? receiveBindings(tr, comm, elem, result) : "";
          return `${bindings}\n${caseBody(tr, clause)}`;
        })}\n}`,
      );
    }
    const chain = [...bodies, ...(defaultBody !== undefined ? [`{\n${defaultBody}\n}`] : [])].join(" else ");
    return `${label}: {\nconst ${result} = await ${tr.blockingAt(node, `$.select([${cases.join(", ")}], ${defaultBody !== undefined})`)};\n${chain}\n}`;
  });
}

/** `case v, ok := <-ch:` binds or assigns the received value and ok. */
function receiveBindings(tr: Translator, comm: Node, elem: GoType, result: string): string {
  const leftNode = comm.childForFieldName("left");
  if (!leftNode) return "";
  const lefts = leftNode.namedChildren.filter(Boolean) as Node[];
  const declares = comm.children.some((c) => c?.type === ":=");
  const sources = [`${result}[1]`, `${result}[2]`];
  const types = [elem, BOOL];
  return lefts
    .map((left, i) => {
      if (left.text === "_") return "";
      if (declares) return `let ${tr.declareLocal(left, types[i] as GoType)} = ${sources[i]};`;
      return `${tr.expressions.assignTarget(left).store(sources[i] as string)};`;
    })
    .join("\n");
}

function forUpdate(text: string): string {
  return text.replace(/\n/g, " ");
}
