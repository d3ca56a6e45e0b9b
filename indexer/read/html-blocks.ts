// Turns an HTML fragment (cheerio) into paragraph texts: one per block element, <br> lines split, junk dropped.
import { hasChildren, isCDATA, isDocument, isTag, isText, type AnyNode, type Element } from "domhandler";

/** Elements whose text starts a new paragraph. */
const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption",
  "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
  "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "center", "caption", "summary",
]);

/** Elements that never hold article text. */
const DROP = new Set([
  "script", "style", "noscript", "template", "svg", "iframe", "button", "form", "nav", "aside", "footer", "select",
  "input", "textarea", "label", "figcaption", "object", "embed", "video", "audio", "canvas", "map", "menu", "dialog",
]);

/**
 * Class or id words of containers that are site furniture rather than article text, in any site's
 * markup: share bars, newsletter boxes, related links, captions and credits, bylines, tags, comments, ads.
 */
const JUNK_ATTR =
  /(^|[\s_-])(share|sharing|social|newsletter|subscribe|subscription|signup|sign-up|related|recommend\w*|promo|promotion|caption|credit|byline|author-?(bio|info|box)|tags?|tag-?list|comments?|advert\w*|ads?|ad-?slot|sponsor\w*|breadcrumbs?|pagination|toolbar|popup|modal|cookie|paywall|more-?stories|read-?more|also-?read|see-?also|outbrain|taboola|disqus|hidden|visually-?hidden|sr-only|print-?only|timestamp|dateline|meta-?data)($|[\s_-])/i;

/** Text length of an element, for the share-of-content guard below. */
function textLength(node: AnyNode): number {
  if (isText(node)) return node.data.trim().length;
  if (!hasChildren(node) || isCDATA(node)) return 0;
  let n = 0;
  for (const child of node.children) n += textLength(child);
  return n;
}

/**
 * Whether an element is junk by its tag, its role/aria or its class/id words. A class match alone
 * never drops an element holding a large share (`maxShare`) of the content's text: content
 * wrappers carry words like "tag-…" or "has-caption" too.
 */
export function isJunkElement(el: Element, contentLength = Infinity, maxShare = 0.25): boolean {
  if (DROP.has(el.name)) return true;
  const a = el.attribs;
  if (a.hidden !== undefined || a["aria-hidden"] === "true") return true;
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style ?? "")) return true;
  if (/^(navigation|complementary|contentinfo|banner|search|dialog|menu|button)$/i.test(a.role ?? "")) return true;
  if (!JUNK_ATTR.test(`${a.class ?? ""} ${a.id ?? ""}`)) return false;
  return contentLength === Infinity || textLength(el) < contentLength * maxShare;
}

/** A block that is mostly link text and not a sentence is a list of links: related stories, tags, menus. */
function isLinkList(text: string, linkChars: number): boolean {
  const chars = text.replace(/\s+/g, "").length;
  return chars > 0 && linkChars / chars >= 0.8 && !/[.!?:;"”»)]$/.test(text.trim());
}

/**
 * Collects paragraph texts under `root` in document order; inline runs between blocks become
 * paragraphs too, and `<br>` splits lines. Junk elements below the root and link-list blocks are
 * skipped when `dropJunk`.
 */
export function blockTexts(root: AnyNode, dropJunk = true): string[] {
  const out: string[] = [];
  const total = textLength(root);
  let line = "";
  let linkChars = 0;
  let inLink = 0;
  const flush = (): void => {
    if (!(dropJunk && isLinkList(line, linkChars))) {
      for (const part of line.split("\n")) {
        const t = part.replace(/\s+/g, " ").trim();
        if (t !== "") out.push(t);
      }
    }
    line = "";
    linkChars = 0;
  };
  const visit = (node: AnyNode): void => {
    if (isText(node)) {
      line += node.data;
      if (inLink > 0) linkChars += node.data.replace(/\s+/g, "").length;
      return;
    }
    if (!isTag(node)) {
      if (isDocument(node)) for (const child of node.children) visit(child);
      return;
    }
    const el = node;
    if (dropJunk && node !== root && isJunkElement(el, total)) return;
    if (el.name === "script" || el.name === "style") return;
    if (el.name === "br") {
      line += "\n";
      return;
    }
    const block = BLOCK.has(el.name);
    if (block) flush();
    if (el.name === "a") inLink++;
    for (const child of el.children) visit(child);
    if (el.name === "a") inLink--;
    if (block) flush();
  };
  visit(root);
  flush();
  return out;
}
