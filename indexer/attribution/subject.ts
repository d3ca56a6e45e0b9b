// The subject of a clause: who a speech verb earlier in the sentence belongs to, past appositives and intros.
import type { NameMention } from "../names.js";
import { type Context, type ParaView, resolveMention, resolvePronoun, type Verdict } from "./context.js";
import { ADVERB_OR_AUX, INTRO, isFiniteVerb, SUBJECT_PRONOUNS } from "./lexicon.js";
import { compoundSubject, followedByVerb, mentionEndingAt, organisationVoice, skipAdverbsForward, wordAt } from "./mentions.js";

/** The subject of a speech verb at `v`: a mention just before it (past an appositive), a pronoun, or a role. */
export function subjectBefore(ctx: Context, para: number, sStart: number, v: number): Verdict {
  const view = ctx.paras[para]!;
  let prefix = view.masked.slice(sStart, v).replace(/[\s\u00A0]+$/u, "");
  // "Blumenthal was asked": the one asked is not the speaker
  if (/\b(?:was|were|been|being|is|are|get|got)$/u.test(prefix)) return { speaker: null };
  // "who Beck on Wednesday called": step back over a time phrase
  prefix = prefix.replace(/[\s\u00A0]+(?:on[\s\u00A0]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:last|this)[\s\u00A0]+(?:week|month|year|night|morning|weekend)|yesterday|today|tonight)$/u, "");
  // "Lomax — tipped as the running mate — told": step over an aside between dashes
  const dashed = /[\s\u00A0]*[\u2014\u2013][^\u2014\u2013\uE000]{3,150}?[\u2014\u2013]$/u.exec(prefix);
  if (dashed) prefix = prefix.slice(0, dashed.index);
  // walk left over adverbs and auxiliaries ("has repeatedly said")
  for (;;) {
    const m = /([A-Za-z]+)$/.exec(prefix);
    // a negated auxiliary too ("she hadn't yet called")
    const negated = /\b[a-z]+n['\u2019]t$/u.exec(prefix);
    if (negated) prefix = prefix.slice(0, negated.index).replace(/[\s\u00A0]+$/u, "");
    else if (!m || !(ADVERB_OR_AUX.test(m[1]!) || /ly$/.test(m[1]!)) || /^[A-Z]/.test(m[1]!)) break;
    else prefix = prefix.slice(0, m.index).replace(/[\s\u00A0]+$/u, "");
  }
  const end = sStart + prefix.length;
  const men = mentionEndingAt(view, end);
  if (men && men.start >= sStart) {
    if (men.possessive) return { speaker: null };
    const head = headBeforeObject(ctx, para, sStart, men);
    if (head) return head;
    return { speaker: compoundSubject(view, men) ? null : resolveMention(ctx, men, para, men.start) };
  }
  if (prefix.endsWith(",")) return appositiveSubject(ctx, para, sStart, end - 1, v);
  const last = /([A-Za-z]+)$/.exec(prefix);
  if (!last) return null;
  const lw = last[1]!.toLowerCase();
  // "The council pledged sanctions against what it called "…"": `it` is the organisation heading the sentence
  if (lw === "it") return { speaker: organisationSubject(view, sStart, sStart + last.index) };
  if (SUBJECT_PRONOUNS.has(lw)) return { speaker: resolvePronoun(ctx, lw, para, sStart + last.index) };
  // "Hayek confirmed she had been and said": the subject of the coordinated clause
  if (lw === "and" || lw === "but" || lw === "then") return clauseSubject(ctx, para, sStart, v);
  if (/^[a-z]/.test(last[1]!)) return { speaker: organisationVoice(view, clauseStart(view.masked, sStart, end), end) };
  return null;
}

