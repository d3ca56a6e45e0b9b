// Finding the name a sieve points at: mentions at or before a position, name chains, roles, organisations, verbs after.
import { lexTags, type NameMention } from "../names.js";
import { MASK, type ParaView } from "./context.js";
import { ADVERB_OR_AUX, CHAIN_STOP, DETERMINERS, isFiniteVerb, SPEECH_VERBS, VOICE_NOUNS } from "./lexicon.js";

/** A mention starting exactly at `pos` (after an optional `the`), if any. */
export function mentionAt(view: ParaView, pos: number): NameMention | undefined {
  const the = /^the\s+/i.exec(view.masked.slice(pos));
  const at = pos + (the ? the[0].length : 0);
  return view.mentions.find((m) => m.start === at || m.runStart === at || (m.start > at && view.masked.slice(at, m.start).trim() === "" && m.start - at < 3));
}

/** A mention ending exactly at `pos` (ignoring spaces), if any. */
export function mentionEndingAt(view: ParaView, pos: number): NameMention | undefined {
  const text = view.masked.slice(0, pos).replace(/[\s\u00A0]+$/u, "");
  return view.mentions.find((m) => m.end === text.length || (m.possessive === false && m.end + 2 >= text.length && /^['\u2019]s?$/u.test(text.slice(m.end))));
}

/** A time phrase news writing puts between a subject and its verb (`on Thursday`, `last week`, `earlier this month`). */
const TIME_PHRASE = /^[\s\u00A0]+(?:(?:on|late|early)[\s\u00A0]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:last|this|earlier[\s\u00A0]+this|later[\s\u00A0]+that)[\s\u00A0]+(?:week|month|year|night|morning|weekend)|yesterday|today|tonight)(?=[\s\u00A0,])/u;

/** Skips adverbs and auxiliaries between a subject and its verb (`has repeatedly said`). */
export function skipAdverbsForward(text: string, pos: number): number {
  let i = pos;
  for (;;) {
    // "Trump on Thursday said", "Lee last week told": a time between the subject and its verb
    const time = TIME_PHRASE.exec(text.slice(i));
    if (time) {
      i += time[0].length;
      continue;
    }
    const m = /^[\s\u00A0]+([A-Za-z]+(?:\s+(?:long|his|her|end|a|an|statement|interview))*)/u.exec(text.slice(i));
    if (!m) return i;
    const w = m[1]!;
    const one = /^[A-Za-z]+/.exec(w)![0];
    if (ADVERB_OR_AUX.test(w)) i += m[0].length;
    else if (ADVERB_OR_AUX.test(one) || /ly$/i.test(one)) i += m[0].length - (w.length - one.length);
    else return i;
  }
}

/** The next word at `pos` (after spaces) and where it ends. */
export function wordAt(text: string, pos: number): { word: string; end: number } | null {
  const m = /^[\s\u00A0]*([A-Za-z]+)/u.exec(text.slice(pos));
  return m ? { word: m[1]!, end: pos + m[0].length } : null;
}

/** A verb that ends a name chain; role nouns the lexicon also knows as verbs (`party boss`, `campaign chair`) do not. */
function chainBreakingVerb(word: string): boolean {
  return SPEECH_VERBS.has(word) || /^[a-z]{2,}ed$/u.test(word) || /^(?:is|are|was|were|has|have|had|will|would|can|could|does|did)$/u.test(word) || lexTags(word).includes("PastTense");
}

/**
 * Follows a name to the name it qualifies: `Clinton's top aide Jake Sullivan` and `Cruz constituent Dan Golvach`
 * name Sullivan and Golvach. Returns the last mention of the chain, or null when it ends on a role (`Clinton's aide`).
 */
export function nameChain(view: ParaView, m: NameMention): NameMention | null {
  let cur = m;
  for (;;) {
    const next = view.mentions.find((o) => o.start > cur.end);
    const gap = next ? view.masked.slice(cur.end, next.runStart) : "";
    const words = gap.replace(/^['\u2019]s?/u, "").trim().split(/\s+/u).filter((w) => w !== "");
    // `Clinton's top aide Jake Sullivan`, and with the name set off by commas: `Rubio's deputy manager, Rich Beeson,`
    const roleThenName = cur.possessive && /^['\u2019]s?(?:[\s\u00A0]+[a-z][\w-]*){1,5},[\s\u00A0]+$/u.test(gap) && next?.kind !== "place" && next?.kind !== "org";
    const linked = next !== undefined && (roleThenName || /^(?:['\u2019]s?)?[\s\u00A0]+(?:[a-z][\w-]*[\s\u00A0]+){0,5}$/u.test(gap)) && words.every((w) => !CHAIN_STOP.test(w.replace(/,$/u, "")) && !chainBreakingVerb(w.replace(/,$/u, "")));
    if (!linked) break;
    cur = next;
  }
  if (cur.possessive) return null;
  return cur;
}

/** A name after lower-case role words and no article (`said former Rep. George Miller`, `said nuclear expert Ann Li`). */
export function mentionAfterRole(view: ParaView, pos: number, limit: number): NameMention | undefined {
  const m = view.mentions.find((o) => o.runStart >= pos && o.runStart < limit);
  if (!m) return undefined;
  const words = view.masked.slice(pos, m.runStart).trim().split(/\s+/u).filter((w) => w !== "");
  // "an angry Hollande": an article and adjectives only
  if (words.length >= 2 && words.length <= 3 && /^(?:a|an|the)$/u.test(words[0]!) && words.slice(1).every((w) => lexTags(w).includes("Adjective"))) return m;
  if (words.length > 5 || !words.every((w) => /^[a-z0-9][\w/-]*$/u.test(w) && !CHAIN_STOP.test(w) && !DETERMINERS.test(w))) return undefined;
  return m;
}

/**
 * The organisation behind a role phrase, or null: `the IMF report` and `a White House spokesman` speak for the
 * IMF and the White House. A person's aide (`Obama's strategist`, `a Clinton aide`) does not speak as that person.
 */
export function organisationVoice(view: ParaView, from: number, to: number): string | null {
  const phrase = view.masked.slice(from, to);
  if (!/^[\s\u00A0]*(?:the|a|an|one|another|its)\b/iu.test(phrase) && from === to) return null;
  for (const m of view.mentions) {
    if (m.runStart < from || m.end > to || m.possessive || m.kind === "person" || m.kind === "place") continue;
    const after = view.masked.slice(m.end, to).trim().split(/\s+/u);
    if (after.length >= 1 && after.length <= 3 && VOICE_NOUNS.test(after[0] ?? "")) return m.name;
  }
  return null;
}

/** Whether a mention is one of two joined subjects (`Trump and Ryan said`): no single speaker then. */
export function compoundSubject(view: ParaView, m: NameMention): boolean {
  return /^[\s\u00A0]+(?:and|&)[\s\u00A0]+\p{Lu}/u.test(view.masked.slice(m.end)) || /\p{L}[\s\u00A0]+(?:and|&)[\s\u00A0]+$/u.test(view.masked.slice(0, m.runStart)) && view.mentions.some((o) => o.end <= m.runStart && m.runStart - o.end < 7);
}

/** `Gingrich — a favourite of the base — told …`: where an aside between dashes right after `at` ends, or -1. */
function dashAside(text: string, at: number, limit: number): number {
  const m = /^[\s\u00A0]*[\u2014\u2013][^\u2014\u2013\uE000]{3,150}?[\u2014\u2013]/u.exec(text.slice(at, limit));
  return m ? at + m[0].length : -1;
}

/** Whether a speech verb follows `pos`, past an appositive (`, a doctor,`) and adverbs. */
export function speechVerbAfter(text: string, at: number, limit: number, anyVerb = false): boolean {
  const dashed = dashAside(text, at, limit);
  if (dashed >= 0) return speechVerbAfter(text, dashed, limit, anyVerb);
  const pos = at + (/^[\s\u00A0]*(?=,)/u.exec(text.slice(at))?.[0].length ?? 0);
  // "Jeffrey Lewis of the Nonproliferation Center wrote": skip an "of …" postmodifier of capitalised words
  const postmod = /^[\s\u00A0]+(?:of|at|from)[\s\u00A0]+(?:the[\s\u00A0]+)?(?:\p{Lu}[\p{L}'\u2019.&-]*[\s\u00A0]+(?:(?:of|for|and|on)[\s\u00A0]+)?){1,7}/u.exec(text.slice(pos));
  if (postmod && speechVerbAfter(text, pos + postmod[0].length - 1, limit, anyVerb)) return true;
  if (anyVerb) {
    const w = wordAt(text, skipAdverbsForward(text, pos));
    if (w && /^[a-z]+ed$/u.test(w.word) && lexTags(w.word).includes("PastTense")) return true;
  }
  if (/^[\s\u00A0]+(?:is|was|were|has been)[\s\u00A0]+quoted[\s\u00A0]+as[\s\u00A0]+saying/u.test(text.slice(pos))) return true;
  const direct = wordAt(text, skipAdverbsForward(text, pos));
  if (direct && SPEECH_VERBS.has(direct.word.toLowerCase())) return !/^[\s\u00A0]+(?:yes|no)\b/u.test(text.slice(direct.end));
  if (text.charAt(pos) !== ",") return false;
  for (let c = text.indexOf(",", pos + 1); c >= 0 && c < limit && c - pos < 160; c = text.indexOf(",", c + 1)) {
    const v = wordAt(text, skipAdverbsForward(text, c + 1));
    if (v && SPEECH_VERBS.has(v.word)) return true;
  }
  // "Nate Silver, the polling guru who founded the site tweeted on Wednesday": an appositive left unclosed
  const words = text.slice(pos + 1, Math.min(limit, pos + 120)).split(/[\s\u00A0]+/u).filter((w) => w !== "");
  for (const w of words.slice(0, 14)) {
    if (/[.;:]$/u.test(w) || w.includes(MASK)) break;
    if (/^(?:said|says|tweeted|wrote|told|added)$/u.test(w)) return true;
  }
  return false;
}

/** Whether a finite verb follows `pos` directly or after an appositive between commas. */
export function followedByVerb(text: string, at: number, limit: number): boolean {
  const dashed = dashAside(text, at, limit);
  if (dashed >= 0) return followedByVerb(text, dashed, limit);
  const pos = at + (/^[\s\u00A0]*(?=,)/u.exec(text.slice(at))?.[0].length ?? 0);
  const direct = wordAt(text, skipAdverbsForward(text, pos));
  if (direct && /^[a-z]/.test(direct.word) && isFiniteVerb(direct.word)) return true;
  if (text.charAt(pos) !== ",") return false;
  for (let c = pos; c >= 0 && c < limit && c - pos < 200; c = text.indexOf(",", c + 1)) {
    const v = wordAt(text, skipAdverbsForward(text, c + 1));
    if (v && /^[a-z]/.test(v.word) && isFiniteVerb(v.word) && !/^(?:is|was|are|were|has|had)$/.test(v.word)) return true;
  }
  return false;
}
