// Speaker attribution: rule sieves over the narration around each quote, most precise first; null when unsure.
import type { QuoteSpan } from "./quotes.js";
import { buildPeopleRegistry, findNameMentions, genderOf, lexTags, type NameMention, type PeopleRegistry } from "./names.js";

const MASK = "\uE000";

/** Speech verbs that introduce or close a quotation in news writing. */
const SPEECH_VERBS = new Set(
  (
    "said says say told tells added adds asked asks wrote writes tweeted tweets posted explained explains warned warns " +
    "noted notes argued argues insisted insists declared declares stated states claimed claims continued continues " +
    "recalled recalls replied replies responded responds answered observed acknowledged acknowledges admitted admits " +
    "announced announces remarked joked jokes quipped conceded concedes cautioned suggested suggests predicted predicts " +
    "complained complains charged countered contended maintained emphasized emphasised stressed stresses mused shouted " +
    "yelled exclaimed concluded boasted vowed promised pledged urged urges reported reports testified confirmed " +
    "agreed lamented laments described describes called calls labeled labelled dubbed branded blasted slammed " +
    "criticized criticised praised hailed hails mocked accused accuses alleged alleges thundered insisted wondered " +
    "opined reiterated reiterates chimed tells"
  ).split(" "),
);
/** Participles whose subject is the subject of the main clause (`Rubio addressed the attack, saying that …`). */
const PARTICIPLES = new Set(
  ("saying adding telling writing noting arguing explaining warning insisting calling describing declaring claiming " +
    "asking tweeting stating stressing recalling replying responding acknowledging admitting announcing suggesting " +
    "predicting complaining urging promising vowing boasting praising criticizing criticising accusing labeling " +
    "dubbing branding").split(" "),
);
const ADVERB_OR_AUX =
  /^(?:also|later|then|has|had|have|would|will|could|previously|recently|once|again|further|simply|quickly|reportedly|publicly|privately|repeatedly|earlier|often|frequently|long|flatly|bluntly|angrily|simply|famously|jokingly|sarcastically|even|recently|then|emphatically|initially|first|separately|also|only|just|ultimately|finally|afterward|afterwards|subsequently|once|twice|has\s+long|on\s+his\s+end|on\s+her\s+end|in\s+a\s+statement|in\s+an\s+interview)$/i;
const SUBJECT_PRONOUNS = new Set(["he", "she", "they", "we", "i", "it"]);
const DETERMINERS = /^(?:the|a|an|one|another|two|three|several|some|many|most|other|his|her|their|its|our|this|that|these|those)$/i;

/** The attribution of one quote: a resolved name, a deliberate "don't know", or no evidence (try the next sieve). */
type Verdict = { speaker: string | null } | null;

/** Per-paragraph view: narration with every quote masked, and the name mentions in it. */
interface ParaView {
  masked: string;
  mentions: NameMention[];
}

/** Replaces each quote (marks included) by mask characters, keeping the punctuation just inside the close. */
function maskParagraphs(paragraphs: string[], spans: QuoteSpan[]): string[] {
  const chars = paragraphs.map((p) => Array.from({ length: p.length }, (_, i) => p.charAt(i)));
  for (const s of spans) {
    for (let p = s.paragraph; p <= s.endParagraph; p++) {
      const row = chars[p];
      if (!row) continue;
      const from = p === s.paragraph ? s.openMark : 0;
      const to = p === s.endParagraph ? (s.closeMark >= 0 ? s.closeMark + 1 : row.length) : row.length;
      for (let i = from; i < to; i++) row[i] = MASK;
      const keep = p === s.endParagraph && s.closeMark > 0 ? s.closeMark - 1 : -1;
      const kept = keep >= 0 ? paragraphs[p]!.charAt(keep) : "";
      if (/[,.!?;:\u2014-]/u.test(kept)) row[keep] = kept;
    }
  }
  return chars.map((row) => row.join(""));
}

const ABBREV_BEFORE_DOT = /(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|St|Jr|Sr|Prof|Rev|Capt|Adm|Maj|Hon|No|Inc|Corp|Co|Ltd|vs|etc|U\.S|U\.K|D\.C|a\.m|p\.m)|\b\p{Lu})$/u;

