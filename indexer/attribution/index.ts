// Speaker attribution: rule sieves over the narration around each quote, most precise first; null when unsure.
import { analyzeTexts, type TextsAnalysis } from "../names.js";
import type { QuoteSpan } from "../quotes.js";
import { blankAsides, type Context, MASK, maskParagraphs, type ParaView, sentenceAround, type Verdict } from "./context.js";
import { continuedSpeaker } from "./continued.js";
import { accordingToSieve, introSieve, leadingSieve } from "./leading.js";
import { followedByVerb } from "./mentions.js";
import { sentenceEndSieve, trailingSieve } from "./trailing.js";

/** Runs the sentence-level sieves for a quote, around its opening and around its closing mark. */
function sentenceSieves(ctx: Context, s: QuoteSpan): Verdict {
  const endView = ctx.paras[s.endParagraph]!;
  if (s.closeMark >= 0) {
    const [, eEnd] = sentenceAround(endView.masked, s.closeMark);
    const nextQuote = endView.masked.indexOf(MASK, s.closeMark + 1);
    const to = nextQuote >= 0 ? Math.min(nextQuote, eEnd) : eEnd;
    // a quote that ended its sentence takes a short `Rubio said.` after it, not the lead-in of the next quote
    // a question or exclamation inside the marks does not end the narration's sentence: `"Why?" Trump asked.`
    const closedSentence = endView.masked.charAt(s.closeMark - 1) === ".";
    const between = nextQuote >= 0 ? endView.masked.slice(s.closeMark + 1, nextQuote) : "";
    if (/[.!?]/u.test(endView.masked.charAt(s.closeMark - 1)) && nextQuote >= 0 && nextQuote < eEnd && /^\s*\p{Lu}/u.test(between) && /[,:]\s*$/u.test(between)) {
      return accordingOrLeading(ctx, s);
    }
    const t = trailingSieve(ctx, s.endParagraph, s.closeMark + 1, to, closedSentence, nextQuote >= 0 && nextQuote < eEnd);
    // `Feinstein said "…," she said.`: the name earlier in the sentence beats resolving the pronoun
    if (t?.pronoun) {
      const [sStart] = sentenceAround(ctx.paras[s.paragraph]!.masked, s.openMark);
      const lead = leadingSieve(ctx, s.paragraph, sStart, s.openMark);
      if (lead?.speaker) return lead;
    }
    if (t) return t;
  }
  return accordingOrLeading(ctx, s);
}

/** Sieves 2 to 4 for a quote: `according to`, a speech verb before it in its sentence, a lead-in paragraph. */
function accordingOrLeading(ctx: Context, s: QuoteSpan): Verdict {
  const startView = ctx.paras[s.paragraph]!;
  const [sStart, sEnd] = sentenceAround(startView.masked, s.openMark);
  return (
    accordingToSieve(ctx, s.paragraph, sStart, sEnd) ??
    leadingSieve(ctx, s.paragraph, sStart, s.openMark) ??
    introSieve(ctx, s) ??
    sentenceEndSieve(ctx, s)
  );
}

/** Whether the quote closing at `close` leaves its sentence open up to `open` (no `.`, `?` or `!` between). */
function sameSentence(text: string, close: number, open: number): boolean {
  if (/[.!?]/u.test(text.charAt(close - 1))) return false;
  const [, end] = sentenceAround(text, close + 1);
  return open < end;
}

/** The narration of an article (quotes masked) and its name analysis, kept for the entity tagger of the same article. */
export interface Narration {
  masked: string[];
  analysis: TextsAnalysis;
}

const narrationCache = new WeakMap<string[], Narration>();

/** The narration analysis made while attributing these very paragraphs (same array), if any. */
export function cachedNarration(paragraphs: string[]): Narration | undefined {
  return narrationCache.get(paragraphs);
}

/**
 * Attributes each quote span to a speaker: the canonical full name introduced in the article, or null.
 * Sieves, most precise first: words right after the close, `according to`, a speech verb earlier in the
 * sentence; then the other quotes of the same paragraph, and a quote-only paragraph continuing the previous one.
 */
export function attributeQuotes(paragraphs: string[], spans: QuoteSpan[]): Array<string | null> {
  const masked = maskParagraphs(paragraphs, spans).map(blankAsides);
  const analysis = analyzeTexts(masked);
  narrationCache.set(paragraphs, { masked, analysis });
  const paras: ParaView[] = masked.map((m, i) => ({ masked: m, mentions: analysis.mentions[i] ?? [] }));
  const ctx: Context = { paras, registry: analysis.registry, timeline: [] };
  // he/she refer back to subjects: people named right before a verb, not the objects of one
  paras.forEach((v, p) => {
    for (const m of v.mentions) {
      // a surname that is also a word (`Cross`) counts when it maps back to a full name of the article
      const full = ctx.registry.resolve(m.name);
      if ((m.kind !== "person" && !(m.kind === "unknown" && full)) || m.possessive || !followedByVerb(v.masked, m.end, v.masked.length)) continue;
      ctx.timeline.push([p, m.start, full ?? m.name]);
    }
  });
  const verdicts = spans.map((s) => sentenceSieves(ctx, s));
  // `"a" and "b," Dean said`: partial quotes joined by a conjunction share the attribution of the last one
  for (let i = verdicts.length - 2; i >= 0; i--) {
    const [a, b] = [spans[i]!, spans[i + 1]!];
    if (verdicts[i] || !verdicts[i + 1] || a.endParagraph !== b.paragraph || a.closeMark < 0) continue;
    if (/^[\s\u00A0,]*(?:and|or)?[\s\u00A0]*$/u.test(paras[a.endParagraph]!.masked.slice(a.closeMark + 1, b.openMark))) verdicts[i] = verdicts[i + 1]!;
    // `"a" by the allies, Dean said, "b."` and `it will carry "a" and bring "b," Dean said.`: one sentence, one speaker
    else if (verdicts[i + 1]!.speaker && sameSentence(paras[a.endParagraph]!.masked, a.closeMark, b.openMark)) verdicts[i] = verdicts[i + 1]!;
  }
  // in reading order, so that a run of quote-only paragraphs carries the speaker all the way
  return spans.map((_, i) => {
    const v = verdicts[i];
    if (v) return oneSpeaker(v.speaker);
    const carried = continuedSpeaker(ctx, spans, verdicts, i);
    if (carried) verdicts[i] = { speaker: carried };
    return oneSpeaker(carried);
  });
}

/** Party and group names (`Republicans`, `Democrat`) name a crowd, not one speaker: null then. */
function oneSpeaker(name: string | null): string | null {
  return name !== null && GROUP_NAMES.test(name) ? null : name;
}
const GROUP_NAMES = /^(?:Republicans?|Democrats?|Democratic|GOP|Independents?|Tor(?:y|ies)|Conservatives?|Liberals?|Labour|Greens?|Socialists?)$/u;
