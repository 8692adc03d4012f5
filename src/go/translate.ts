/**
 * Go to JavaScript on Leak Lab's runtime. A checked walk over tree-sitter's syntax tree of one `package main`
 * file: each Go function becomes an async function, each call that may block is awaited, goroutines are the
 * runtime's tasks. Types are checked as far as the translation needs them (constants, arithmetic, printing,
 * zero values), and anything outside Leak Lab's Go is a compile error at its line rather than a guess.
 *
 * Declarations and statements live here, control flow (if, for, switch, select) in controlFlow.ts; expressions
 * in expressions.ts; the packages Go code may import in packages.ts.
 */
import type { Node, Tree } from "web-tree-sitter";
import { AddressTaken, declaredByStatement } from "./addressTaken.ts";
import { CompileError, CompileErrors, errorAt, outsideSubset } from "./compileError.ts";
import {
  branch,
  forStatement,
  ifStatement,
  labeledStatement,
  selectStatement,
  switchStatement,
  typeSwitch,
} from "./controlFlow.ts";
import { Expressions, type Translated } from "./expressions.ts";
import { enclosingFunction, goFunctionName } from "./funcNames.ts";
import { integerStep } from "./integers.ts";
import { PACKAGES } from "./packages.ts";
import { type Binding, importedMember, jsName, type PackageBinding, Scope } from "./scope.ts";
import { STD_SOURCES } from "./std/index.ts";
import {
  ANY,
  BOOL,
  BYTE,
  type DeclaredType,
  defaultType,
  ERROR,
  FLOAT64,
  type GoType,
  INT,
  INT64,
  integerKind,
  isNumeric,
  RUNE,
  STRING,
  type StructField,
  structOf,
  typeKey,
  typeString,
  underlying,
} from "./types.ts";

/** A package being translated: its name, import path, and the prefix that keeps its JS names its own. */
export interface PackageUnit {
  readonly name: string;
  readonly path: string;
  /** The file, as dumps name it: `main.go`, `storage/storage.go`. */
  readonly file: string;
  /** Put before the package's top-level JS names: "" for main, a distinct one for each imported package. */
  readonly prefix: string;
}

export interface Translation {
  readonly unit: PackageUnit;
  /** The package's own names, which importers look their selectors up in. */
  readonly scope: Scope;
  /**
   * Statements of an async function of one parameter, `$` (lib.ts), that declare the package and initialise it
   * (its variables, then its init functions); the packages a program imports come before it, in order.
   */
  readonly js: string;
}

const MAIN_UNIT: PackageUnit = { name: "main", path: "main", file: "main.go", prefix: "" };

const BUILTINS = [
  "len",
  "cap",
  "make",
  "new",
  "append",
  "close",
  "panic",
  "recover",
  "delete",
  "copy",
  "min",
  "max",
  "print",
  "println",
];

interface FunctionContext {
  readonly results: readonly GoType[];
  /** The JS names of named results, which a bare return returns. */
  readonly namedResults: readonly string[] | undefined;
  /** Whether the function has a defer: its body runs inside a frame that unwinds. */
  hasDefer: boolean;
}

export interface Breakable {
  readonly label: string;
  readonly goLabel: string | undefined;
  readonly isLoop: boolean;
}

/** Translates one file's package; `imports` holds the translations of the local packages it imports. */
export function translate(
  tree: Tree,
  unit: PackageUnit = MAIN_UNIT,
  imports: ReadonlyMap<string, Translation> = new Map(),
): Translation {
  return new Translator(tree, unit, imports).program();
}

export class Translator {
  readonly universe = new Scope(undefined);
  scope: Scope;
  readonly expressions: Expressions;
  private readonly errors: CompileError[] = [];
  private readonly declaredTypes: DeclaredType[] = [];
  /** Names whose declaration failed to compile. */
  private readonly failedNames = new Set<string>();
  private readonly addressTaken: AddressTaken;
  /** Variables just declared whose address is taken: boxed once their declaring statement has run. */
  private pendingBoxes: string[] = [];
  private fn: FunctionContext | undefined = undefined;
  /** The id of the function literal a `go` statement is starting, whose variables are its goroutine's roots. */
  private goroutineLiteral: number | undefined = undefined;
  /** The statements a break or continue may leave, innermost last (controlFlow.ts). */
  readonly breakables: Breakable[] = [];
  /** How many labels the translation has made up, for unique ones (controlFlow.ts). */
  labels = 0;
  private temps = 0;
  private names = 0;
  /** Go's name of each function by its node (see funcNames.ts). */
  private readonly functionNames = new Map<number, string>();
  /** Each source site a dump may name, by function and line: the JS constant that holds it. */
  private readonly sites = new Map<string, string>();
  private readonly siteDeclarations: string[] = [];

  constructor(
    private readonly tree: Tree,
    readonly unit: PackageUnit,
    private readonly imported: ReadonlyMap<string, Translation>,
  ) {
    this.addressTaken = new AddressTaken(tree.rootNode);
    for (const [name, type] of Object.entries(BASIC_TYPES))
      this.universe.declare(name, { kind: "type", type });
    this.universe.declare("error", { kind: "type", type: ERROR });
    for (const name of BUILTINS) this.universe.declare(name, { kind: "builtin", name });
    this.universe.declare("true", {
      kind: "const",
      type: { kind: "untyped", name: "untyped bool" },
      js: "true",
      value: true,
    });
    this.universe.declare("false", {
      kind: "const",
      type: { kind: "untyped", name: "untyped bool" },
      js: "false",
      value: false,
    });
    this.scope = new Scope(this.universe);
    this.expressions = new Expressions(this);
  }

  // ---- errors ----

  /** Records a compile error and carries on, as Go reports several; fatal ones are thrown instead. */
  /** Runs a check, reporting its compile error rather than stopping the translation. */
  reportFrom(check: () => unknown): void {
    try {
      check();
    } catch (error) {
      if (!(error instanceof CompileError)) throw error;
      this.report(error);
    }
  }

  report(error: CompileError): void {
    this.errors.push(error);
  }

  // ---- sites ----

