/** A file Vite copies into the build, imported for its URL (`?url`): the Go grammar's WebAssembly. */
declare module "*.wasm?url" {
  const url: string;
  export default url;
}
