/**
 * tree-sitter's Go grammar, loaded once per realm. web-tree-sitter and the grammar are WebAssembly; the caller
 * hands over their bytes (read from node_modules in Node, fetched from the build in a worker), so this module
 * touches neither the file system nor the network.
 */
import { Language, Parser } from "web-tree-sitter";

export interface GrammarFiles {
  /** web-tree-sitter's own engine, `web-tree-sitter.wasm`. */
  readonly engine: Uint8Array;
  /** The Go grammar, `tree-sitter-go.wasm`. */
  readonly go: Uint8Array;
}

let loading: Promise<Parser> | undefined;

/** A parser for Go; the WebAssembly is compiled on the first call and shared after. */
export function goParser(files: () => Promise<GrammarFiles>): Promise<Parser> {
  loading ??= (async () => {
    const { engine, go } = await files();
    await Parser.init({ wasmBinary: engine });
    const parser = new Parser();
    parser.setLanguage(await Language.load(go));
    return parser;
  })().catch((error: unknown) => {
    // A failed load (a fetch that failed) is not kept: the next build tries again.
    loading = undefined;
    throw error;
  });
  return loading;
}