  /**
   * A JS constant holding the site of `node` for dumps: Go's name of the function it is in and its line.
   * Blocking operations name theirs just before they may block (`$.at`), `go` statements give theirs to the
   * goroutine, as Go's traceback has them.
   */
  site(node: Node): string {
    const fn = enclosingFunction(node);
    const name = fn ? goFunctionName(fn, this.unit.path, this.functionNames) : `${this.unit.path}.init`;
    const line = node.startPosition.row + 1;
    const key = `${name}:${line}`;
    let js = this.sites.get(key);
    if (js === undefined) {
      js = `${this.unit.prefix}$S${this.sites.size + 1}`;
      this.sites.set(key, js);
      this.siteDeclarations.push(
        `const ${js} = $.site(${JSON.stringify(name)}, ${JSON.stringify(this.unit.file)}, ${line});`,
      );
    }
    return js;
  }

  /** `js`, a call that may block, with the site it blocks at named first. */
  blockingAt(node: Node, js: string): string {
    return `($.at(${this.site(node)}), ${js})`;
  }

  // ---- the program ----

  program(): Translation {
    const root = this.tree.rootNode;
    const syntax = firstSyntaxError(root);
    if (syntax) throw syntax;
    const out: string[] = [];
    const packageScope = this.scope;
    let hasMain = false;
    // Package variables are translated before any function body, which may use them wherever they are declared.
    const variables: (() => void)[] = [];
    const bodies: (() => void)[] = [];
    const inits: string[] = [];
    // Types first, all of them declared before any is read: a type, a signature or a body may name a type
    // declared further down, or the type itself (a linked list).
    for (const node of root.namedChildren) if (node?.type === "import_declaration") this.imports(node);
    out.push(...this.typeDeclarations(root));
    for (const node of root.namedChildren) {
      if (!node) continue;
      switch (node.type) {
        case "package_clause": {
          const name = node.namedChildren[0]?.text;
          if (name !== this.unit.name)
            throw errorAt(node, `package ${name}; expected package ${this.unit.name}`);
          break;
        }
        case "import_declaration":
          break;
        case "function_declaration": {
          const name = field(node, "name").text;
          if (name === "main") hasMain = true;
          if (node.childForFieldName("type_parameters")) throw outsideSubset(node, "generic functions");
          const type = this.signature(node);
          if (name === "init") {
            // init functions run, in order, after the package variables and before main; nothing can name them.
            if (type.kind === "func" && (type.params.length > 0 || type.results.length > 0)) {
              throw errorAt(node, "func init must have no arguments and no return values");
            }
            const js = `${this.unit.prefix}init$${inits.length + 1}`;
            inits.push(js);
            bodies.push(() => out.push(this.functionDeclaration(node, js, type)));
            break;
          }
          const binding: Binding = { kind: "func", type, js: this.unit.prefix + jsName(name) };
          packageScope.declare(name, binding);
          bodies.push(() => out.push(this.functionDeclaration(node, binding.js, type)));
          break;
        }
        case "var_declaration":
          variables.push(() => out.push(this.varDeclaration(node) + this.boxDeclared()));
          break;
        case "const_declaration":
          out.push(this.constDeclaration(node));
          break;
        case "comment":
          break;
        case "method_declaration": {
          const method = this.methodDeclaration(node);
          bodies.push(() => out.push(method()));
          break;
        }
        case "type_declaration":
          break;
        default:
          throw outsideSubset(node, node.type.replaceAll("_", " "));
      }
    }
    for (const body of [...variables, ...bodies]) body();
    if (!hasMain && this.unit.name === "main")
      throw new CompileError(1, 1, "function main is undeclared in the main package");
    for (const pkg of packageScope.unusedPackages()) {
      if (pkg.kind === "package")
        this.report(new CompileError(pkg.line, pkg.column, `"${pkg.path}" imported and not used`));
    }
    if (this.errors.length > 0) throw new CompileErrors(this.errors);
    out.push(...this.methodTables());
    const globals = variableRoots(packageScope);
    if (globals.length > 0) out.push(`$.globals([${globals.join(", ")}]);`);
    out.push(...inits.map((js) => `await ${js}();`));
    return { unit: this.unit, scope: packageScope, js: [...this.siteDeclarations, ...out].join("\n") };
  }

  private imports(node: Node): void {
    for (const spec of descendantsOfType(node, "import_spec")) {
      const path = field(spec, "path").text.slice(1, -1);
      const local = this.imported.get(path);
      if (!local && !(path in PACKAGES)) throw outsideSubset(spec, `package "${path}"`);
      // As in Go, an internal package is the standard library's own (internal/goroutines is goleak's).
      if (path.startsWith("internal/") && !(this.unit.path in STD_SOURCES))
        throw errorAt(field(spec, "path"), `use of internal package ${path} not allowed`);
      const alias = spec.childForFieldName("name");
      if (alias && (alias.text === "_" || alias.text === "."))
        throw outsideSubset(alias, `import ${alias.text}`);
      const name = alias?.text ?? local?.unit.name ?? (path.split("/").at(-1) as string);
      this.scope.declare(name, {
        kind: "package",
        path,
        ...(local ? { members: local.scope, pkgName: local.unit.name } : {}),
        used: false,
        line: spec.startPosition.row + 1,
        column: spec.startPosition.column + 1,
      });
    }
  }

  /** Declares every type of the file, then reads each one's underlying type; registers them for the runtime. */
  private typeDeclarations(root: Node): string[] {
    const specs: [Node, DeclaredType][] = [];
    for (const declaration of root.namedChildren) {
      if (declaration?.type !== "type_declaration") continue;
      for (const spec of declaration.namedChildren) {
        if (!spec || spec.type === "comment") continue;
        if (spec.type !== "type_spec") throw outsideSubset(spec, "type aliases");
        if (spec.childForFieldName("type_parameters")) throw outsideSubset(spec, "generic types");
        const name = field(spec, "name").text;
        const type: DeclaredType = {
          kind: "named",
          name,
          underlying: undefined,
          pkg: this.unit.name,
          methods: {},
        };
        this.scope.declare(name, { kind: "type", type });
        this.declaredTypes.push(type);
        specs.push([spec, type]);
      }
    }
    const out: string[] = [];
    for (const [spec, type] of specs) {
      const underlyingNode = field(spec, "type");
      type.underlying = underlying(this.typeOf(underlyingNode));
      out.push(`$.declareType(${JSON.stringify(type.pkg)}, ${JSON.stringify(type.name)});`);
    }
    for (const [, type] of specs) {
      out.push(
        `$.defineType(${JSON.stringify(typeKey(type))}, ${this.expressions.typeConstant(type.underlying as GoType)});`,
      );
    }
    return out;
  }

