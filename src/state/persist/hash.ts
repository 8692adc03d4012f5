/**
 * A short, stable fingerprint of a text (FNV-1a, 32 bits, as hex): which starter a learner's saved code was
 * written against. Not a security measure; a changed lesson only has to look different from the old one.
 */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}