/** The organisation opening the clause before `limit`, if any. */
function organisationSubject(view: ParaView, sStart: number, limit: number): string | null {
  const from = clauseStart(view.masked, sStart, limit);
  const lead = /^[\s\u00A0]*(?:the[\s\u00A0]+)?/iu.exec(view.masked.slice(from))![0].length;
  const m = view.mentions.find((o) => o.runStart >= from && o.runStart <= from + lead);
  return m && m.kind === "org" && !m.possessive && m.end < limit ? m.name : null;
}

/** `Head of X`, `Head, role of X`: one appositive at most, then a preposition right before the name X. */
const GOVERNED = /^(?:,[^,\uE000]{1,80}?)?[\s\u00A0]+(?:of|at|for|with|from|called|in)[\s\u00A0]+(?:the[\s\u00A0]+)?$/u;
/** The same before a place, which may follow its town: `Head of Dover, New Hampshire`. */
const GOVERNED_PLACE = /^(?:,[^,\uE000]{1,80}?)?[\s\u00A0]+(?:of|at|for|with|from|called|in)[\s\u00A0]+(?:the[\s\u00A0]+)?(?:\p{Lu}[\p{L}.'\u2019-]*(?:[\s\u00A0]+\p{Lu}[\p{L}.'\u2019-]*)*,[\s\u00A0]*)?$/u;

/**
 * `Ann Roe, head of the Grain Board said` and `Ann Roe of Ayr, Ohio says`: a name right before the verb that is the
 * object of a preposition is not its subject; the person heading the clause is. Undefined when that is not the shape.
 */
function headBeforeObject(ctx: Context, para: number, sStart: number, men: NameMention): Verdict | undefined {
  const view = ctx.paras[para]!;
  const start = clauseStart(view.masked, sStart, men.runStart);
  const from = start + (/^[\s\u00A0]*(?:the[\s\u00A0]+)?/iu.exec(view.masked.slice(start))?.[0].length ?? 0);
  const governed = men.kind === "place" ? GOVERNED_PLACE : GOVERNED;
  const head = view.mentions.findLast((m) => m.runStart >= from && m.end <= men.runStart && m.kind !== "place" && governed.test(view.masked.slice(m.end, men.start)));
  if (!head || head.possessive || compoundSubject(view, head)) return undefined;
  // the head opens the clause, after a few role words at most (`Union chief Ben Amos of Leeds`)
  const pre = view.masked.slice(from, head.runStart);
  if (/[,;:\uE000]|\b(?:of|in|at|on|for|from|with|by|to)\b/u.test(pre) || pre.split(/[\s\u00A0]+/u).length > 5) return undefined;
  return { speaker: resolveMention(ctx, head, para, head.start) };
}

/** `Her adviser, Jake Sullivan, said` names Sullivan; `Dean Hill, a farmer from Ayr, Ohio, said` names Hill. */
function appositiveSubject(ctx: Context, para: number, sStart: number, comma: number, v: number): Verdict {
  const view = ctx.paras[para]!;
  const text = view.masked;
  const prev = text.lastIndexOf(",", comma - 1);
  if (prev >= sStart) {
    const inner = view.mentions.find((m) => m.end <= comma && text.slice(m.end, comma).trim() === "" && m.runStart >= prev + 1 && text.slice(prev + 1, m.runStart).trim() === "");
    if (inner && inner.kind !== "place" && /\b[a-z][\w-]*$/u.test(text.slice(sStart, prev))) return { speaker: resolveMention(ctx, inner, para, inner.start) };
  }
  const from = clauseStart(text, sStart, comma);
  const first = view.mentions.find((m) => m.start >= from && m.start < comma);
  if (first && !first.possessive && /^[\s\u00A0]*,/u.test(text.slice(first.end)) && !compoundSubject(view, first)) {
    return { speaker: resolveMention(ctx, first, para, first.start) };
  }
  // "while Mike Huckabee, the former governor, proposed": the person right before an appositive in lower case
  for (let c = text.lastIndexOf(",", comma - 1); c > from; c = text.lastIndexOf(",", c - 1)) {
    const head = view.mentions.find((m) => m.end <= c && text.slice(m.end, c).trim() === "");
    if (head && head.kind === "person" && !head.possessive && /^[\s\u00A0]+(?:the|a|an|[a-z][\w-]*)\b/u.test(text.slice(c + 1)) && !compoundSubject(view, head)) {
      return { speaker: resolveMention(ctx, head, para, head.start) };
    }
  }
  return clauseSubject(ctx, para, sStart, v);
}