  /** The runtime's tables of each declared type's methods: what a call through an interface finds. */
  private methodTables(): string[] {
    return this.declaredTypes
      .filter((type) => Object.keys(type.methods).length > 0)
      .map((type) => {
        const entries = Object.entries(type.methods).map(
          ([name, m]) => `${name}: { fn: ${m.js}, pointer: ${m.pointer} }`,
        );
        return `$.defineMethods(${JSON.stringify(typeKey(type))}, { ${entries.join(", ")} });`;
      });
  }

  /** Reads a method's receiver and signature onto its type; returns the translation of its body, for later. */
  private methodDeclaration(node: Node): () => string {
    const receiverList = field(node, "receiver");
    const [receiver] = this.parameterTypes(receiverList);
    if (
      !receiver ||
      receiverList.namedChildren.filter((c) => c?.type === "parameter_declaration").length !== 1
    ) {
      throw errorAt(receiverList, "method has multiple receivers");
    }
    const pointer = receiver.type.kind === "pointer";
    const base = pointer && receiver.type.kind === "pointer" ? receiver.type.elem : receiver.type;
    if (base.kind !== "named" || base.pkg !== this.unit.name || !base.methods) {
      throw errorAt(receiverList, `cannot define new methods on non-local type ${typeString(base)}`);
    }
    const name = field(node, "name").text;
    const type = this.signature(node);
    if (base.methods[name])
      throw errorAt(field(node, "name"), `method ${base.name}.${name} already declared`);
    const structType = structOf(base);
    if (structType?.fields.some((f) => f.name === name)) {
      throw errorAt(field(node, "name"), `field and method with the same name ${name}`);
    }
    const js = `${this.unit.prefix}${jsName(base.name)}$${name}`;
    base.methods[name] = { type, pointer, js };
    return () => `async function ${js}(${this.functionBody(node, type, receiver)}`;
  }

  // ---- types ----

  /** The type a type expression names. */
  typeOf(node: Node): GoType {
    switch (node.type) {
      case "type_identifier": {
        const binding = this.scope.lookup(node.text);
        if (binding?.kind !== "type") throw errorAt(node, `undefined: ${node.text}`);
        return binding.type;
      }
      case "qualified_type": {
        const pkg = field(node, "package").text;
        const name = field(node, "name").text;
        const binding = this.markPackageUsed(node, pkg);
        const nameNode = field(node, "name");
        const member = binding.members ? importedMember(nameNode, binding, name) : undefined;
        const type = member ? member.kind === "type" && member.type : PACKAGES[binding.path]?.types?.[name];
        if (!type)
          throw errorAt(nameNode, member ? `${pkg}.${name} is not a type` : `undefined: ${pkg}.${name}`);
        return type;
      }
      case "channel_type": {
        const elem = this.typeOf(field(node, "value"));
        const text = node.text.replace(/\s+/g, "");
        const dir = text.startsWith("<-") ? "recv" : text.startsWith("chan<-") ? "send" : "both";
        return { kind: "chan", elem, dir };
      }
      case "slice_type":
        return { kind: "slice", elem: this.typeOf(field(node, "element")) };
      case "map_type":
        return {
          kind: "map",
          key: this.typeOf(field(node, "key")),
          value: this.typeOf(field(node, "value")),
        };
      case "pointer_type": {
        const elem = this.typeOf(node.namedChildren[0] as Node);
        return { kind: "pointer", elem };
      }
      case "function_type":
        return this.signature(node);
      case "struct_type":
        return this.structType(node);
      case "interface_type":
        return this.interfaceType(node);
      case "parenthesized_type":
        return this.typeOf(node.namedChildren[0] as Node);
      default:
        throw outsideSubset(node, `${node.type.replaceAll("_", " ")}s`);
    }
  }

  private structType(node: Node): GoType {
    const fields: StructField[] = [];
    const list = node.namedChildren.find((c) => c?.type === "field_declaration_list");
    for (const decl of list?.namedChildren ?? []) {
      if (!decl || decl.type === "comment") continue;
      const names = decl.childrenForFieldName("name").filter((n): n is Node => n !== null);
      if (names.length === 0) throw outsideSubset(decl, "embedded fields");
      const type = this.typeOf(field(decl, "type"));
      for (const name of names) {
        if (fields.some((f) => f.name === name.text)) throw errorAt(name, `${name.text} redeclared`);
        fields.push({ name: name.text, type });
      }
    }
    return { kind: "struct", fields };
  }

  private interfaceType(node: Node): GoType {
    const methods: Record<string, GoType> = {};
    for (const elem of node.namedChildren) {
      if (!elem || elem.type === "comment") continue;
      if (elem.type !== "method_elem") throw outsideSubset(elem, "embedded interfaces and type constraints");
      const name = field(elem, "name").text;
      if (methods[name]) throw errorAt(elem, `duplicate method ${name}`);
      methods[name] = this.signature(elem);
    }
    return { kind: "interface", methods };
  }

  /** The type of a function declaration, literal or type: its parameters' and results' types. */
  signature(node: Node): GoType {
    const list = field(node, "parameters");
    const params = this.parameterTypes(list).map((p) => p.type);
    const resultNode = node.childForFieldName("result");
    const results = resultNode ? this.resultTypes(resultNode).map((r) => r.type) : [];
    const variadic = list.namedChildren.some((c) => c?.type === "variadic_parameter_declaration");
    return variadic ? { kind: "func", params, results, variadic } : { kind: "func", params, results };
  }

