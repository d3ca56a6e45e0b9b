// Byte strings: JSON read and written as latin1, one char per UTF-8 byte, so the search hot path never decodes or
// re-encodes UTF-8 (V8 keeps such strings one-byte: parsing, copying and stringifying them is about twice as cheap).

/**
 * The UTF-8 bytes of `text` as a byte string (one char per byte). Byte strings and ordinary strings must never be
 * mixed in one value: convert ordinary text with this before putting it next to parsed byte-string JSON.
 */
export function toByteString(text: string): string {
  const bytes = Buffer.from(text, "utf8");
  return bytes.toString("latin1");
}

/** The text a byte string encodes. */
export function fromByteString(bytes: string): string {
  return Buffer.from(bytes, "latin1").toString("utf8");
}

/**
 * Parses UTF-8 JSON into values whose strings are byte strings. Structure, numbers and ASCII escapes parse as
 * usual, and every byte of a multi-byte character stays inside its string. A `\uXXXX` escape above `\u00ff`
 * would decode to a char that is not a byte: such (rare) input takes an exact, slower path.
 */
export function parseJsonBytes(body: Buffer): unknown {
  if (hasWideEscape(body)) return JSON.parse(toByteString(JSON.stringify(JSON.parse(body.toString("utf8")))));
  return JSON.parse(body.toString("latin1"));
}

/** Serialises a value built from byte strings (and ASCII) to its UTF-8 JSON. */
export function jsonBytes(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), "latin1");
}

const BACKSLASH_U = Buffer.from("\\u");
const ZERO = 0x30;

/** True when `body` has a `\u` not followed by `00` (conservative: an escaped backslash before `u` counts too). */
function hasWideEscape(body: Buffer): boolean {
  for (let at = body.indexOf(BACKSLASH_U); at !== -1; at = body.indexOf(BACKSLASH_U, at + 2)) {
    if (body[at + 2] !== ZERO || body[at + 3] !== ZERO) return true;
  }
  return false;
}

/** `value` (JSON-safe) with every string turned into a byte string, to sit inside byte-string JSON. */
export function toByteJson<T>(value: T): T {
  return JSON.parse(toByteString(JSON.stringify(value))) as T;
}
