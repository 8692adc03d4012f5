/** Text with `code` spans, as lesson front matter writes hints: rendered as text and <code>, never as HTML. */
export function InlineCode({ text }: { readonly text: string }) {
  const parts = text.split("`");
  // An odd number of backticks leaves the last one unmatched: it stays a plain backtick.
  if (parts.length % 2 === 0) {
    const unmatched = parts.pop() ?? "";
    parts[parts.length - 1] += `\`${unmatched}`;
  }
  // Parts between backticks (the odd ones) are code. The parts of one fixed string never reorder, so their
  // index is a stable key.
  // biome-ignore lint/suspicious/noArrayIndexKey: see above
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