  private parameterTypes(list: Node): { name: string | undefined; type: GoType; node: Node }[] {
    const out: { name: string | undefined; type: GoType; node: Node }[] = [];
    for (const decl of list.namedChildren) {
      if (!decl || decl.type === "comment") continue;
      const variadic = decl.type === "variadic_parameter_declaration";
      const last = decl.id === list.namedChildren.filter((c) => c && c.type !== "comment").at(-1)?.id;
      if (variadic && !last) throw errorAt(decl, "can only use ... with final parameter in list");
      const elem = this.typeOf(field(decl, "type"));
      const type: GoType = variadic ? { kind: "slice", elem } : elem;
      const names = decl.childrenForFieldName("name").filter((n): n is Node => n !== null);
      if (names.length === 0) out.push({ name: undefined, type, node: decl });
      for (const name of names) out.push({ name: name.text, type, node: name });
    }
    return out;
  }

  private resultTypes(node: Node): { name: string | undefined; type: GoType; node: Node }[] {
    if (node.type === "parameter_list") return this.parameterTypes(node);
    return [{ name: undefined, type: this.typeOf(node), node }];
  }

  markPackageUsed(node: Node, name: string): PackageBinding {
    const binding = this.scope.lookup(name);
    if (binding?.kind !== "package") throw errorAt(node, `undefined: ${name}`);
    binding.used = true;
    return binding;
  }

  packagePath(name: string): string {
    const binding = this.scope.lookup(name);
    return binding?.kind === "package" ? binding.path : name;
  }

  // ---- declarations ----

  /** A fresh JS name for a Go local, unique where Go shadows an outer one (`x := x + 1` in a block). */
  localName(goName: string): string {
    // Package-level names carry the package's prefix: every package of a program shares one JS scope.
    const prefix = this.fn === undefined ? this.unit.prefix : "";
    const js = prefix + jsName(goName);
    return this.scope.lookup(goName) === undefined ? js : `${js}$${++this.names}`;
  }

  temp(): string {
    return `$t${this.unit.prefix}${++this.temps}`;
  }

  private functionDeclaration(node: Node, js: string, type: GoType): string {
    return `async function ${js}(${this.functionBody(node, type)}`;
  }

  /** Parameters and body of a function: `(a, b) { … }`, the text after `function name`. */
  functionBody(node: Node, type: GoType, receiver?: { name: string | undefined; type: GoType }): string {
    if (type.kind !== "func") throw errorAt(node, "not a function");
    const outerScope = this.scope;
    const outerFn = this.fn;
    const outerBreakables = this.breakables.splice(0);
    this.scope = new Scope(outerScope);
    const params: string[] = [];
    const boxes: string[] = [];
    for (const p of [...(receiver ? [receiver] : []), ...this.parameterTypes(field(node, "parameters"))]) {
      const name = p.name === undefined || p.name === "_" ? this.temp() : this.localName(p.name);
      if (p.name !== undefined && p.name !== "_") {
        const boxed = this.addressTaken.needsBox(p.name, p.type);
        if (boxed) boxes.push(`${name} = { v: ${name} };`);
        this.scope.declare(p.name, {
          kind: "var",
          type: p.type,
          js: boxed ? `${name}.v` : name,
          ...(boxed ? { box: name } : {}),
          used: true,
        });
      }
      params.push(name);
    }
    const resultNode = node.childForFieldName("result");
    const results = resultNode ? this.resultTypes(resultNode) : [];
    const named = results.length > 0 && results.every((r) => r.name !== undefined);
    const prologue: string[] = boxes;
    const namedResults: string[] = [];
    if (named) {
      for (const r of results) {
        if (
          r.name !== "_" &&
          this.addressTaken.needsBox(r.name as string, r.type) &&
          this.addressTaken.takenIn(node, r.name as string)
        )
          throw outsideSubset(resultNode as Node, `the address of the named result ${r.name}`);
        const name = r.name === "_" ? this.temp() : this.localName(r.name as string);
        if (r.name !== "_")
          this.scope.declare(r.name as string, { kind: "var", type: r.type, js: name, used: true });
        prologue.push(`let ${name} = ${this.expressions.zeroValue(r.type)};`);
        namedResults.push(name);
      }
    }
    this.fn = { results: type.results, namedResults: named ? namedResults : undefined, hasDefer: false };
    // Only the literal the go statement starts: a literal among its arguments is translated first.
    const startsGoroutine = node.id === this.goroutineLiteral;
    if (startsGoroutine) this.goroutineLiteral = undefined;
    const bodyNode = field(node, "body");
    let body = this.blockStatements(bodyNode);
    if (startsGoroutine) {
      // The goroutine's own variables are roots of the heap for as long as it runs (lib/heap.ts).
      body = `$.goroutineRoots([${variableRoots(this.scope).join(", ")}]);\n${body}`;
    }
    const fn = this.fn;
    if (type.results.length > 0 && !terminates(bodyNode)) {
      const close = bodyNode.lastChild ?? bodyNode;
      this.report(errorAt(close, "missing return"));
    }
    this.reportUnused(this.scope);
    this.scope = outerScope;
    this.fn = outerFn;
    this.breakables.splice(0, this.breakables.length, ...outerBreakables);
    const text = fn.hasDefer
      ? // The frame unwinds on return and on panic: deferred calls run last first, and may recover.
        `const $f = $.frame(); let $threw = false, $err;\n` +
        `try {\n${body}\n} catch (e) { $threw = true; $err = e; } finally { await $.unwind($f, $err, $threw); }\n` +
        // Reached only when a deferred call recovered a panic: the results are the named ones, or zero values.
        (named
          ? `return ${packResults(namedResults)};`
          : type.results.length > 0
            ? `return ${packResults(type.results.map((r) => this.expressions.zeroValue(r)))};`
            : "")
      : body;
    return `${params.join(", ")}) {\n${prologue.join("\n")}\n${text}\n}`;
  }

  reportUnused(scope: Scope): void {
    for (const b of scope.unused()) {
      if (b.kind === "var" && b.declared) {
        this.report(
          new CompileError(b.declared.line, b.declared.column, `declared and not used: ${b.declared.name}`),
        );
      }
    }
  }

