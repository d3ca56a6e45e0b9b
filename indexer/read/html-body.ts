// The article body of an HTML page: Readability (on linkedom) picks the content block, cheerio splits it into paragraphs.
import { load, type CheerioAPI } from "cheerio/slim";
import { hasChildren, type AnyNode } from "domhandler";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { blockTexts } from "./html-blocks.js";

/**
 * Readability slows down quadratically on absurdly nested markup (10,000 nested divs: ~15 s); real
 * article pages stay far below this depth, so deeper pages go straight to the fallback.
 */
export const MAX_READABILITY_DEPTH = 400;

/** Whether the tree under `root` nests deeper than `limit` elements (iterative: no recursion limit). */
export function nestsDeeperThan(root: AnyNode, limit: number): boolean {
  const stack: [AnyNode, number][] = [[root, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item;
    if (depth > limit) return true;
    if (hasChildren(node)) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return false;
}

/** Readability's view of the page: its content HTML and the metadata it found. */
export interface ReadabilityResult {
  content: string;
  title?: string;
  byline?: string;
  siteName?: string;
  publishedTime?: string;
}

/** The standard markup of embedded social posts: what a quoted person posted is article text. */
const EMBEDDED_POST = "blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed";

/** Whether `post` is the wrapper's only child element apart from scripts and styles. */
function onlyHolds(wrapper: Element, post: Element): boolean {
  return Array.from(wrapper.children).every((c) => c === post || /^(SCRIPT|STYLE|NOSCRIPT)$/i.test(c.tagName));
}

/**
 * Lifts embedded posts out of their wrappers ("social-embed", "embed-container"...), whose class
 * words make Readability and our own filter drop them as share widgets.
 */
function liftEmbeddedPosts(document: Document): void {
  for (const post of Array.from(document.querySelectorAll(EMBEDDED_POST))) {
    let wrapper = post.parentElement;
    while (wrapper && onlyHolds(wrapper, post) && /embed|social|tweet|twitter|instagram/i.test(`${wrapper.className} ${wrapper.id}`)) {
      wrapper.replaceWith(post);
      wrapper = post.parentElement;
    }
    post.setAttribute("class", "embedded-post");
  }
}

/** Runs Readability on a fresh linkedom document; null when it finds no article or fails on odd markup. */
export function runReadability(html: string): ReadabilityResult | null {
  try {
    const { document } = parseHTML(html);
    liftEmbeddedPosts(document);
    const parsed = new Readability(document, { keepClasses: true, charThreshold: 500 }).parse();
    if (!parsed?.content) return null;
    const result: ReadabilityResult = { content: parsed.content };
    if (parsed.title) result.title = parsed.title;
    if (parsed.byline) result.byline = parsed.byline;
    if (parsed.siteName) result.siteName = parsed.siteName;
    if (parsed.publishedTime) result.publishedTime = parsed.publishedTime;
    return result;
  } catch {
    return null;
  }
}

/** Paragraph texts of Readability's content HTML. */
export function readabilityParagraphs(content: string): string[] {
  const $ = load(content);
  return blockTexts($.root()[0] as AnyNode);
}

/** Text length inside the <p> children of an element: the usual measure of "where the story is". */
function paragraphText($: CheerioAPI, el: AnyNode): number {
  let n = 0;
  $(el)
    .find("p")
    .each((_, p) => {
      n += $(p).text().trim().length;
    });
  return n;
}

/**
 * Without Readability: the `<article>` or `<main>` with most paragraph text, else the element whose
 * direct `<p>` children hold most text. Used when Readability finds nothing. Removes page furniture
 * from `$` as it goes, so read metadata first.
 */
export function fallbackParagraphs($: CheerioAPI): string[] {
  $("script, style, noscript, template, nav, aside, footer, form, header").remove();
  let best: AnyNode | undefined;
  let bestScore = 0;
  $("article, main, [role=main]").each((_, el) => {
    const score = paragraphText($, el);
    if (score > bestScore) [best, bestScore] = [el, score];
  });
  if (!best) {
    const parents = new Map<AnyNode, number>();
    $("p").each((_, p) => {
      const parent = p.parent;
      if (parent) parents.set(parent, (parents.get(parent) ?? 0) + $(p).text().trim().length);
    });
    for (const [el, score] of parents) if (score > bestScore) [best, bestScore] = [el, score];
  }
  return blockTexts(best ?? ($("body")[0] as AnyNode | undefined) ?? ($.root()[0] as AnyNode));
}
