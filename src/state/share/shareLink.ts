/**
 * Code in a link: one file's text, compressed (deflate) and base64url-encoded in the URL fragment, which
 * browsers never send to a server. `#share=1.<payload>`; the payload is `{ file, text }` as JSON.
 */

export const SHARE_PREFIX = "#share=1.";
/** Larger shared code is refused: a link is for an attempt at a lesson, not for a file of any size. */
export const MAX_SHARED_CHARS = 200_000;

export interface SharedCode {
  readonly file: string;
  readonly text: string;
}

export type ReadShare =
  | { readonly kind: "none" }
  | { readonly kind: "ok"; readonly shared: SharedCode }
  | { readonly kind: "bad"; readonly message: string };

async function compress(bytes: Uint8Array): Promise<Uint8Array> {
  const piped = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

/** Inflates at most `limit` bytes: a crafted link (a "zip bomb") is cut off, not inflated to gigabytes. */
async function inflate(bytes: Uint8Array, limit: number): Promise<Uint8Array | undefined> {
  const reader = new Blob([new Uint8Array(bytes)])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw"))
    .getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The fragment that carries `shared`. */
export async function encodeShare(shared: SharedCode): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify({ file: shared.file, text: shared.text }));
  return `${SHARE_PREFIX}${toBase64Url(await compress(json))}`;
}

/** Reads a URL fragment; anything that is not a well-formed share of reasonable size is refused, with why. */
export async function decodeShare(hash: string): Promise<ReadShare> {
  if (!hash.startsWith(SHARE_PREFIX)) return { kind: "none" };
  const bad = {
    kind: "bad",
    message: "This link's shared code is damaged (cut short when it was copied?), so it is not shown.",
  } as const;
  const tooLarge = { kind: "bad", message: "This link's shared code is too large to open." } as const;
  try {
    const compressed = fromBase64Url(hash.slice(SHARE_PREFIX.length));
    // UTF-8 takes at most 4 bytes a character, and the JSON around the text little more.
    const bytes = await inflate(compressed, MAX_SHARED_CHARS * 4 + 1024);
    if (!bytes) return tooLarge;
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof value !== "object" || value === null) return bad;
    const { file, text } = value as Record<string, unknown>;
    if (typeof file !== "string" || typeof text !== "string") return bad;
    if (text.length > MAX_SHARED_CHARS) return tooLarge;
    return { kind: "ok", shared: { file, text } };
  } catch {
    return bad;
  }
}