  private varDeclaration(node: Node): string {
    const out: string[] = [];
    for (const spec of descendantsOfType(node, "var_spec")) out.push(this.varSpec(spec));
    return out.join("\n");
  }

  private varSpec(spec: Node): string {
    const names = spec.childrenForFieldName("name").filter((n): n is Node => n !== null);
    const typeNode = spec.childForFieldName("type");
    const declared = typeNode ? this.typeOf(typeNode) : undefined;
    const valueNode = spec.childForFieldName("value");
    const values = valueNode ? this.expressions.list(valueNode, names.length) : [];
    const out: string[] = [];
    const bindTargets = (types: GoType[]) =>
      names.map((name, i) => {
        const type = declared ?? defaultType(types[i] as GoType);
        return this.declareLocal(name, type);
      });
    if (values.length === 0) {
      if (!declared) throw errorAt(spec, "missing type or init expr");
      for (const js of bindTargets([])) out.push(`let ${js} = ${this.expressions.zeroValue(declared)};`);
      return out.join("\n");
    }
    if (values.length === 1 && names.length > 1) {
      const tuple = values[0] as Translated;
      const types = tuple.type.kind === "tuple" ? tuple.type.types : [];
      if (types.length !== names.length) {
        throw errorAt(
          mismatchAt(spec),
          `assignment mismatch: ${names.length} variables but ${describeCount(tuple)}`,
        );
      }
      const js = bindTargets([...types]);
      out.push(`let [${js.join(", ")}] = ${tuple.js};`);
      return out.join("\n");
    }
    if (values.length !== names.length) {
      throw errorAt(
        spec,
        `assignment mismatch: ${names.length} variable${names.length > 1 ? "s" : ""} but ${values.length} value${values.length > 1 ? "s" : ""}`,
      );
    }
    const converted = values.map((v, i) =>
      declared
        ? this.expressions.convertFor(v, declared, names[i] as Node, "variable declaration")
        : this.expressions.settle(v),
    );
    const js = bindTargets(converted.map((v) => v.type));
    js.forEach((name, i) => {
      out.push(`let ${name} = ${(converted[i] as Translated).js};`);
    });
    return out.join("\n");
  }

  /** Declares a Go variable in the current scope; its JS name, or a throwaway for `_`. */
  declareLocal(nameNode: Node, type: GoType): string {
    const name = nameNode.text;
    if (name === "_") return this.temp();
    const js = this.localName(name);
    const isLocal = this.fn !== undefined;
    let boxed = this.addressTaken.needsBox(name, type);
    if (boxed && !declaredByStatement(nameNode)) {
      const scope = enclosingFunction(nameNode);
      if (scope && this.addressTaken.takenIn(scope, name))
        throw outsideSubset(
          nameNode,
          "the address of a variable declared in a for, if, switch or select header",
        );
      boxed = false;
    }
    if (boxed) this.pendingBoxes.push(js);
    this.scope.declare(name, {
      kind: "var",
      type,
      js: boxed ? `${js}.v` : js,
      ...(boxed ? { box: js } : {}),
      used: !isLocal,
      ...(isLocal
        ? {
            declared: {
              line: nameNode.startPosition.row + 1,
              column: nameNode.startPosition.column + 1,
              name,
            },
          }
        : {}),
    });
    return js;
  }

  private constDeclaration(node: Node): string {
    const out: string[] = [];
    let iota = 0;
    let previous: Node | undefined;
    let previousType: Node | undefined;
    for (const spec of descendantsOfType(node, "const_spec")) {
      const valueNode = spec.childForFieldName("value") ?? previous;
      const typeNode =
        spec.childForFieldName("type") ?? (spec.childForFieldName("value") ? undefined : previousType);
      if (!valueNode) throw errorAt(spec, "missing init expr for const declaration");
      previous = valueNode;
      previousType = typeNode ?? undefined;
      const names = spec.childrenForFieldName("name").filter((n): n is Node => n !== null);
      const values = this.expressions.withIota(iota, () => this.expressions.list(valueNode));
      names.forEach((nameNode, i) => {
        const value = values[i];
        if (!value || value.constant === undefined)
          throw errorAt(nameNode, `${value?.text ?? "value"} is not constant`);
        const type = typeNode ? this.typeOf(typeNode) : value.type;
        // A typed constant's value must be one of its type: Go's checks, as for a variable.
        // Go goes on with the constant declared, and so do its uses' checks.
        if (typeNode)
          this.reportFrom(() => this.expressions.convertFor(value, type, nameNode, "constant declaration"));
        if (nameNode.text === "_") return;
        const js = this.localName(nameNode.text);
        this.scope.declare(nameNode.text, { kind: "const", type, js, value: value.constant });
        out.push(`const ${js} = ${JSON.stringify(value.constant)};`);
      });
      iota++;
    }
    return out.join("\n");
  }

  // ---- statements ----

  /** The statements of a block, in a scope of their own, checked for unused variables at its end. */
  blockStatements(block: Node): string {
    const list = block.namedChildren.find((c) => c?.type === "statement_list");
    return list ? this.statementList(list) : "";
  }

  /** A failing statement is reported and skipped, so that one run lists every error, as `go build` does. */
  statementList(list: Node): string {
    return list.namedChildren
      .filter((s): s is Node => s !== null && s.type !== "comment")
      .map((s) => {
        try {
          return this.statement(s) + this.boxDeclared();
        } catch (error) {
          if (!(error instanceof CompileError)) throw error;
          this.pendingBoxes = [];
          // Go reports nothing more about a name whose declaration failed: its uses would only repeat it.
          const usesFailed = s
            .descendantsOfType("identifier")
            .some((id) => id !== null && this.failedNames.has(id.text));
          if (!usesFailed) this.report(error);
          if (s.type === "short_var_declaration" || s.type === "var_declaration") this.declareFailed(s);
          return "";
        }
      })
      .join("\n");
  }

  /** The boxes of the variables just declared whose address is taken (addressTaken.ts). */
  private boxDeclared(): string {
    const boxes = this.pendingBoxes.map((js) => `\n${js} = { v: ${js} };`).join("");
    this.pendingBoxes = [];
    return boxes;
  }

