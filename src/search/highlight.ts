// Safe highlights: Meilisearch marks matches with sentinel characters; we HTML-escape everything, then turn the
// sentinels into <mark> tags, so stored text can never inject markup. On strings, and on JSON string bytes.
import type { ByteWriter } from "./byte-writer.js";

/** Private-use characters that never appear in news text; sent as Meilisearch's highlight tags. */
export const PRE_TAG = "\uE000";
export const POST_TAG = "\uE001";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** HTML-escapes `&<>"'`. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * Escapes a highlighted string in one pass and swaps the sentinels for balanced `<mark>`…`</mark>` tags (a stray
 * opening or closing sentinel is dropped, an open mark is closed at the end).
 */
export function toSafeHtml(highlighted: string): string {
  let open = false;
  const out = highlighted.replace(SPECIAL, (s) => {
    if (s !== PRE_TAG && s !== POST_TAG) return ESCAPES[s] ?? s;
    if (open === (s === PRE_TAG)) return "";
    open = !open;
    return open ? "<mark>" : "</mark>";
  });
  return open ? `${out}</mark>` : out;
}

const SPECIAL = new RegExp(`[&<>"']|${PRE_TAG}|${POST_TAG}`, "g");

const BACKSLASH = 0x5c;
const QUOTE = 0x22;
const LETTER_U = 0x75;
/** Each sentinel is EE 80 80 / EE 80 81 in UTF-8. */
const SENTINEL_LEAD = [0xee, 0x80] as const;
const PRE_LAST = 0x80;
const POST_LAST = 0x81;
const isSentinel = (b: Buffer, i: number) =>
  b[i] === SENTINEL_LEAD[0] &&
  b[i + 1] === SENTINEL_LEAD[1] &&
  (b[i + 2] === PRE_LAST || b[i + 2] === POST_LAST);
/** The HTML entity of each byte that needs one (indexed by byte), as bytes. */
const ENTITY_OF: (Buffer | undefined)[] = Array.from({ length: 256 }, (_, c) => {
  const entity = ESCAPES[String.fromCharCode(c)];
  return c < 0x80 && entity ? Buffer.from(entity) : undefined;
});
const NEEDS_CARE = Uint8Array.from({ length: 256 }, (_, c) =>
  ENTITY_OF[c] || c === BACKSLASH || c === SENTINEL_LEAD[0] ? 1 : 0,
);
const MARK = Buffer.from("<mark>");
const UNMARK = Buffer.from("</mark>");
/** The longest replacement per input byte (`'` → `&#39;`: 5 bytes). */
const GROWTH = 5;

/**
 * `toSafeHtml` on the bytes of a JSON string literal (quotes included, `[start, end)` of `json`), written as a
 * JSON string literal to `out`, without decoding it. A literal with a `\u` escape (which could hide a sentinel or
 * a `<`) is decoded and goes through `toSafeHtml` instead.
 */
export function writeSafeHtmlJson(json: Buffer, start: number, end: number, out: ByteWriter): void {
  const buf = out.reserve((end - start) * GROWTH + UNMARK.length);
  let at = out.length;
  const put = (bytes: Buffer) => (at += bytes.copy(buf, at));
  let open = false;
  buf[at++] = QUOTE;
  for (let i = start + 1; i < end - 1; i++) {
    const c = json[i]!;
    if (NEEDS_CARE[c] === 0) {
      buf[at++] = c;
    } else if (c === BACKSLASH) {
      const next = json[i + 1]!;
      if (next === LETTER_U) {
        out.text(JSON.stringify(toSafeHtml(JSON.parse(json.toString("utf8", start, end)) as string)));
        return;
      }
      // An escaped quote is a `"` of the text: HTML-escape it; any other escape stays as it is.
      if (next === QUOTE) {
        put(ENTITY_OF[QUOTE]!);
      } else {
        buf[at++] = c;
        buf[at++] = next;
      }
      i++;
    } else if (isSentinel(json, i)) {
      const pre = json[i + 2] === PRE_LAST;
      if (open !== pre) {
        open = pre;
        put(pre ? MARK : UNMARK);
      }
      i += 2;
    } else {
      const entity = ENTITY_OF[c];
      if (entity) put(entity);
      else buf[at++] = c;
    }
  }
  if (open) put(UNMARK);
  buf[at++] = QUOTE;
  out.advance(at - out.length);
}
