// Sieves on the words before a quote: `according to`, a speech verb earlier in the sentence, a lead-in paragraph.
import type { QuoteSpan } from "../quotes.js";
import { lexTags } from "../names.js";
import { type Context, MASK, onlyQuote, resolveMention, sentenceAround, type Verdict } from "./context.js";
import { INVERTIBLE, isFiniteVerb, PARTICIPLES, SPEECH_VERBS, SUBJECT_PRONOUNS } from "./lexicon.js";
import { compoundSubject, mentionAfterRole, mentionAt, mentionEndingAt, skipAdverbsForward, wordAt } from "./mentions.js";
import { clauseAfter, clauseStart, clauseSubject, subjectBefore } from "./subject.js";

/** Sieve 2, `according to X` anywhere in the quote's sentence. */
export function accordingToSieve(ctx: Context, para: number, sStart: number, sEnd: number): Verdict {
  const view = ctx.paras[para]!;
  const re = /\baccording to\s+/giu;
  re.lastIndex = sStart;
  const m = re.exec(view.masked);
  if (!m || m.index >= sEnd) return null;
  const at = m.index + m[0].length;
  // "according to its analysis": a document of someone named before, not a source; let the other sieves decide
  if (/^(?:its|his|her|their|our|my)\b/u.test(view.masked.slice(at))) return null;
  const men = mentionAt(view, at) ?? mentionAfterRole(view, at, sEnd);
  if (men) return { speaker: resolveMention(ctx, men, para, at) };
  return { speaker: null };
}

/**
 * Whether a speech verb in -s is a plural noun here: `a flurry of tweets`, `a few questions`, `late-night calls`
 * follow a preposition, determiner, adjective or compound, where a verb would follow its subject.
 */
function pluralNoun(textBefore: string, word: string): boolean {
  if (!word.endsWith("s")) return false;
  const prev = /([\p{L}\p{N}-]+)[\s\u00A0]+$/u.exec(textBefore)?.[1];
  if (!prev || /^\p{Lu}/u.test(prev)) return false;
  if (prev.includes("-") || /^\d/u.test(prev)) return true;
  return lexTags(prev).some((t) => t === "Determiner" || t === "Preposition" || t === "Adjective" || t === "Possessive");
}

/** Where the `is`/`was` of a progressive speech verb starts (`is telling`, `is once again questioning`), or -1. */
function progressiveAux(textBefore: string, word: string): number {
  if (!word.endsWith("ing")) return -1;
  const m = /\b(?:is|are|was|were)(?:[\s\u00A0]+(?:also|now|still|again|once[\s\u00A0]+again|already|[a-z]+ly))*[\s\u00A0]+$/u.exec(textBefore);
  return m ? m.index : -1;
}

/** `Said Dora Pike, who grew up there, "…"`: a sentence opened by the verb names the speaker right after it. */
function openedByVerb(ctx: Context, para: number, sStart: number, openMark: number): Verdict {
  const view = ctx.paras[para]!;
  const opened = /^[\s\u00A0]*(?:Said|Says|Added|Asked|Wrote)[\s\u00A0]+/u.exec(view.masked.slice(sStart, openMark));
  if (!opened) return null;
  const men = mentionAt(view, sStart + opened[0].length) ?? mentionAfterRole(view, sStart + opened[0].length, openMark);
  if (!men || men.possessive || !/^[\s\u00A0]*(?:,[^\uE000]{1,150})?[,:][\s\u00A0]*$/u.test(view.masked.slice(men.end, openMark))) return null;
  return { speaker: resolveMention(ctx, men, para, men.start) };
}

/** `Rubio was asked by moderator Gerard Baker whether …`: the one asking is the speaker of the question. */
function askedBy(ctx: Context, para: number, sStart: number, verbs: RegExpExecArray[]): Verdict {
  const view = ctx.paras[para]!;
  for (const v of verbs) {
    if (!/^(?:asked|questioned|pressed|challenged)$/u.test(v[1]!) || !/\b(?:was|were|been|being)[\s\u00A0]+$/u.test(view.masked.slice(sStart, sStart + v.index))) continue;
    const by = /^[\s\u00A0]+by[\s\u00A0]+/u.exec(view.masked.slice(sStart + v.index + v[0].length));
    if (!by) continue;
    const at = sStart + v.index + v[0].length + by[0].length;
    const men = mentionAt(view, at) ?? mentionAfterRole(view, at, at + 60);
    if (men && !men.possessive) return { speaker: resolveMention(ctx, men, para, men.start) };
  }
  return null;
}