  /**
   * The names a failed declaration would have declared: declared anyway, so their uses are not "undefined".
   * A name declared with its type (`var b byte = 300`) has that type, and Go goes on checking its uses; one
   * whose type came from the failed value has none, and Go says nothing more about it.
   */
  private declareFailed(statement: Node): void {
    const named: [Node | null, GoType | undefined][] =
      statement.type === "short_var_declaration"
        ? (statement.childForFieldName("left")?.namedChildren ?? []).map((name) => [name, undefined])
        : statement.descendantsOfType("var_spec").flatMap((spec) => {
            const typeNode = spec?.childForFieldName("type");
            const type = typeNode ? this.typeIfValid(typeNode) : undefined;
            return (spec?.childrenForFieldName("name") ?? []).map(
              (name): [Node | null, GoType | undefined] => [name, type],
            );
          });
    for (const [name, type] of named) {
      if (!name || name.text === "_" || this.scope.has(name.text)) continue;
      this.scope.declare(name.text, { kind: "var", type: type ?? ANY, js: this.temp(), used: true });
      if (!type) this.failedNames.add(name.text);
    }
  }

  private typeIfValid(typeNode: Node): GoType | undefined {
    try {
      return this.typeOf(typeNode);
    } catch (error) {
      if (error instanceof CompileError) return undefined;
      throw error;
    }
  }

  /** `{ … }` in a new scope. */
  scoped(body: () => string): string {
    const outer = this.scope;
    this.scope = new Scope(outer);
    try {
      return body();
    } finally {
      this.reportUnused(this.scope);
      this.scope = outer;
    }
  }

  statement(node: Node): string {
    switch (node.type) {
      case "expression_statement":
        return `${this.expressions.statementExpression(node.namedChildren[0] as Node)};`;
      case "send_statement":
        return `${this.expressions.send(node)};`;
      case "inc_statement":
      case "dec_statement":
        return this.incDec(node);
      case "assignment_statement":
        return this.assignment(node);
      case "short_var_declaration":
        return this.shortVarDeclaration(node);
      case "var_declaration":
        return this.varDeclaration(node);
      case "const_declaration":
        return this.constDeclaration(node);
      case "go_statement":
        return this.goStatement(node);
      case "defer_statement":
        return this.deferStatement(node);
      case "return_statement":
        return this.returnStatement(node);
      case "if_statement":
        return this.scoped(() => ifStatement(this, node));
      case "for_statement":
        return this.scoped(() => forStatement(this, node, undefined));
      case "expression_switch_statement":
        return this.scoped(() => switchStatement(this, node, undefined));
      case "select_statement":
        return selectStatement(this, node, undefined);
      case "type_switch_statement":
        return this.scoped(() => typeSwitch(this, node, undefined));
      case "labeled_statement":
        return labeledStatement(this, node);
      case "block":
        return `{\n${this.scoped(() => this.blockStatements(node))}\n}`;
      case "break_statement":
      case "continue_statement":
        return branch(this, node);
      case "empty_statement":
        return "";
      case "fallthrough_statement":
        throw outsideSubset(node, "fallthrough");
      case "type_declaration":
        throw outsideSubset(node, "type declarations");
      case "goto_statement":
        throw outsideSubset(node, "goto");
      default:
        throw outsideSubset(node, node.type.replaceAll("_", " "));
    }
  }

  private incDec(node: Node): string {
    const target = this.expressions.assignTarget(node.namedChildren[0] as Node);
    if (!isNumeric(target.type))
      throw errorAt(node, `invalid operation: ${node.text} (non-numeric type ${typeString(target.type)})`);
    const op = node.type === "inc_statement" ? "+" : "-";
    const kind = integerKind(target.type);
    return `${target.store(kind ? integerStep(op, kind, target.load) : `${target.load} ${op} 1`)};`;
  }

  private assignment(node: Node): string {
    const operator = (node.childForFieldName("operator") as Node).text;
    const lefts = field(node, "left").namedChildren.filter(Boolean) as Node[];
    const rightList = field(node, "right");
    if (operator !== "=") {
      const target = this.expressions.assignTarget(lefts[0] as Node);
      const value = this.expressions.binary(
        node,
        operator.slice(0, -1),
        { js: target.load, type: target.type, text: (lefts[0] as Node).text },
        this.expressions.expression(rightList.namedChildren[0] as Node),
      );
      return `${target.store(value.js)};`;
    }
    const rights = this.expressions.list(rightList, lefts.length);
    if (rights.length === 1 && lefts.length > 1)
      return this.tupleAssignment(node, lefts, rights[0] as Translated);
    if (rights.length !== lefts.length) {
      throw errorAt(
        node,
        `assignment mismatch: ${lefts.length} variable${lefts.length > 1 ? "s" : ""} but ${rights.length} value${rights.length > 1 ? "s" : ""}`,
      );
    }
    if (lefts.length === 1) {
      const left = lefts[0] as Node;
      if (left.text === "_") return `${this.expressions.settle(rights[0] as Translated).js};`;
      const target = this.expressions.assignTarget(left);
      return `${target.store(this.expressions.convertFor(rights[0] as Translated, target.type, left).js)};`;
    }
    // a, b = b, a: every right side is evaluated before any is stored.
    const temps = rights.map(() => this.temp());
    const out = [
      `const [${temps.join(", ")}] = [${rights.map((r) => this.expressions.settle(r).js).join(", ")}];`,
    ];
    lefts.forEach((left, i) => {
      if (left.text === "_") return;
      const target = this.expressions.assignTarget(left);
      out.push(`${target.store(temps[i] as string)};`);
    });
    return out.join("\n");
  }

  private tupleAssignment(node: Node, lefts: Node[], right: Translated): string {
    const types = right.type.kind === "tuple" ? right.type.types : [];
    if (types.length !== lefts.length)
      throw errorAt(
        mismatchAt(node),
        `assignment mismatch: ${lefts.length} variables but ${describeCount(right)}`,
      );
    const temps = lefts.map(() => this.temp());
    const out = [`const [${temps.join(", ")}] = ${right.js};`];
    lefts.forEach((left, i) => {
      if (left.text === "_") return;
      const target = this.expressions.assignTarget(left);
      out.push(`${target.store(temps[i] as string)};`);
    });
    return out.join("\n");
  }