/** Where the main clause starts: after an introductory phrase (`In Washington, …`) when there is one. */
export function clauseStart(text: string, sStart: number, limit: number): number {
  // "But Tom Miller, at a bank, argues": a conjunction opens the clause, not an introductory phrase
  const from = sStart + (/^[\s\u00A0]*(?:(?:And|But|Yet|So)(?:[\s\u00A0]+(?:then|now|still|also))?[\s\u00A0]+(?=\p{Lu}))?/u.exec(text.slice(sStart))?.[0].length ?? 0);
  if (!INTRO.test(text.slice(from))) return from;
  const comma = text.indexOf(",", from);
  return comma > 0 && comma < limit ? comma + 1 : from;
}

/** The subject of the sentence's main clause: its first mention or he/she that a finite verb follows. */
export function clauseSubject(ctx: Context, para: number, sStart: number, limit: number): Verdict {
  const view = ctx.paras[para]!;
  const text = view.masked;
  const from = clauseStart(text, sStart, limit);
  const candidates: Array<{ start: number; end: number; mention?: NameMention; pronoun?: string }> = [];
  for (const m of view.mentions) if (m.start >= from && m.start < limit && !m.possessive) candidates.push({ start: m.runStart, end: m.end, mention: m });
  for (const p of text.slice(from, limit).matchAll(/\b(he|she|He|She|they|They|it|It)\b/gu)) candidates.push({ start: from + p.index, end: from + p.index + p[0].length, pronoun: p[1]! });
  candidates.sort((a, b) => a.start - b.start);
  for (const c of candidates) {
    if (!followedByVerb(text, c.end, limit)) continue;
    // "… from a former Patriot mine, saying": the object of a preposition names no subject, but the head of its
    // phrase may (`Ann Roe of Ohio said`), and `a spokesman for the Grain Board` speaks for the board
    const lead = text.slice(from, c.start);
    if (c.mention && /\S[\s\u00A0]+(?:from|of|in|on|at|to|for|with|by|about|into|under|over|near|than)[\s\u00A0]+(?:[a-z]+[\s\u00A0]+){0,2}$/u.test(lead)) {
      if (/\b(?:spokesman|spokeswoman|spokesperson)[\s\u00A0]+(?:for|of)[\s\u00A0]+(?:the[\s\u00A0]+)?$/u.test(lead) && c.mention.kind !== "person") return { speaker: c.mention.name };
      const head = headBeforeObject(ctx, para, sStart, c.mention);
      if (head) return head;
      continue;
    }
    if (c.pronoun) return { speaker: resolvePronoun(ctx, c.pronoun, para, c.start) };
    const m = c.mention!;
    return { speaker: compoundSubject(view, m) ? null : resolveMention(ctx, m, para, m.start) };
  }
  return null;
}

/** A `, Name verb` clause between a speech verb and the quote: its subject is the speaker. */
export function clauseAfter(ctx: Context, para: number, from: number, to: number): Verdict {
  const view = ctx.paras[para]!;
  for (const m of view.mentions) {
    if (m.runStart <= from || m.end >= to || m.possessive) continue;
    // (the comma may sit inside a quote that ends right there: `called "distasteful," Santilli said`)
    if (!/,\uE000?[\s\u00A0]*$/u.test(view.masked.slice(from, m.runStart))) continue;
    const w = wordAt(view.masked, skipAdverbsForward(view.masked, m.end));
    if (w && /^[a-z]/.test(w.word) && isFiniteVerb(w.word)) return { speaker: resolveMention(ctx, m, para, m.start) };
  }
  return null;
}
