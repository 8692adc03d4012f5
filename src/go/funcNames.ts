/**
 * The names Go gives functions in stack traces, for Leak Lab's dumps to read as Go's: `pkg.F`, methods as
 * `pkg.(*T).M` or `pkg.T.M`, and closures after the function they are in, numbered in source order:
 * `pkg.(*T).M.func1`, a closure in that one `pkg.(*T).M.func1.1`, one in a package variable's initialiser
 * `pkg.init.func1`; init functions are `pkg.init.0`, `pkg.init.1`. `pkg` is the import path (`main` for the program's own file).
 */
import type { Node } from "web-tree-sitter";

const FUNCTIONS = new Set(["function_declaration", "method_declaration", "func_literal"]);

/** The function (declaration or literal) `node` is in, or undefined at package level. */
export function enclosingFunction(node: Node): Node | undefined {
  for (let at = node.parent; at; at = at.parent) if (FUNCTIONS.has(at.type)) return at;
  return undefined;
}

/** Go's name for the function `fn`, a declaration or a literal, of the package at import path `pkg`. */
export function goFunctionName(fn: Node, pkg: string, cache: Map<number, string>): string {
  const known = cache.get(fn.id);
  if (known !== undefined) return known;
  let name: string;
  if (fn.type === "function_declaration" && fn.childForFieldName("name")?.text === "init") {
    // A package's init functions are init.0, init.1, … in source order.
    const inits = topLevel(fn).namedChildren.filter(
      (c) => c?.type === "function_declaration" && c.childForFieldName("name")?.text === "init",
    );
    name = `${pkg}.init.${inits.findIndex((c) => c?.id === fn.id)}`;
  } else if (fn.type === "function_declaration") {
    name = `${pkg}.${fn.childForFieldName("name")?.text}`;
  } else if (fn.type === "method_declaration") {
    name = `${pkg}.${receiverName(fn)}.${fn.childForFieldName("name")?.text}`;
  } else {
    const outer = enclosingFunction(fn);
    const root = outer ?? topLevel(fn);
    const index = closuresOf(root).findIndex((c) => c.id === fn.id) + 1;
    name =
      outer === undefined
        ? `${pkg}.init.func${index}`
        : outer.type === "func_literal"
          ? `${goFunctionName(outer, pkg, cache)}.${index}`
          : `${goFunctionName(outer, pkg, cache)}.func${index}`;
  }
  cache.set(fn.id, name);
  return name;
}

/** `(*T)` or `T`, as Go writes a method's receiver in its name. */
function receiverName(method: Node): string {
  const receiver = method
    .childForFieldName("receiver")
    ?.namedChildren.find((c) => c?.type === "parameter_declaration");
  const type = receiver?.childForFieldName("type");
  if (type?.type === "pointer_type") return `(*${type.namedChildren[0]?.text})`;
  return type?.text ?? "?";
}

function topLevel(node: Node): Node {
  let at = node;
  while (at.parent) at = at.parent;
  return at;
}

/** The closures directly in `root` (not in a closure of its own), in source order. */
function closuresOf(root: Node): Node[] {
  const found: Node[] = [];
  const visit = (node: Node) => {
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === "func_literal") found.push(child);
      else if (!FUNCTIONS.has(child.type)) visit(child);
    }
  };
  visit(root.type === "func_literal" ? (root.childForFieldName("body") ?? root) : root);
  return found;
}