  /** `a, err := f()`: declares the names new in this scope and assigns the others. */
  shortVarDeclaration(node: Node): string {
    const lefts = field(node, "left").namedChildren.filter(Boolean) as Node[];
    const rights = this.expressions.list(field(node, "right"), lefts.length);
    let types: GoType[];
    let source: string[];
    const out: string[] = [];
    if (rights.length === 1 && lefts.length > 1) {
      const tuple = rights[0] as Translated;
      types = tuple.type.kind === "tuple" ? [...tuple.type.types] : [];
      if (types.length !== lefts.length)
        throw errorAt(
          mismatchAt(node),
          `assignment mismatch: ${lefts.length} variables but ${describeCount(tuple)}`,
        );
      const temps = lefts.map(() => this.temp());
      out.push(`const [${temps.join(", ")}] = ${tuple.js};`);
      source = temps;
    } else {
      if (rights.length !== lefts.length) {
        throw errorAt(
          node,
          `assignment mismatch: ${lefts.length} variable${lefts.length > 1 ? "s" : ""} but ${rights.length} value${rights.length > 1 ? "s" : ""}`,
        );
      }
      const only = rights[0];
      if (rights.length === 1 && only?.type.kind === "tuple" && only.type.types.length > 1) {
        throw errorAt(mismatchAt(node), `assignment mismatch: 1 variable but ${describeCount(only)}`);
      }
      const settled = rights.map((r) => this.expressions.settle(r));
      types = settled.map((r) => r.type);
      if (lefts.length === 1) {
        source = [(settled[0] as Translated).js];
      } else {
        const temps = lefts.map(() => this.temp());
        out.push(`const [${temps.join(", ")}] = [${settled.map((r) => r.js).join(", ")}];`);
        source = temps;
      }
    }
    const isNew = lefts.map((left) => left.text !== "_" && !this.scope.has(left.text));
    if (!isNew.some(Boolean)) throw errorAt(node, "no new variables on left side of :=");
    lefts.forEach((left, i) => {
      const type = types[i] as GoType;
      if (type.kind === "tuple") throw errorAt(node, `${rights[0]?.text} (no value) used as value`);
      if (left.text === "_") return;
      if (isNew[i]) {
        const js = this.declareLocal(left, defaultType(type));
        out.push(`let ${js} = ${source[i]};`);
      } else {
        const target = this.expressions.assignTarget(left);
        out.push(`${target.store(source[i] as string)};`);
      }
    });
    return out.join("\n");
  }

  private goStatement(node: Node): string {
    const call = node.namedChildren[0] as Node;
    if (call.type !== "call_expression") throw errorAt(node, "expression in go must be function call");
    // What the new goroutine holds on the heap (lib/heap.ts): the arguments it is handed, and the variables of
    // the enclosing functions its function value uses (a literal's captures, a method's receiver).
    const fnNode = field(call, "function");
    const captured = this.variablesUsed(fnNode);
    const outerLiteral = this.goroutineLiteral;
    this.goroutineLiteral = fnNode.type === "func_literal" ? fnNode.id : undefined;
    // Go evaluates the function value and its arguments now, in the calling goroutine; the call runs in the new one.
    const prepared = this.expressions.deferredCall(call);
    this.goroutineLiteral = outerLiteral;
    const roots = [...captured, ...prepared.temps].map((js) => `() => ${js}`).join(", ");
    return `{ ${prepared.setup} $.go(async () => { $.goroutineRoots([${roots}]); ${prepared.call}; }, ${this.site(node)}); }`;
  }

  /** The JavaScript names of the variables `node` uses, as this scope resolves them (a box for a boxed one). */
  private variablesUsed(node: Node): string[] {
    const names = new Set<string>();
    const identifiers = node.type === "identifier" ? [node] : descendantsOfType(node, "identifier");
    for (const identifier of identifiers) {
      const binding = this.scope.lookup(identifier.text);
      if (binding?.kind === "var") names.add(binding.box ?? binding.js);
    }
    return [...names];
  }

  private deferStatement(node: Node): string {
    const call = node.namedChildren[0] as Node;
    if (call.type !== "call_expression") throw errorAt(node, "expression in defer must be function call");
    if (!this.fn) throw errorAt(node, "defer outside a function");
    this.fn.hasDefer = true;
    const prepared = this.expressions.deferredCall(call);
    return `{ ${prepared.setup} $f.defers.push(async () => { ${prepared.call}; }); }`;
  }

  private returnStatement(node: Node): string {
    const fn = this.fn;
    if (!fn) throw errorAt(node, "return outside a function");
    const listNode = node.namedChildren[0];
    const values = listNode ? this.expressions.list(listNode) : [];
    if (values.length === 0) {
      if (fn.namedResults) return `return ${packResults(fn.namedResults)};`;
      if (fn.results.length > 0)
        throw errorAt(
          node,
          `not enough return values\n\thave ()\n\twant (${fn.results.map((t) => typeString(t)).join(", ")})`,
        );
      return "return;";
    }
    if (values.length === 1 && fn.results.length > 1) {
      const tuple = values[0] as Translated;
      if (tuple.type.kind !== "tuple" || tuple.type.types.length !== fn.results.length) {
        throw errorAt(node, "not enough return values");
      }
      return fn.namedResults
        ? `[${fn.namedResults.join(", ")}] = ${tuple.js}; return ${packResults(fn.namedResults)};`
        : `return ${tuple.js};`;
    }
    if (values.length !== fn.results.length) {
      throw errorAt(
        node,
        values.length > fn.results.length ? "too many return values" : "not enough return values",
      );
    }
    const converted = values.map(
      (v, i) => this.expressions.convertFor(v, fn.results[i] as GoType, node, "return statement").js,
    );
    if (fn.namedResults) {
      // With a defer, a deferred call may change the named results after this: store them, then return them.
      const stores = fn.namedResults.map((name, i) => `${name} = ${converted[i]};`).join(" ");
      return `{ ${stores} return ${packResults(fn.namedResults)}; }`;
    }
    return `return ${packResults(converted)};`;
  }
}

