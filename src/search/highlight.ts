// Safe highlights: Meilisearch marks matches with sentinel characters; we HTML-escape everything, then turn the
// sentinels into <mark> tags, so stored text can never inject markup. Works on ordinary and on byte strings.
import { toByteString } from "./bytes.js";

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
 * Makes a function that escapes a highlighted string in one pass and swaps the sentinels `pre` / `post` for
 * balanced `<mark>`…`</mark>` tags (a stray opening or closing sentinel is dropped, an open mark is closed).
 * Escaping only touches ASCII, so it is also right on byte strings, given the sentinels as byte strings.
 */
function safeHtmlWith(pre: string, post: string): (highlighted: string) => string {
  const special = new RegExp(`[&<>"']|${pre}|${post}`, "g");
  return (highlighted) => {
    let open = false;
    const out = highlighted.replace(special, (s) => {
      if (s !== pre && s !== post) return ESCAPES[s] ?? s;
      if (open === (s === pre)) return "";
      open = !open;
      return open ? "<mark>" : "</mark>";
    });
    return open ? `${out}</mark>` : out;
  };
}

/** Escapes a highlighted string and swaps the sentinels for balanced `<mark>`…`</mark>` tags. */
export const toSafeHtml = safeHtmlWith(PRE_TAG, POST_TAG);

/** `toSafeHtml` for byte strings (see `bytes.ts`): the sentinels are matched as their UTF-8 bytes. */
export const toSafeHtmlBytes = safeHtmlWith(toByteString(PRE_TAG), toByteString(POST_TAG));
