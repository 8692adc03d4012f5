/**
 * Names in a Go program as the translator sees them: what each one is (a variable, a constant, a function, a
 * type, an imported package, a built-in), its type, the JavaScript name it has in the output, and for a local
 * variable whether it was ever read (Go refuses a variable "declared and not used").
 */
import type { Node } from "web-tree-sitter";
import { errorAt } from "./compileError.ts";
import type { GoType } from "./types.ts";

export type Binding =
  | {
      readonly kind: "var";
      readonly type: GoType;
      readonly js: string;
      /** Locals only: where it was declared, for "declared and not used". */
      readonly declared?: { readonly line: number; readonly column: number; readonly name: string };
      /** A variable whose address is taken (addressTaken.ts): the box `js` reads through, which `&x` is. */
      readonly box?: string;
      used: boolean;
    }
  | {
      readonly kind: "const";
      readonly type: GoType;
      readonly js: string;
      readonly value: number | string | boolean;
    }
  | { readonly kind: "func"; readonly type: GoType; readonly js: string }
  | { readonly kind: "type"; readonly type: GoType }
  | PackageBinding
  | { readonly kind: "builtin"; readonly name: string };

/** An imported package: one Leak Lab provides (fmt, time…), or one of the program's own, with its names. */
export interface PackageBinding {
  readonly kind: "package";
  readonly path: string;
  /** A package of the program's: its package-level names, which selectors look up. */
  readonly members?: Scope;
  readonly pkgName?: string;
  used: boolean;
  readonly line: number;
  readonly column: number;
}

/** `pkg.Name` of a package of the program's: what Name is there, if the package exports it. */
export function importedMember(node: Node, pkg: PackageBinding, name: string): Binding {
  const binding = pkg.members?.own(name);
  const exported = /^\p{Lu}/u.test(name);
  if (
    !binding ||
    (binding.kind !== "var" && binding.kind !== "const" && binding.kind !== "func" && binding.kind !== "type")
  )
    throw errorAt(node, `undefined: ${pkg.pkgName}.${name}`);
  if (!exported) throw errorAt(node, `name ${name} not exported by package ${pkg.pkgName}`);
  return binding;
}

/** JavaScript's reserved words and the names translated code relies on: a Go name that is one gets a suffix. */
const TAKEN = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "yield let static implements interface package private protected public await arguments eval undefined NaN " +
    "Infinity Object Array Math String Number Boolean Map Promise Error globalThis __proto__ constructor prototype"
  ).split(" "),
);

export class Scope {
  private readonly names = new Map<string, Binding>();

  constructor(readonly parent: Scope | undefined) {}

  /** Declared in this scope itself, not an enclosing one. */
  own(name: string): Binding | undefined {
    return this.names.get(name);
  }

  lookup(name: string): Binding | undefined {
    return this.names.get(name) ?? this.parent?.lookup(name);
  }

  /** Declared in this very scope (Go refuses a second declaration in the same block). */
  has(name: string): boolean {
    return this.names.has(name);
  }

  declare(name: string, binding: Binding): void {
    this.names.set(name, binding);
  }

  /** Every name declared in this scope itself, with what it is, in the order declared. */
  entries(): [string, Binding][] {
    return [...this.names];
  }

  /** The locals of this scope never read, in the order they were declared. */
  unused(): Binding[] {
    return [...this.names.values()].filter((b) => b.kind === "var" && b.declared !== undefined && !b.used);
  }

  /** The imported packages never used. */
  unusedPackages(): Binding[] {
    return [...this.names.values()].filter((b) => b.kind === "package" && !b.used);
  }
}

/** A JavaScript name for a Go one: itself, unless JavaScript or the translator has a use for it already. */
export function jsName(goName: string): string {
  return TAKEN.has(goName) || goName.startsWith("$") ? `${goName}_` : goName;
}