const BASIC_TYPES: Record<string, GoType> = {
  int: INT,
  int8: { kind: "basic", name: "int8" },
  int16: { kind: "basic", name: "int16" },
  int32: { kind: "basic", name: "int32" },
  int64: INT64,
  uint: { kind: "basic", name: "uint" },
  uint8: { kind: "basic", name: "uint8" },
  uint16: { kind: "basic", name: "uint16" },
  uint32: { kind: "basic", name: "uint32" },
  uint64: { kind: "basic", name: "uint64" },
  uintptr: { kind: "basic", name: "uintptr" },
  float64: FLOAT64,
  string: STRING,
  bool: BOOL,
  byte: BYTE,
  rune: RUNE,
  any: ANY,
};

function packResults(values: readonly string[]): string {
  return values.length === 1 ? (values[0] as string) : `[${values.join(", ")}]`;
}

/** "f returns 2 values", as Go names a call in an assignment mismatch: by the function called. */
function describeCount(value: Translated): string {
  const n = value.type.kind === "tuple" ? value.type.types.length : 1;
  const callee =
    value.at?.type === "call_expression" ? value.at.childForFieldName("function")?.text : undefined;
  return `${callee ?? value.text} returns ${n} value${n === 1 ? "" : "s"}`;
}

/** Where Go reports an assignment mismatch: at the value on the right. */
function mismatchAt(node: Node): Node {
  return node.childForFieldName("right") ?? node.childForFieldName("value") ?? node;
}

export function field(node: Node, name: string): Node {
  const child = node.childForFieldName(name);
  if (!child) throw errorAt(node, `syntax error: missing ${name}`);
  return child;
}

/** A root of the heap (lib/heap.ts) for each variable declared in `scope`: a function that reads it. */
function variableRoots(scope: Scope): string[] {
  return scope
    .entries()
    .flatMap(([, binding]) => (binding.kind === "var" ? [`() => ${binding.box ?? binding.js}`] : []));
}

function descendantsOfType(node: Node, type: string): Node[] {
  return node.descendantsOfType(type).filter((n): n is Node => n !== null);
}

/** Whether a function body ends in a terminating statement (the spec's "Terminating statements"). */
function terminates(block: Node): boolean {
  const list = block.namedChildren.find((c) => c?.type === "statement_list");
  const last = list?.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment").at(-1);
  return last !== undefined && isTerminating(last, undefined);
}

const BREAKABLE = new Set([
  "for_statement",
  "expression_switch_statement",
  "type_switch_statement",
  "select_statement",
]);

function isTerminating(statement: Node, label: string | undefined): boolean {
  switch (statement.type) {
    case "return_statement":
    case "goto_statement":
      return true;
    case "expression_statement": {
      const call = statement.namedChildren[0];
      const fn = call?.type === "call_expression" ? call.childForFieldName("function")?.text : undefined;
      return fn === "panic" || fn === "os.Exit";
    }
    case "block":
      return terminates(statement);
    case "labeled_statement": {
      const inner = statement.namedChildren.find((c) => c !== null && c.type !== "label_name");
      return (
        inner !== undefined &&
        inner !== null &&
        isTerminating(inner, statement.childForFieldName("label")?.text)
      );
    }
    case "if_statement": {
      const alternative = statement.childForFieldName("alternative");
      const consequence = statement.childForFieldName("consequence");
      if (!alternative || !consequence || !terminates(consequence)) return false;
      return alternative.type === "if_statement"
        ? isTerminating(alternative, undefined)
        : terminates(alternative);
    }
    case "for_statement": {
      // Terminating: no condition (nor range), and no break that leaves it.
      const body = statement.childForFieldName("body");
      const hasCondition = statement.namedChildren.some(
        (c) =>
          c !== null &&
          c.id !== body?.id &&
          c.type !== "comment" &&
          (c.type !== "for_clause" || c.childForFieldName("condition") !== null),
      );
      return !hasCondition && !breaksOut(statement, label);
    }
    case "select_statement":
    case "type_switch_statement":
    case "expression_switch_statement": {
      // No break that leaves it, a default (a select needs none), and every clause ending in a terminating
      // statement.
      const clauses = statement.namedChildren.filter(
        (c): c is Node =>
          c !== null &&
          ["expression_case", "type_case", "communication_case", "default_case"].includes(c.type),
      );
      const needsDefault = statement.type !== "select_statement";
      return (
        (!needsDefault || clauses.some((c) => c.type === "default_case")) &&
        !breaksOut(statement, label) &&
        clauses.every((c) => terminates(c))
      );
    }
    default:
      return false;
  }
}

/** Whether a break inside `statement` leaves it: an unlabeled one whose nearest breakable is it, or one naming its label. */
function breaksOut(statement: Node, label: string | undefined): boolean {
  const visit = (node: Node, depth: number): boolean => {
    for (const child of node.namedChildren) {
      if (!child || child.type === "func_literal") continue;
      if (child.type === "break_statement") {
        const target = child.namedChildren.find((c) => c?.type === "label_name")?.text;
        if (target !== undefined ? target === label : depth === 0) return true;
        continue;
      }
      if (visit(child, BREAKABLE.has(child.type) ? depth + 1 : depth)) return true;
    }
    return false;
  };
  return visit(statement, 0);
}

/** The first ERROR or MISSING node: Go's "syntax error" at its line. */
function firstSyntaxError(root: Node): CompileError | undefined {
  if (!root.hasError) return undefined;
  let found: Node | undefined;
  const visit = (node: Node) => {
    if (found) return;
    if (node.isError || node.isMissing) {
      found = node;
      return;
    }
    for (const child of node.children) if (child?.hasError || child?.isMissing) visit(child);
  };
  visit(root);
  const at = found ?? root;
  const near = at.isMissing ? `missing ${at.type}` : `unexpected ${at.text.split(/\s/)[0] || "newline"}`;
  return new CompileError(at.startPosition.row + 1, at.startPosition.column + 1, `syntax error: ${near}`);
}
