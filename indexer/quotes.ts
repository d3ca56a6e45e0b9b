// Finds direct quotations in an article's paragraphs and hands each to the attribution sieves.
import type { QuoteFinding } from "./types.js";
import { attributeQuotes } from "./attribution/index.js";

/** Where one quotation sits: from just after its opening mark to just before its closing mark. */
export interface QuoteSpan {
  /** Paragraph index and offset of the first character inside the opening mark. */
  paragraph: number;
  start: number;
  /** Paragraph index and offset just past the last character before the closing mark (or the paragraph end). */
  endParagraph: number;
  end: number;
  /** Offsets of the opening and closing marks themselves (close is -1 when the quote was left open). */
  openMark: number;
  closeMark: number;
  /** The quoted words, without the marks; a quote over several paragraphs is joined with a space. */
  text: string;
}

type MarkRole = "open" | "close" | "either";

/** Opening mark → marks that may close it. Straight quotes close themselves. */
const CLOSERS: Record<string, string> = {
  '"': '"', // " … "
  "\u201C": "\u201D\u201C\"", // “ … ” (and sloppy “ … “ or “ … ")
  "\u201E": "\u201C\u201D", // „ … “ (German) or „ … ” (Polish, Romanian)
  "\u00AB": "\u00BB", // « … »
  "\u00BB": "\u00AB", // » … « (German, Danish)
  "\u2039": "\u203A", // ‹ … ›
  "\u203A": "\u2039",
};

const ALL_MARKS = new Set([...Object.keys(CLOSERS), "\u201D"]);
const MARK_RE = /["\u201C\u201D\u201E\u00AB\u00BB\u2039\u203A]/gu;
/** ” closes quotes (and never opens one): it appears in ALL_MARKS through the closers only. */
const WORDISH = /[\p{L}\p{N}\p{M}]/u;
const OPEN_BEFORE = /[\s([{\u2014\u2013\-/:]/u;

/** Whether a mark at `i` looks like it opens (space before, word after) or closes (word before, space after). */
function markRole(text: string, i: number): MarkRole {
  const prev = i > 0 ? text.charAt(i - 1) : "";
  const next = i + 1 < text.length ? text.charAt(i + 1) : "";
  const openLike = (prev === "" || OPEN_BEFORE.test(prev) || ALL_MARKS.has(prev)) && next !== "" && !/\s/.test(next);
  const closeLike = prev !== "" && !/\s/.test(prev) && (next === "" || !WORDISH.test(next));
  if (openLike && !closeLike) return "open";
  if (closeLike && !openLike) return "close";
  return "either";
}

/** Marks that open in one convention and close in another (» « and › ‹). */
const REVERSIBLE = new Set(["\u00BB", "\u203A"]);
/** Marks that can open a nested quotation. */
const OPENERS = new Set(['"', "\u201C", "\u201E", "\u00AB", "\u2039"]);

/** What a mark does inside an open quote whose innermost opener is `top`: opens a nested quote, closes, or nothing. */
function nestAction(top: string, c: string, role: MarkRole): "push" | "pop" | "skip" {
  if (closes(top, c)) {
    // the same glyph opening again (space before, word after) is a nested quotation, not the close
    if (role === "open" && OPENERS.has(c) && top !== "\u201E") return "push";
    return "pop";
  }
  if (OPENERS.has(c) && role !== "close") return "push";
  return "skip";
}

/** Whether `mark` may close a quote opened by `opener`. */
function closes(opener: string, mark: string): boolean {
  return (CLOSERS[opener] ?? "").includes(mark);
}

/** Whether a paragraph begins (after spaces) with a quotation mark: the news convention for a quote that carries on. */
function opensWithMark(paragraph: string): number {
  const m = /^\s*/.exec(paragraph);
  const i = m ? m[0].length : 0;
  const c = paragraph.charAt(i);
  return c !== "" && ALL_MARKS.has(c) && c !== "\u201D" && c !== "\u00BB" && c !== "\u203A" ? i : -1;
}

interface OpenQuote {
  paragraph: number;
  start: number;
  openMark: number;
  pieces: string[];
}

/** Cleans the words inside the marks: trims, and drops the comma news style puts before the closing mark. */
function cleanQuoteText(pieces: string[]): string {
  return pieces
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .join(" ")
    .replace(/[\s,]+$/u, "")
    .trim();
}

/**
 * Finds every top-level quotation span. Marks nested inside a quote stay in its text; a quote left open at a
 * paragraph's end carries on only when the next paragraph opens with a mark, else it is dropped, so a stray
 * mark never swallows the rest of the article.
 */
export function findQuoteSpans(paragraphs: string[]): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let carry: OpenQuote | null = null;
  paragraphs.forEach((text, p) => {
    const stack: string[] = [];
    let current: OpenQuote | null = null;
    let from = 0;
    // a quote left open carries on only into a paragraph that opens with a mark; otherwise it never closed
    // (a stray mark or a lost closing mark), its words are not reliably a quotation, and it is dropped
    const lead = carry ? opensWithMark(text) : -1;
    if (carry && lead >= 0) {
      current = carry;
      stack.push(text.charAt(lead));
      from = lead + 1;
      current.pieces.push("");
    }
    carry = null;
    let pieceStart = from;
    MARK_RE.lastIndex = from;
    for (let hit = MARK_RE.exec(text); hit; hit = MARK_RE.exec(text)) {
      const i = hit.index;
      const c = hit[0];
      const role = markRole(text, i);
      const top = stack[stack.length - 1];
      if (top === undefined) {
        if (role === "close" || c === "\u201D" || (REVERSIBLE.has(c) && role !== "open")) continue; // stray closer, inch mark
        stack.push(c);
        current = { paragraph: p, start: i + 1, openMark: i, pieces: [""] };
        pieceStart = i + 1;
        continue;
      }
      const action = nestAction(top, c, role);
      if (action === "push") stack.push(c);
      else if (action === "pop") {
        stack.pop();
        if (stack.length === 0 && current) {
          current.pieces[current.pieces.length - 1] = text.slice(pieceStart, i);
          spans.push(finish(current, p, i, i));
          current = null;
        }
      }
    }
    if (current) {
      current.pieces[current.pieces.length - 1] = text.slice(pieceStart);
      carry = current;
    }
  });
  return spans.filter((s) => /\p{L}/u.test(s.text));
}

function finish(q: OpenQuote, endParagraph: number, end: number, closeMark: number): QuoteSpan {
  return {
    paragraph: q.paragraph,
    start: q.start,
    endParagraph,
    end,
    openMark: q.openMark,
    closeMark,
    text: cleanQuoteText(q.pieces),
  };
}

/**
 * Finds the direct quotations in an article and attributes each to a speaker.
 * Pure and synchronous: paragraphs in, one finding per quotation out, in reading order.
 */
export function extractQuotes(paragraphs: string[]): QuoteFinding[] {
  const spans = findQuoteSpans(paragraphs);
  // No quotes, nothing to attribute: skip the name scan (on a 4 MB paragraph it costs seconds and ~250 MB).
  if (spans.length === 0) return [];
  const speakers = attributeQuotes(paragraphs, spans);
  return spans.map((s, i) => ({
    text: s.text,
    paragraph: s.paragraph,
    endParagraph: s.endParagraph,
    speaker: speakers[i] ?? null,
  }));
}
