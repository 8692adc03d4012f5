/**
 * Variables whose address the program takes (`&target` for errors.As, `&count`), which the translator keeps
 * in a box, `{ v: value }`: the pointer is the box, so what is done through it is done to the variable, and
 * two pointers to one variable are equal. A struct or a sync value needs no box, being one object already.
 *
 * The file is scanned once for the names it takes the address of; a variable of such a name is boxed. Going
 * by name may box a variable whose address is never taken (one of the same name elsewhere): that costs a
 * property read, never a different result.
 */
import type { Node } from "web-tree-sitter";
import { type GoType, structOf } from "./types.ts";

const SYNC_TYPES = new Set(["sync.WaitGroup", "sync.Mutex", "sync.RWMutex", "sync.Once"]);

/** Whether a pointer to a variable of this type is the variable's own object (a struct, a sync value). */
export function isSharedObject(type: GoType): boolean {
  if (type.kind === "pointer") return false;
  return structOf(type) !== undefined || (type.kind === "named" && SYNC_TYPES.has(type.name));
}

export class AddressTaken {
  private names: ReadonlySet<string> | undefined;

  constructor(private readonly root: Node) {}

  /** Whether a variable named `name` of this type needs a box. */
  needsBox(name: string, type: GoType): boolean {
    if (isSharedObject(type)) return false;
    this.names ??= new Set(
      this.root
        .descendantsOfType("unary_expression")
        .filter((e): e is Node => e?.childForFieldName("operator")?.text === "&")
        .map((e) => e.childForFieldName("operand"))
        .filter((operand): operand is Node => operand?.type === "identifier")
        .map((operand) => operand.text),
    );
    return this.names.has(name);
  }

  /**
   * Whether `&name` is written in `scope` (a function, with its closures): what a variable Leak Lab cannot box
   * is refused for, rather than for a namesake's address taken elsewhere in the file.
   */
  takenIn(scope: Node, name: string): boolean {
    return scope
      .descendantsOfType("unary_expression")
      .some(
        (e) =>
          e?.childForFieldName("operator")?.text === "&" && e.childForFieldName("operand")?.text === name,
      );
  }
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
