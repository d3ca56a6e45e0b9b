// Sieve 5: a quote the narration leaves unattributed carries on from the quote or paraphrase before it.
import type { QuoteSpan } from "../quotes.js";
import { type Context, MASK, onlyQuote, resolveMention, sentenceAround, type Verdict } from "./context.js";
import { SPEECH_VERBS } from "./lexicon.js";
import { compoundSubject, nameChain, skipAdverbsForward, speechVerbAfter, wordAt } from "./mentions.js";
import { trailingSieve } from "./trailing.js";

/**
 * Sieve 5, a quote the narration does not attribute carries on from the quote before it when nothing but that
 * speaker is named in between: `"…," he said. "…"` and a paragraph of pure quotation after a quoted paragraph.
 */
export function continuedSpeaker(ctx: Context, spans: QuoteSpan[], verdicts: Verdict[], i: number): string | null {
  const s = spans[i]!;
  const lead = previousSentenceSpeaker(ctx, s);
  if (lead) return lead;
  const prevIdx = i - 1;
  const prev = spans[prevIdx];
  const speaker = verdicts[prevIdx]?.speaker;
  if (!prev || !speaker) return null;
  const view = ctx.paras[s.paragraph]!;
  if (prev.endParagraph === s.paragraph) {
    return namesOnly(ctx, s.paragraph, prev.closeMark, s.openMark, speaker) ? speaker : null;
  }
  if (prev.endParagraph === s.paragraph - 1 && onlyQuote(view)) {
    const pv = ctx.paras[prev.endParagraph]!;
    return namesOnly(ctx, prev.endParagraph, prev.closeMark, pv.masked.length, speaker) ? speaker : null;
  }
  return null;
}

/** Whether a speech verb follows a name, directly or after one appositive between commas (`Coan, her lawyer, argues`). */
function speechVerbFollows(text: string, at: number, limit: number): boolean {
  const aside = /^,[^,\uE000]{1,100},/u.exec(text.slice(at, limit));
  const w = wordAt(text, skipAdverbsForward(text, at + (aside ? aside[0].length : 0)));
  return w !== null && SPEECH_VERBS.has(w.word);
}

/**
 * `The talks may stall, Schiff said. "The other factor …"`: a paraphrase attributed at its end, right before
 * the quote in the same paragraph, names the quote's speaker too.
 */
function previousSentenceSpeaker(ctx: Context, s: QuoteSpan): string | null {
  const view = ctx.paras[s.paragraph]!;
  const before = view.masked.slice(0, s.openMark).replace(/[\s\u00A0]+$/u, "");
  if (!before.endsWith(".") || before.endsWith(MASK + ".")) return null;
  const [sStart] = sentenceAround(view.masked, before.length - 1);
  const sentence = before.slice(sStart);
  if (sentence.includes(MASK)) return null;
  // "Greene added that the Fed wants out. "…"": a paraphrase opened by its speaker goes on in the quote
  const opener = view.mentions.find((m) => m.runStart === sStart + (/^[\s\u00A0]*/u.exec(sentence)?.[0].length ?? 0));
  if (opener && !opener.possessive && speechVerbFollows(view.masked, opener.end, before.length) && !compoundSubject(view, opener)) {
    return resolveMention(ctx, opener, s.paragraph, opener.start);
  }
  if (before.includes(MASK)) return null;
  // "Iowa State's Dianne Bystrom agreed. "…"": a short sentence of a name and a speech verb
  if (sentence.split(/\s+/u).length <= 10) {
    const first = view.mentions.find((m) => m.runStart >= sStart && m.end < before.length);
    const head = first ? nameChain(view, first) : null;
    if (head && !head.possessive && speechVerbAfter(view.masked, head.end, before.length)) return resolveMention(ctx, head, s.paragraph, head.start);
  }
  const comma = sentence.lastIndexOf(",");
  if (comma < 0 || sentence.slice(comma).split(/\s+/u).length > 8) return null;
  const v = trailingSieve(ctx, s.paragraph, sStart + comma, before.length, false, false);
  return v && !v.pronoun ? v.speaker : null;
}

/** Whether every person named between two offsets of a paragraph is `speaker` (or nobody is). */
function namesOnly(ctx: Context, para: number, closeMark: number, to: number, speaker: string): boolean {
  const view = ctx.paras[para]!;
  // the attribution sentence itself may name others ("Maddow said of a list that included …")
  const [, attributionEnd] = sentenceAround(view.masked, closeMark);
  const from = Math.min(Math.max(closeMark + 1, attributionEnd), to);
  if (/\b(?:according|reports?|wrote|writes|told)\b/u.test(view.masked.slice(from, to))) return false;
  // places do not speak: `They lie far from Sioux City.` between two quotes leaves the speaker in place
  return view.mentions.every((m) => m.end <= from || m.start >= to || m.kind === "place" || resolveMention(ctx, m, para, m.start) === speaker);
}
