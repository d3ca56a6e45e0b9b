// Small pure helpers for showing hits: the one place API HTML is let into the page, dates, and article links.

/**
 * The API's `_formatted` strings are already HTML-escaped with `<mark>` around matches. As a second guard,
 * any `<` that does not open or close a `mark` is escaped again, so nothing else can become a tag.
 */
export function markedHtml(html: string | undefined, fallback: string): { __html: string } {
  if (html === undefined) return { __html: escapeHtml(fallback) };
  return { __html: html.replace(/<(?!\/?mark>)/g, "&lt;") };
}

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escape text for HTML. Used only for the fallback when a hit has no `_formatted` field. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });

/** A readable date for an ISO timestamp, or `""` when missing or unparsable. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return "";
  const t = Date.parse(iso);
  return Number.isNaN(t) ? "" : dateFormat.format(t);
}

/** Link to the article view with the hit's paragraph (and, for a quote, the quote itself) highlighted. */
export function articleHref(hit: { id: string; articleId: string; type: string; position: number; paragraph?: number }): string {
  const paragraph = hit.type === "quote" ? (hit.paragraph ?? 0) : hit.position;
  const p = new URLSearchParams({ p: String(paragraph) });
  if (hit.type === "quote") p.set("quote", hit.id);
  return `/article/${encodeURIComponent(hit.articleId)}?${p.toString()}#p-${paragraph}`;
}

/** "1 result" / "12 results". */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}
