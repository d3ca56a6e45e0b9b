// Safe highlights: Meilisearch marks matches with sentinel characters; we HTML-escape everything, then turn the
// sentinels into <mark> tags, so stored text can never inject markup.

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

/** Escapes a highlighted string and swaps the sentinels for balanced `<mark>`…`</mark>` tags. */
export function toSafeHtml(highlighted: string): string {
  let open = false;
  let out = "";
  for (const part of highlighted.split(/([\uE000\uE001])/)) {
    if (part === PRE_TAG && !open) {
      out += "<mark>";
      open = true;
    } else if (part === POST_TAG && open) {
      out += "</mark>";
      open = false;
    } else if (part !== PRE_TAG && part !== POST_TAG) {
      out += escapeHtml(part);
    }
  }
  return open ? `${out}</mark>` : out;
}