/** Sieve 3, `Rubio, on his end, said … "…"` / `…, saying that … "…"`: a speech verb earlier in the sentence. */
export function leadingSieve(ctx: Context, para: number, sStart: number, openMark: number): Verdict {
  const text = ctx.paras[para]!.masked;
  const before = text.slice(sStart, openMark);
  // ("as Vulture put it, "…"": `put it` is a speech verb too)
  const verbs = [...before.matchAll(/\b([a-z]+)\b/gu)].filter((m) => SPEECH_VERBS.has(m[1]!) || PARTICIPLES.has(m[1]!) || (/^puts?$/u.test(m[1]!) && /^[\s\u00A0]+it\b/u.test(before.slice(m.index + m[0].length))));
  const opened = openedByVerb(ctx, para, sStart, openMark) ?? askedBy(ctx, para, sStart, verbs);
  if (opened) return opened;
  const colon = /([\p{L}\p{N}.'\u2019]+)\s*:\s*$/u.exec(before);
  // "Here's Clinton in 1992: "…""
  const here = colon ? /^[\s\u00A0]*Here(?:'s|\u2019s| is)[\s\u00A0]+/u.exec(before) : null;
  if (here) {
    const men = mentionAt(ctx.paras[para]!, sStart + here[0].length);
    if (men) return { speaker: resolveMention(ctx, men, para, men.start) };
  }
  if (verbs.length === 0) {
    if (colon) {
      const men = mentionEndingAt(ctx.paras[para]!, sStart + colon.index + colon[1]!.length);
      // "later that month on CNN:", "a message to Trump:", "to the Dutch paper NRC:": a preposition's object did not say it
      if (men && /\b(?:on|in|at|to|from|with|for)[\s\u00A0]+(?:the[\s\u00A0]+)?(?:[\p{L}-]+[\s\u00A0]+){0,2}$/u.test(text.slice(sStart, men.runStart))) return clauseSubject(ctx, para, sStart, men.runStart) ?? { speaker: null };
      if (men) return { speaker: resolveMention(ctx, men, para, men.start) };
      // "Ines Carvalho put it this way:": the subject of the lead-in sentence
      return clauseSubject(ctx, para, sStart, openMark);
    }
    return null;
  }
  // "drivers had been told to expect …": a passive speech verb names the listener; look further left
  // "to say" is not a speech act of anyone in particular either
  // and "anybody who complains" is a relative clause, not the attribution
  // and "Rubio's proposed credit" or "the called meeting" use the verb form as an adjective
  const active = verbs.filter(
    (m) =>
      (!/(?:\b(?:was|were|been|being|is|are|get|got|to|who|which|that|the|a|an|his|her|their|its)|['\u2019]s?)[\s\u00A0]+$/u.test(before.slice(0, m.index)) ||
        progressiveAux(before.slice(0, m.index), m[1]!) >= 0) &&
      !pluralNoun(before.slice(0, m.index), m[1]!),
  );
  const v = active[active.length - 1];
  if (!v) return { speaker: null };
  const vPos = sStart + v.index;
  const vEnd = vPos + v[0].length;
  // "Cruz is praising Bush as "…"": the progressive has its subject before the auxiliary, like a finite verb
  const aux = progressiveAux(before.slice(0, v.index), v[1]!);
  if (aux >= 0) return subjectBefore(ctx, para, sStart, sStart + aux);
  // "explained moderator Nancy Cordes: "…"": the speaker follows the verb
  const inverted = INVERTIBLE.has(v[1]!) ? (mentionAt(ctx.paras[para]!, vEnd + 1) ?? mentionAfterRole(ctx.paras[para]!, vEnd, openMark)) : undefined;
  if (inverted && /^[\s\u00A0]*[,:][\s\u00A0]*$/u.test(text.slice(inverted.end, openMark))) return { speaker: resolveMention(ctx, inverted, para, inverted.start) };
  // "The paradox of Nancy, says Carl Anthony, a historian, is that …": an attribution set off by commas
  const roleWords = inverted ? text.slice(vEnd, inverted.runStart).split(/[\s\u00A0]+/u).filter((w) => w !== "") : [];
  const setOff = roleWords.every((w) => !SUBJECT_PRONOUNS.has(w) && !isFiniteVerb(w));
  if (inverted && setOff && !inverted.possessive && /,[\s\u00A0]*$/u.test(text.slice(sStart, vPos)) && /^[\s\u00A0]*,/u.test(text.slice(inverted.end))) return { speaker: resolveMention(ctx, inverted, para, inverted.start) };
  // "As Ruth Marcus puts it, Obama is making them "…"": the one who puts it says it, not the clause after
  if (/^puts?$/u.test(v[1]!)) return subjectBefore(ctx, para, sStart, vPos);
  // "After Brown criticized Clinton, Hillary shot back, "…"": a later clause with its own subject
  const later = /\bthat\b/u.test(text.slice(vEnd, openMark)) ? null : clauseAfter(ctx, para, vEnd, openMark);
  if (later) return later;
  if (PARTICIPLES.has(v[1]!)) {
    // "footage of Hillary Clinton asking, "…"" and "… Clinton saying at a rally, "…"": the name right before the participle
    // ("… Clinton tweeting that … and asking, "…"": before the first of two joined participles)
    const joined = /\band[\s\u00A0]+$/u.test(text.slice(sStart, vPos)) ? active.findLast((m) => m !== v && PARTICIPLES.has(m[1]!)) : undefined;
    // ("with Cruz recently promising to "…"": past an adverb)
    const adverb = /[\s\u00A0]+[a-z]+ly[\s\u00A0]*$/u.exec(text.slice(sStart, vPos));
    const right = mentionEndingAt(ctx.paras[para]!, joined ? sStart + joined.index : adverb ? sStart + adverb.index : vPos);
    const gap = /^[\s\u00A0]*(?:(?:at|in|on|during|after|before|while|last|this)[\s\u00A0][^,;:.\uE000]{1,60})?(?:[,:]|[\s\u00A0]to)?[\s\u00A0]*$/u;
    // (but not "responded to the question on Facebook writing": the object of a preposition)
    const object = right !== undefined && /\b(?:on|in|at|to|from|for|by)[\s\u00A0]+(?:the[\s\u00A0]+)?$/u.test(text.slice(sStart, right.runStart));
    // ("with Gorka noting the absurdity of "…"": after `with`, the name is the participle's subject whatever follows)
    const absolute = right !== undefined && /\bwith[\s\u00A0]+$/u.test(text.slice(sStart, right.runStart));
    if (right && !object && right.start >= sStart && !right.possessive && (joined || absolute || gap.test(text.slice(vEnd, openMark)))) return { speaker: resolveMention(ctx, right, para, right.start) };
    // "Paul Ryan, R-Wis., despite admitting that "…"": after a preposition the participle is the subject's
    if (/\b(?:despite|after|before|while|since|upon|by)[\s\u00A0]+$/u.test(text.slice(sStart, vPos))) {
      const head = ctx.paras[para]!.mentions.find((m) => m.runStart >= sStart && m.runStart < vPos);
      if (head && head.kind === "person" && !head.possessive && /^[\s\u00A0]*(?:the[\s\u00A0]+)?$/iu.test(text.slice(clauseStart(text, sStart, vPos), head.runStart))) {
        return { speaker: resolveMention(ctx, head, para, head.start) };
      }
    }
    // "…, Spicer said, adding, "…"": the participle goes with the speech verb right before it
    const said = /\b([a-z]+),[\s\u00A0]*$/u.exec(text.slice(sStart, vPos));
    if (said && SPEECH_VERBS.has(said[1]!)) return subjectBefore(ctx, para, sStart, sStart + said.index);
    return clauseSubject(ctx, para, sStart, vPos);
  }
  return subjectBefore(ctx, para, sStart, vPos);
}

/** Sieve 4, `Cruz continued:` ending the previous paragraph, then a paragraph that opens with the quote. */
export function introSieve(ctx: Context, s: QuoteSpan): Verdict {
  const view = ctx.paras[s.paragraph]!;
  if (s.paragraph === 0 || view.masked.slice(0, s.openMark).trim() !== "") return null;
  const prev = ctx.paras[s.paragraph - 1]!.masked.replace(/[\s\u00A0]+$/u, "");
  if (prev.endsWith(MASK) || prev.includes(MASK)) return null;
  const [pStart] = sentenceAround(prev, prev.length - 1);
  if (/[:,]$/u.test(prev)) return leadingSieve(ctx, s.paragraph - 1, pStart, prev.length);
  // "Cruz said states can pass such laws." then a paragraph of pure quotation: the paraphrase's speaker goes on
  if (!onlyQuote(view) || !prev.endsWith(".")) return null;
  const pv = ctx.paras[s.paragraph - 1]!;
  // ("Valastro praised the governor's record." and "Coan, her lawyer, argues that …" too: any speech verb after the name)
  const head = pv.mentions.find((m) => m.runStart === pStart || m.start === pStart);
  if (!head || head.possessive || head.kind === "place" || compoundSubject(pv, head)) return null;
  const aside = /^,[^,\uE000]{1,100},/u.exec(prev.slice(head.end));
  const verb = wordAt(prev, skipAdverbsForward(prev, head.end + (aside ? aside[0].length : 0)));
  return verb && SPEECH_VERBS.has(verb.word) ? { speaker: resolveMention(ctx, head, s.paragraph - 1, head.start) } : null;
}
