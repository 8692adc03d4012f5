/**
 * Variables whose address the program takes (`&target` for errors.As, `&count`), which the translator keeps
 * in a box, `{ v: value }`: the pointer is the box, so what is done through it is done to the variable, and
 * two pointers to one variable are equal. A struct or a sync value needs no box, being one object already.
 *
 * A function is scanned once for the names it (or a closure in it) takes the address of; a variable of such
 * a name declared in it is boxed. Scanning by name may box a variable whose address is never taken (one that
 * shadows the other): that costs a property read, never a different result.
 */
import type { Node } from "web-tree-sitter";
import { enclosingFunction } from "./funcNames.ts";
import { type GoType, structOf } from "./types.ts";

const SYNC_TYPES = new Set(["sync.WaitGroup", "sync.Mutex", "sync.RWMutex", "sync.Once"]);

/** Whether a pointer to a variable of this type is the variable's own object (a struct, a sync value). */
export function isSharedObject(type: GoType): boolean {
  if (type.kind === "pointer") return false;
  return structOf(type) !== undefined || (type.kind === "named" && SYNC_TYPES.has(type.name));
}

export class AddressTaken {
  private readonly byScope = new Map<number, ReadonlySet<string>>();

  /** Whether a variable named `name` of this type, declared at `nameNode`, needs a box. */
  declaration(nameNode: Node, name: string, type: GoType): boolean {
    return this.inFunction(enclosingFunction(nameNode) ?? root(nameNode), name, type);
  }

  /** Whether a parameter or result named `name` of this type of the function `fn` needs a box. */
  inFunction(fn: Node, name: string, type: GoType): boolean {
    return !isSharedObject(type) && this.namesIn(fn).has(name);
  }

  private namesIn(scope: Node): ReadonlySet<string> {
    let names = this.byScope.get(scope.id);
    if (!names) {
      names = new Set(
        scope
          .descendantsOfType("unary_expression")
          .filter((e): e is Node => e?.childForFieldName("operator")?.text === "&")
          .map((e) => e.childForFieldName("operand"))
          .filter((operand): operand is Node => operand?.type === "identifier")
          .map((operand) => operand.text),
      );
      this.byScope.set(scope.id, names);
    }
    return names;
  }
}

function root(node: Node): Node {
  let at = node;
  while (at.parent) at = at.parent;
  return at;
}

/**
 * Whether a variable is declared by a statement of its own (`x := …`, `var x T` in a block or at package
 * level), after which its box is made. One declared in a `for`, `if`, `switch` or `select` header is not.
 */
export function declaredByStatement(nameNode: Node): boolean {
  let at = nameNode.parent;
  while (at && at.type !== "short_var_declaration" && at.type !== "var_declaration") at = at.parent;
  return at?.parent?.type === "statement_list" || at?.parent?.type === "source_file";
}
