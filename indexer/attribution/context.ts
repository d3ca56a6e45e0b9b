// The per-article view the sieves share: narration with quotes masked, sentences, and name resolution.
import { genderOf, type NameMention, type PeopleRegistry } from "../names.js";
import type { QuoteSpan } from "../quotes.js";

export const MASK = "\uE000";

/** Whether the character at `i` is a quotation mark (the close of a masked quote). */
const ALL_CLOSE_AT = (text: string, i: number): boolean => /["\u201C\u201D\u201E\u00AB\u00BB\u2039\u203A]/u.test(text.charAt(i));

/** The attribution of one quote: a resolved name, a deliberate "don't know", or no evidence (try the next sieve). */
export type Verdict = { speaker: string | null; pronoun?: boolean } | null;

/** Per-paragraph view: narration with every quote masked, and the name mentions in it. */
export interface ParaView {
  masked: string;
  mentions: NameMention[];
}

/** Replaces each quote (marks included) by mask characters, keeping the punctuation just inside the close. */
export function maskParagraphs(paragraphs: string[], spans: QuoteSpan[]): string[] {
  const cuts = paragraphs.map((): Array<[number, number]> => []);
  for (const s of spans) {
    for (let p = s.paragraph; p <= s.endParagraph; p++) {
      const len = paragraphs[p]?.length ?? 0;
      const from = p === s.paragraph ? s.openMark : 0;
      const to = p === s.endParagraph && s.closeMark >= 0 ? s.closeMark + 1 : len;
      cuts[p]?.push([from, to]);
    }
  }
  return paragraphs.map((text, p) => {
    const list = cuts[p] ?? [];
    if (list.length === 0) return text;
    let out = "";
    let at = 0;
    for (const [from, to] of list) {
      out += text.slice(at, from);
      // keep the punctuation just inside the closing mark: it tells whether the quote ended its sentence
      const kept = to - 2 >= from && to <= text.length && /[,.!?;:\u2014-]/u.test(text.charAt(to - 2)) && to !== text.length + 1 ? text.charAt(to - 2) : "";
      const closed = to <= text.length && ALL_CLOSE_AT(text, to - 1);
      out += kept && closed ? MASK.repeat(to - from - 2) + kept + MASK : MASK.repeat(to - from);
      at = to;
    }
    return out + text.slice(at);
  });
}

const ABBREV_BEFORE_DOT = /(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|St|Jr|Sr|Prof|Rev|Capt|Adm|Maj|Hon|No|Inc|Corp|Co|Ltd|vs|etc|U\.S|U\.K|D\.C|a\.m|p\.m)|\b\p{Lu})$/u;

/** Blanks short parentheticals (`(D-N.Y.)`, `(R)`, `(pictured)`) so they do not part a name from its verb. */
export function blankAsides(text: string): string {
  return text.replace(/\s*\([^()\uE000]{1,30}\)/gu, (m) => " ".repeat(m.length));
}

/** Start and end of the sentence containing `pos` in a masked paragraph (quotes are masked, so never split). */
export function sentenceAround(text: string, pos: number): [number, number] {
  let start = 0;
  const re = /[.!?]+[\uE000"'\u201D\u2019)]*[\s\u00A0]+(?=[\p{Lu}"'\u201C\u2018\uE000(])/gu;
  let end = text.length;
  for (const m of text.matchAll(re)) {
    if (ABBREV_BEFORE_DOT.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
    const after = m.index + m[0].length;
    if (after <= pos) start = after;
    else if (m.index >= pos) {
      end = m.index + 1;
      break;
    }
  }
  return [start, end];
}

/** Everything an attribution decision needs about one article. */
export interface Context {
  paras: ParaView[];
  registry: PeopleRegistry;
  /** Speakers and subjects in reading order, for he/she and surnames: [paragraph, offset, name]. */
  timeline: Array<[number, number, string]>;
}

/** The canonical name for a mention: the full name introduced in the article when there is one. */
export function resolveMention(ctx: Context, m: NameMention, para: number, offset: number): string | null {
  const recent = (): string[] => ctx.timeline.filter(([p, o]) => p < para || (p === para && o <= offset)).map(([, , n]) => n);
  const full = m.kind === "person" || m.kind === "unknown" ? ctx.registry.resolve(m.name, recent) : null;
  return full ?? m.name;
}

/** The person a he/she refers to: the most recent fitting subject before the quote, else null. */
export function resolvePronoun(ctx: Context, pronoun: string, para: number, offset: number): string | null {
  const p = pronoun.toLowerCase();
  if (p !== "he" && p !== "she") return null;
  const want = p === "he" ? "male" : "female";
  const before = ctx.timeline.filter(([tp, to]) => tp < para || (tp === para && to < offset));
  for (let i = before.length - 1; i >= 0; i--) {
    const [tp, , name] = before[i]!;
    if (para - tp > 3) break;
    const g = genderOf(name);
    if (g === want || (g === null && name.includes(" "))) return name;
    if (g !== null) continue;
  }
  return null;
}

/** Whether a paragraph's narration is empty: it holds nothing but quotation. */
export function onlyQuote(view: ParaView): boolean {
  return !/\p{L}/u.test(view.masked.replace(/\uE000/gu, ""));
}
