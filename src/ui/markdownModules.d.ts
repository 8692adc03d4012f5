/** Markdown files compiled by the MDX plugin (vite.config.ts): a component rendering the text. */
declare module "*.md" {
  const Document: import("react").ComponentType;
  export default Document;
}