/** Start and end of the sentence containing `pos` in a masked paragraph (quotes are masked, so never split). */
function sentenceAround(text: string, pos: number): [number, number] {
  let start = 0;
  const re = /[.!?]+[\s\u00A0]+(?=[\p{Lu}"'\u201C\u2018\uE000(])/gu;
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
interface Context {
  paras: ParaView[];
  registry: PeopleRegistry;
  /** Speakers and subjects in reading order, for he/she and surnames: [paragraph, offset, name]. */
  timeline: Array<[number, number, string]>;
}

/** The canonical name for a mention: the full name introduced in the article when there is one. */
function resolveMention(ctx: Context, m: NameMention, para: number, offset: number): string | null {
  const recent = ctx.timeline.filter(([p, o]) => p < para || (p === para && o <= offset)).map(([, , n]) => n);
  const full = m.kind === "person" || m.kind === "unknown" ? ctx.registry.resolve(m.name, recent) : null;
  return full ?? m.name;
}

/** The person a he/she refers to: the most recent fitting subject before the quote, else null. */
function resolvePronoun(ctx: Context, pronoun: string, para: number, offset: number): string | null {
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

/** A mention starting exactly at `pos` (after an optional `the`), if any. */
function mentionAt(view: ParaView, pos: number): NameMention | undefined {
  const the = /^the\s+/i.exec(view.masked.slice(pos));
  const at = pos + (the ? the[0].length : 0);
  return view.mentions.find((m) => m.start === at || (m.start > at && view.masked.slice(at, m.start).trim() === "" && m.start - at < 3));
}

/** A mention ending exactly at `pos` (ignoring spaces), if any. */
function mentionEndingAt(view: ParaView, pos: number): NameMention | undefined {
  const text = view.masked.slice(0, pos).replace(/[\s\u00A0]+$/u, "");
  return view.mentions.find((m) => m.end === text.length || (m.possessive === false && m.end + 2 >= text.length && /^['\u2019]s?$/u.test(text.slice(m.end))));
}

/** Skips adverbs and auxiliaries between a subject and its verb (`has repeatedly said`). */
function skipAdverbsForward(text: string, pos: number): number {
  let i = pos;
  for (;;) {
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
function wordAt(text: string, pos: number): { word: string; end: number } | null {
  const m = /^[\s\u00A0]*([A-Za-z]+)/u.exec(text.slice(pos));
  return m ? { word: m[1]!, end: pos + m[0].length } : null;
}

/** Sieve 1, `"…," Rubio said` / `"…," said Rubio` / `"…," he added`: the words right after the close. */
function trailingSieve(ctx: Context, para: number, from: number, to: number): Verdict {
  const view = ctx.paras[para]!;
  const text = view.masked;
  const lead = /^[\s\u00A0,;:\u2014\u2013-]*/u.exec(text.slice(from))![0].length;
  const x = from + lead;
  if (x >= to) return null;
  const m = mentionAt(view, x);
  if (m && !m.possessive) {
    let y = m.end;
    const appositive = /^,[^,\uE000]{1,120},/u.exec(text.slice(y));
    if (appositive) y += appositive[0].length;
    const v = wordAt(text, skipAdverbsForward(text, y));
    if (v && SPEECH_VERBS.has(v.word.toLowerCase())) return { speaker: resolveMention(ctx, m, para, x) };
    return null;
  }
  const w = wordAt(text, x);
  if (!w) return null;
  const lw = w.word.toLowerCase();
  if (SUBJECT_PRONOUNS.has(lw)) {
    const v = wordAt(text, skipAdverbsForward(text, w.end));
    if (v && SPEECH_VERBS.has(v.word.toLowerCase())) return { speaker: resolvePronoun(ctx, lw, para, x) };
    return null;
  }
  if (SPEECH_VERBS.has(lw)) {
    const after = /^[\s\u00A0]+/u.exec(text.slice(w.end));
    const y = w.end + (after ? after[0].length : 0);
    const s = mentionAt(view, y);
    if (s) return { speaker: resolveMention(ctx, s, para, y) };
    const pr = wordAt(text, y);
    if (pr && SUBJECT_PRONOUNS.has(pr.word.toLowerCase())) return { speaker: resolvePronoun(ctx, pr.word, para, y) };
    if (pr && DETERMINERS.test(pr.word)) return { speaker: null };
    return null;
  }
  if (DETERMINERS.test(lw) || /^[a-z]/.test(w.word)) {
    // "the Tory leader said", "officials said": a role, not a name
    const rest = text.slice(x, to);
    if (/^(?:[\w'\u2019-]+\s+){0,6}?(?:said|says|told|added|wrote|noted|explained|argued|warned|stated|insisted)\b/u.test(rest)) return { speaker: null };
  }
  return null;
}

/** Sieve 2, `according to X` anywhere in the quote's sentence. */
function accordingToSieve(ctx: Context, para: number, sStart: number, sEnd: number): Verdict {
  const view = ctx.paras[para]!;
  const re = /\baccording to\s+/giu;
  re.lastIndex = sStart;
  const m = re.exec(view.masked);
  if (!m || m.index >= sEnd) return null;
  const at = m.index + m[0].length;
  const men = mentionAt(view, at);
  if (men) return { speaker: resolveMention(ctx, men, para, at) };
  return { speaker: null };
}

/** The subject of a speech verb at `v`: a mention just before it (past an appositive), a pronoun, or a role. */
function subjectBefore(ctx: Context, para: number, sStart: number, v: number): Verdict {
  const view = ctx.paras[para]!;
  const text = view.masked;
  let end = v;
  const words = text.slice(sStart, v).split(/(?=[\s,])/u);
  // walk left over adverbs and auxiliaries
  let prefix = text.slice(sStart, end).replace(/[\s\u00A0]+$/u, "");
  for (;;) {
    const m = /([A-Za-z]+)$/.exec(prefix);
    if (!m || !(ADVERB_OR_AUX.test(m[1]!) || /ly$/.test(m[1]!)) || /^[A-Z]/.test(m[1]!)) break;
    prefix = prefix.slice(0, m.index).replace(/[\s\u00A0]+$/u, "");
  }
  void words;
  end = sStart + prefix.length;
  let men = mentionEndingAt(view, end);
  if (!men && prefix.endsWith(",")) {
    const comma = prefix.lastIndexOf(",", prefix.length - 2);
    if (comma >= 0 && prefix.length - comma < 140) men = mentionEndingAt(view, sStart + comma);
  }
  if (men && !men.possessive && men.start >= sStart) return { speaker: resolveMention(ctx, men, para, men.start) };
  const last = /([A-Za-z]+)$/.exec(prefix);
  if (last && SUBJECT_PRONOUNS.has(last[1]!.toLowerCase())) return { speaker: resolvePronoun(ctx, last[1]!, para, sStart + (last.index ?? 0)) };
  if (last && /^[a-z]/.test(last[1]!)) return { speaker: null };
  return null;
}

/** Whether a lower-case word is a finite verb (past or present tense, modal, copula) per the lexicon. */
function isFiniteVerb(word: string): boolean {
  if (SPEECH_VERBS.has(word)) return true;
  return lexTags(word).some((t) => t === "PastTense" || t === "PresentTense" || t === "Modal" || t === "Copula" || t === "Auxiliary");
}

/** The subject of the sentence's main clause: its first non-possessive mention or he/she that a verb follows. */
function clauseSubject(ctx: Context, para: number, sStart: number, limit: number): Verdict {
  const view = ctx.paras[para]!;
  for (const m of view.mentions) {
    if (m.start < sStart || m.start >= limit || m.possessive) continue;
    const y = skipAdverbsForward(view.masked, m.end);
    const next = /^(?:,[^,\uE000]{1,120},)?[\s\u00A0]+([a-z]+)/u.exec(view.masked.slice(y));
    if (next && isFiniteVerb(next[1]!)) {
      return { speaker: resolveMention(ctx, m, para, m.start) };
    }
  }
  const pro = /^[\s\u00A0]*(?:[^,]{0,80},\s+)?(He|She|he|she)\s+[a-z]+/u.exec(view.masked.slice(sStart, limit));
  if (pro) return { speaker: resolvePronoun(ctx, pro[1]!, para, sStart) };
  return null;
}

/** Sieve 3, `Rubio, on his end, said … "…"` / `…, saying that … "…"`: a speech verb earlier in the sentence. */
function leadingSieve(ctx: Context, para: number, sStart: number, openMark: number): Verdict {
  const text = ctx.paras[para]!.masked;
  const before = text.slice(sStart, openMark);
  const verbs = [...before.matchAll(/\b([a-z]+)\b/gu)].filter((m) => SPEECH_VERBS.has(m[1]!) || PARTICIPLES.has(m[1]!));
  const colon = /([\p{L}.'\u2019]+)\s*:\s*$/u.exec(before);
  if (verbs.length === 0) {
    if (colon) {
      const men = mentionEndingAt(ctx.paras[para]!, sStart + colon.index + colon[1]!.length);
      if (men) return { speaker: resolveMention(ctx, men, para, men.start) };
    }
    return null;
  }
  const v = verbs[verbs.length - 1]!;
  const vPos = sStart + v.index;
  if (PARTICIPLES.has(v[1]!)) return clauseSubject(ctx, para, sStart, vPos);
  return subjectBefore(ctx, para, sStart, vPos);
}

/** Runs the sentence-level sieves for a quote, around its opening and around its closing mark. */
function sentenceSieves(ctx: Context, s: QuoteSpan): Verdict {
  const endView = ctx.paras[s.endParagraph]!;
  if (s.closeMark >= 0) {
    const [, eEnd] = sentenceAround(endView.masked, s.closeMark);
    const nextQuote = endView.masked.indexOf(MASK, s.closeMark + 1);
    const to = nextQuote >= 0 ? Math.min(nextQuote, eEnd) : eEnd;
    const t = trailingSieve(ctx, s.endParagraph, s.closeMark + 1, to);
    if (t) return t;
  }
  const startView = ctx.paras[s.paragraph]!;
  const [sStart, sEnd] = sentenceAround(startView.masked, s.openMark);
  return accordingToSieve(ctx, s.paragraph, sStart, sEnd) ?? leadingSieve(ctx, s.paragraph, sStart, s.openMark);
}

/** Whether a paragraph's narration is empty: it holds nothing but quotation. */
function onlyQuote(view: ParaView): boolean {
  return !/\p{L}/u.test(view.masked.replace(/\uE000/gu, ""));
}

/**
 * Attributes each quote span to a speaker: the canonical full name introduced in the article, or null.
 * Sieves, most precise first: words right after the close, `according to`, a speech verb earlier in the
 * sentence; then the other quotes of the same paragraph, and a quote-only paragraph continuing the previous one.
 */
export function attributeQuotes(paragraphs: string[], spans: QuoteSpan[]): Array<string | null> {
  const masked = maskParagraphs(paragraphs, spans);
  const paras: ParaView[] = masked.map((m) => ({ masked: m, mentions: findNameMentions(m) }));
  const ctx: Context = { paras, registry: buildPeopleRegistry(masked), timeline: [] };
  paras.forEach((v, p) => {
    for (const m of v.mentions) if (m.kind === "person" && !m.possessive) ctx.timeline.push([p, m.start, ctx.registry.resolve(m.name) ?? m.name]);
  });
  const verdicts = spans.map((s) => sentenceSieves(ctx, s));
  return spans.map((s, i) => {
    const v = verdicts[i];
    if (v) return v.speaker;
    // same paragraph: another quote there has a speaker ("…," he said. "…")
    const same = new Set(
      spans.flatMap((o, j) => (j !== i && o.paragraph <= s.endParagraph && o.endParagraph >= s.paragraph && verdicts[j]?.speaker ? [verdicts[j]!.speaker!] : [])),
    );
    if (same.size === 1) return [...same][0]!;
    if (same.size > 1) return null;
    // a paragraph of pure quotation carries on from the previous paragraph's quote
    if (onlyQuote(paras[s.paragraph]!) && s.paragraph > 0) {
      const prev = spans.flatMap((o, j) => (o.endParagraph === s.paragraph - 1 && verdicts[j]?.speaker ? [verdicts[j]!.speaker!] : []));
      const ps = new Set(prev);
      if (ps.size === 1) return prev[0]!;
    }
    return null;
  });
}
