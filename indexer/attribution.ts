// Speaker attribution: rule sieves over the narration around each quote, most precise first; null when unsure.
import type { QuoteSpan } from "./quotes.js";
import { analyzeTexts, genderOf, lexTags, type NameMention, type PeopleRegistry, type TextsAnalysis } from "./names.js";

const MASK = "\uE000";
/** Whether the character at `i` is a quotation mark (the close of a masked quote). */
const ALL_CLOSE_AT = (text: string, i: number): boolean => /["\u201C\u201D\u201E\u00AB\u00BB\u2039\u203A]/u.test(text.charAt(i));

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
    "opined reiterated reiterates chimed tells proclaimed proclaims echoed echoes revealed reveals conceded " +
    "groused grumbled cracked gushed shot bragged whispered muttered retorted interjected pleaded added " +
    "asserted asserts assured assures proposed proposes welcomed welcomes demanded demands emailed texted recounted " +
    "recounts reasoned speculated affirmed questioned questions conceded concedes summed pointed went " +
    "attacked dismissed lauded touted condemned denounced decried rejected cited agrees agreed disagreed disagrees found finds"
  ).split(" "),
);
/** Verbs that put their subject after them (`explained moderator Ann Li: "…"`); `told`/`asked` take an object there. */
const INVERTIBLE = new Set("said says added adds explained explains wrote writes noted notes continued continues recalled replied responded answered observed declared stated argued insisted warned quipped remarked concluded".split(" "));
/** Participles whose subject is the subject of the main clause (`Rubio addressed the attack, saying that …`). */
const PARTICIPLES = new Set(
  ("saying adding telling writing noting arguing explaining warning insisting calling describing declaring claiming " +
    "asking tweeting stating stressing recalling replying responding acknowledging admitting announcing suggesting " +
    "predicting complaining urging promising vowing boasting praising criticizing criticising accusing labeling " +
    "dubbing branding").split(" "),
);
const ADVERB_OR_AUX =
  /^(?:himself|herself|themselves|itself|also|later|then|has|had|have|would|will|could|previously|recently|once|again|further|simply|quickly|reportedly|publicly|privately|repeatedly|earlier|often|frequently|long|flatly|bluntly|angrily|simply|famously|jokingly|sarcastically|even|recently|then|emphatically|initially|first|separately|also|only|just|ultimately|finally|afterward|afterwards|subsequently|once|twice|has\s+long|on\s+his\s+end|on\s+her\s+end|in\s+a\s+statement|in\s+an\s+interview)$/i;
const SUBJECT_PRONOUNS = new Set(["he", "she", "they", "we", "i", "it"]);
const DETERMINERS = /^(?:the|a|an|one|another|two|three|several|some|many|most|other|his|her|their|its|our|this|that|these|those)$/i;

/** The attribution of one quote: a resolved name, a deliberate "don't know", or no evidence (try the next sieve). */
type Verdict = { speaker: string | null; pronoun?: boolean } | null;

/** Per-paragraph view: narration with every quote masked, and the name mentions in it. */
interface ParaView {
  masked: string;
  mentions: NameMention[];
}

/** Replaces each quote (marks included) by mask characters, keeping the punctuation just inside the close. */
function maskParagraphs(paragraphs: string[], spans: QuoteSpan[]): string[] {
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
function blankAsides(text: string): string {
  return text.replace(/\s*\([^()\uE000]{1,30}\)/gu, (m) => " ".repeat(m.length));
}

/** Start and end of the sentence containing `pos` in a masked paragraph (quotes are masked, so never split). */
function sentenceAround(text: string, pos: number): [number, number] {
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
interface Context {
  paras: ParaView[];
  registry: PeopleRegistry;
  /** Speakers and subjects in reading order, for he/she and surnames: [paragraph, offset, name]. */
  timeline: Array<[number, number, string]>;
}

/** The canonical name for a mention: the full name introduced in the article when there is one. */
function resolveMention(ctx: Context, m: NameMention, para: number, offset: number): string | null {
  const recent = (): string[] => ctx.timeline.filter(([p, o]) => p < para || (p === para && o <= offset)).map(([, , n]) => n);
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
  return view.mentions.find((m) => m.start === at || m.runStart === at || (m.start > at && view.masked.slice(at, m.start).trim() === "" && m.start - at < 3));
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

/** Words that may stand between a name and the name it qualifies (`Cruz constituent Dan Golvach`), not prepositions. */
const CHAIN_STOP = /^(?:in|on|at|to|for|from|with|during|after|before|of|by|about|while|and|but|or|as|than|that|who|which|when|where|said|says|told|is|was|has|had|will|would)$/;

/**
 * Follows a name to the name it qualifies: `Clinton's top aide Jake Sullivan` and `Cruz constituent Dan Golvach`
 * name Sullivan and Golvach. Returns the last mention of the chain, or null when it ends on a role (`Clinton's aide`).
 */
function nameChain(view: ParaView, m: NameMention): NameMention | null {
  let cur = m;
  for (;;) {
    const next = view.mentions.find((o) => o.start > cur.end);
    const gap = next ? view.masked.slice(cur.end, next.runStart) : "";
    const words = gap.replace(/^['\u2019]s?/u, "").trim().split(/\s+/u).filter((w) => w !== "");
    const linked = next !== undefined && /^(?:['\u2019]s?)?[\s\u00A0]+(?:[a-z][\w-]*[\s\u00A0]+){0,5}$/u.test(gap) && words.every((w) => !CHAIN_STOP.test(w) && !isFiniteVerb(w));
    if (!linked) break;
    cur = next;
  }
  if (cur.possessive) return null;
  return cur;
}

/** A name after lower-case role words and no article (`said former Rep. George Miller`, `said nuclear expert Ann Li`). */
function mentionAfterRole(view: ParaView, pos: number, limit: number): NameMention | undefined {
  const m = view.mentions.find((o) => o.runStart >= pos && o.runStart < limit);
  if (!m) return undefined;
  const words = view.masked.slice(pos, m.runStart).trim().split(/\s+/u).filter((w) => w !== "");
  // "an angry Hollande": an article and adjectives only
  if (words.length >= 2 && words.length <= 3 && /^(?:a|an|the)$/u.test(words[0]!) && words.slice(1).every((w) => lexTags(w).includes("Adjective"))) return m;
  if (words.length > 5 || !words.every((w) => /^[a-z0-9][\w/-]*$/u.test(w) && !CHAIN_STOP.test(w) && !DETERMINERS.test(w))) return undefined;
  return m;
}

/** Nouns through which an organisation speaks: `a White House spokesman said`, `the IMF report said`. */
const VOICE_NOUNS = /^(?:spokesman|spokeswoman|spokesperson|spokespeople|report|statement|memo|letter|study|survey|analysis|readout|release|filing|complaint|lawsuit|website|document|editorial|announcement|account|poll)$/u;

/**
 * The organisation behind a role phrase, or null: `the IMF report` and `a White House spokesman` speak for the
 * IMF and the White House. A person's aide (`Obama's strategist`, `a Clinton aide`) does not speak as that person.
 */
function organisationVoice(view: ParaView, from: number, to: number): string | null {
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
function compoundSubject(view: ParaView, m: NameMention): boolean {
  return /^[\s\u00A0]+(?:and|&)[\s\u00A0]+\p{Lu}/u.test(view.masked.slice(m.end)) || /\p{L}[\s\u00A0]+(?:and|&)[\s\u00A0]+$/u.test(view.masked.slice(0, m.runStart)) && view.mentions.some((o) => o.end <= m.runStart && m.runStart - o.end < 7);
}

/** Whether a speech verb follows `pos`, past an appositive (`, a doctor,`) and adverbs. */
function speechVerbAfter(text: string, at: number, limit: number, anyVerb = false): boolean {
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

/** Sieve 1, `"…," Rubio said` / `"…," said Rubio` / `"…," he added`: the words right after the close. */
function trailingSieve(ctx: Context, para: number, from: number, to: number, closedSentence: boolean, intoQuote: boolean): Verdict {
  const view = ctx.paras[para]!;
  const text = view.masked;
  // "…," as Cruz said on Monday: the same attribution with "as" in front
  const lead = /^[\s\u00A0,;:\u2014\u2013-]*(?:as[\s\u00A0]+(?=\p{Lu}))?/u.exec(text.slice(from))![0].length;
  const x = from + lead;
  if (x >= to) return null;
  // after a quote that ended its sentence, only a short `Rubio said.` belongs to it, not `He added that …`
  if (closedSentence && /^\p{Lu}/u.test(text.charAt(x))) {
    if (intoQuote) return null;
    const rest = text.slice(x, to);
    if (rest.split(/\s+/u).length > 12 || /\bthat\b|[:\uE000]/u.test(rest)) return null;
  }
  // `"…" ― Carla Sanchez`: a dash and a name after the quote sign it
  if (/^[\u2015\u2014\u2013-]/u.test(text.slice(from).trimStart())) {
    const signer = view.mentions.find((o) => o.runStart > from && o.runStart < to && /^[\s\u00A0]*[\u2015\u2014\u2013-][\s\u00A0]*$/u.test(text.slice(from, o.runStart)));
    if (signer && /^[\s\u00A0.,]*$/u.test(text.slice(signer.end, to))) return { speaker: resolveMention(ctx, signer, para, signer.start) };
  }
  const m = mentionAt(view, x);
  if (m) {
    const head = nameChain(view, m);
    if (!head) return speechVerbAfter(text, view.mentions.find((o) => o.start > m.end)?.end ?? m.end, to) ? { speaker: null } : null;
    if (compoundSubject(view, head)) return { speaker: null };
    // after a comma-closed quote, `Oliver barked` and `Hollande retaliated` attribute it as surely as `said`
    if (speechVerbAfter(text, head.end, to, !closedSentence)) return { speaker: resolveMention(ctx, head, para, x) };
    // `"…," the IMF report said` / `a White House spokesman said`: the organisation speaks
    const voice = /^[\s\u00A0]+([a-z]+)(?=[\s\u00A0,])/u.exec(text.slice(head.end));
    if (voice && VOICE_NOUNS.test(voice[1]!) && head.kind !== "person" && head.kind !== "place" && !head.possessive && speechVerbAfter(text, head.end + voice[0].length, to)) {
      return { speaker: head.name };
    }
    return null;
  }
  const w = wordAt(text, x);
  if (!w) return null;
  const lw = w.word.toLowerCase();
  // "…" former Obama adviser David Axelrod asked: lower-case role words, then the name
  const roled = /^[a-z]/u.test(w.word) && !SPEECH_VERBS.has(lw) && !SUBJECT_PRONOUNS.has(lw) ? mentionAfterRole(view, x, to) : undefined;
  if (roled) {
    const head = nameChain(view, roled);
    if (head && speechVerbAfter(text, head.end, to)) return { speaker: compoundSubject(view, head) ? null : resolveMention(ctx, head, para, x) };
  }
  if (SUBJECT_PRONOUNS.has(lw)) {
    const v = wordAt(text, skipAdverbsForward(text, w.end));
    if (v && SPEECH_VERBS.has(v.word.toLowerCase())) return { speaker: resolvePronoun(ctx, lw, para, x), pronoun: true };
    return null;
  }
  if (SPEECH_VERBS.has(lw)) {
    const after = /^[\s\u00A0]+/u.exec(text.slice(w.end));
    const y = w.end + (after ? after[0].length : 0);
    const s = mentionAt(view, y) ?? mentionAfterRole(view, y, to);
    if (s) {
      const head = nameChain(view, s);
      return { speaker: head && !compoundSubject(view, head) ? resolveMention(ctx, head, para, y) : null };
    }
    const pr = wordAt(text, y);
    if (pr && SUBJECT_PRONOUNS.has(pr.word.toLowerCase())) return { speaker: resolvePronoun(ctx, pr.word, para, y) };
    if (pr && (DETERMINERS.test(pr.word) || /^[a-z]/.test(pr.word))) return { speaker: null };
    return null;
  }
  const rest = text.slice(x, to);
  // "the Tory leader said", "officials said": a role, not a name
  if (DETERMINERS.test(lw)) {
    const verb = /^(?:[\w'\u2019-]+\s+){1,6}?(said|says|told|added|wrote|noted|explained|argued|warned|stated|insisted|asked|found|shows|showed|states|reads)\b/u.exec(rest);
    if (verb) return { speaker: organisationVoice(view, x, x + verb.index + verb[0].length - verb[1]!.length) };
  }
  if (/^[a-z]+s[\s\u00A0]+(?:said|say|told|added|wrote|noted|warned)\b/u.test(rest)) return { speaker: null };
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
  const men = mentionAt(view, at) ?? mentionAfterRole(view, at, sEnd);
  if (men) return { speaker: resolveMention(ctx, men, para, at) };
  return { speaker: null };
}

/** The subject of a speech verb at `v`: a mention just before it (past an appositive), a pronoun, or a role. */
function subjectBefore(ctx: Context, para: number, sStart: number, v: number): Verdict {
  const view = ctx.paras[para]!;
  let prefix = view.masked.slice(sStart, v).replace(/[\s\u00A0]+$/u, "");
  // "Blumenthal was asked": the one asked is not the speaker
  if (/\b(?:was|were|been|being|is|are|get|got)$/u.test(prefix)) return { speaker: null };
  // walk left over adverbs and auxiliaries ("has repeatedly said")
  for (;;) {
    const m = /([A-Za-z]+)$/.exec(prefix);
    if (!m || !(ADVERB_OR_AUX.test(m[1]!) || /ly$/.test(m[1]!)) || /^[A-Z]/.test(m[1]!)) break;
    prefix = prefix.slice(0, m.index).replace(/[\s\u00A0]+$/u, "");
  }
  const end = sStart + prefix.length;
  const men = mentionEndingAt(view, end);
  if (men && men.start >= sStart) {
    if (men.possessive) return { speaker: null };
    return { speaker: compoundSubject(view, men) ? null : resolveMention(ctx, men, para, men.start) };
  }
  if (prefix.endsWith(",")) return appositiveSubject(ctx, para, sStart, end - 1, v);
  const last = /([A-Za-z]+)$/.exec(prefix);
  if (!last) return null;
  const lw = last[1]!.toLowerCase();
  if (SUBJECT_PRONOUNS.has(lw)) return { speaker: resolvePronoun(ctx, lw, para, sStart + last.index) };
  // "Hayek confirmed she had been and said": the subject of the coordinated clause
  if (lw === "and" || lw === "but" || lw === "then") return clauseSubject(ctx, para, sStart, v);
  if (/^[a-z]/.test(last[1]!)) return { speaker: organisationVoice(view, clauseStart(view.masked, sStart, end), end) };
  return null;
}

/** `Her adviser, Jake Sullivan, said` names Sullivan; `Dean Hill, a farmer from Ayr, Ohio, said` names Hill. */
function appositiveSubject(ctx: Context, para: number, sStart: number, comma: number, v: number): Verdict {
  const view = ctx.paras[para]!;
  const text = view.masked;
  const prev = text.lastIndexOf(",", comma - 1);
  if (prev >= sStart) {
    const inner = view.mentions.find((m) => m.end <= comma && text.slice(m.end, comma).trim() === "" && m.runStart >= prev + 1 && text.slice(prev + 1, m.runStart).trim() === "");
    if (inner && /\b[a-z][\w-]*$/u.test(text.slice(sStart, prev))) return { speaker: resolveMention(ctx, inner, para, inner.start) };
  }
  const first = view.mentions.find((m) => m.start >= clauseStart(text, sStart, comma) && m.start < comma);
  if (first && !first.possessive && /^[\s\u00A0]*,/u.test(text.slice(first.end)) && !compoundSubject(view, first)) {
    return { speaker: resolveMention(ctx, first, para, first.start) };
  }
  return clauseSubject(ctx, para, sStart, v);
}

/** Whether a lower-case word is a finite verb (past or present tense, modal, copula) per the lexicon. */
function isFiniteVerb(word: string): boolean {
  if (SPEECH_VERBS.has(word) || /^[a-z]{3,}ed$/u.test(word)) return true;
  // the stem of a negated auxiliary, as the tokenizer leaves it ("didn" of "didn't")
  if (/^(?:didn|doesn|don|wasn|weren|isn|aren|hasn|haven|hadn|won|can|couldn|wouldn|shouldn|has|had|was|is|will|would)$/u.test(word)) return true;
  return lexTags(word).some((t) => t === "PastTense" || t === "PresentTense" || t === "Infinitive" || t === "Modal" || t === "Copula" || t === "Auxiliary");
}

/** Words that open an introductory phrase: the main clause's subject comes after its comma. */
const INTRO = /^(?:of|after|before|while|when|in|at|on|during|as|although|though|if|since|speaking|asked|following|despite|with|without|from|for|by|under|earlier|later|last|this|meanwhile|however|still|yet|and|but|so|then|also|once)\b/iu;

/** Where the main clause starts: after an introductory phrase (`In Washington, …`) when there is one. */
function clauseStart(text: string, sStart: number, limit: number): number {
  const from = sStart + (/^[\s\u00A0]*/u.exec(text.slice(sStart))?.[0].length ?? 0);
  if (!INTRO.test(text.slice(from))) return from;
  const comma = text.indexOf(",", from);
  return comma > 0 && comma < limit ? comma + 1 : from;
}

/** The subject of the sentence's main clause: its first mention or he/she that a finite verb follows. */
function clauseSubject(ctx: Context, para: number, sStart: number, limit: number): Verdict {
  const view = ctx.paras[para]!;
  const text = view.masked;
  const from = clauseStart(text, sStart, limit);
  const candidates: Array<{ start: number; end: number; mention?: NameMention; pronoun?: string }> = [];
  for (const m of view.mentions) if (m.start >= from && m.start < limit && !m.possessive) candidates.push({ start: m.runStart, end: m.end, mention: m });
  for (const p of text.slice(from, limit).matchAll(/\b(he|she|He|She|they|They|it|It)\b/gu)) candidates.push({ start: from + p.index, end: from + p.index + p[0].length, pronoun: p[1]! });
  candidates.sort((a, b) => a.start - b.start);
  for (const c of candidates) {
    if (!followedByVerb(text, c.end, limit)) continue;
    if (c.pronoun) return { speaker: resolvePronoun(ctx, c.pronoun, para, c.start) };
    const m = c.mention!;
    return { speaker: compoundSubject(view, m) ? null : resolveMention(ctx, m, para, m.start) };
  }
  return null;
}

/** Whether a finite verb follows `pos` directly or after an appositive between commas. */
function followedByVerb(text: string, at: number, limit: number): boolean {
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

/** A `, Name verb` clause between a speech verb and the quote: its subject is the speaker. */
function clauseAfter(ctx: Context, para: number, from: number, to: number): Verdict {
  const view = ctx.paras[para]!;
  for (const m of view.mentions) {
    if (m.runStart <= from || m.end >= to || m.possessive) continue;
    if (!/,[\s\u00A0]*$/u.test(view.masked.slice(from, m.runStart))) continue;
    const w = wordAt(view.masked, skipAdverbsForward(view.masked, m.end));
    if (w && /^[a-z]/.test(w.word) && isFiniteVerb(w.word)) return { speaker: resolveMention(ctx, m, para, m.start) };
  }
  return null;
}

/** Sieve 3, `Rubio, on his end, said … "…"` / `…, saying that … "…"`: a speech verb earlier in the sentence. */
function leadingSieve(ctx: Context, para: number, sStart: number, openMark: number): Verdict {
  const text = ctx.paras[para]!.masked;
  const before = text.slice(sStart, openMark);
  const verbs = [...before.matchAll(/\b([a-z]+)\b/gu)].filter((m) => SPEECH_VERBS.has(m[1]!) || PARTICIPLES.has(m[1]!));
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
      !/(?:\b(?:was|were|been|being|is|are|get|got|to|who|which|that|the|a|an|his|her|their|its)|['\u2019]s?)[\s\u00A0]+$/u.test(before.slice(0, m.index)),
  );
  const v = active[active.length - 1];
  if (!v) return { speaker: null };
  const vPos = sStart + v.index;
  const vEnd = vPos + v[0].length;
  // "explained moderator Nancy Cordes: "…"": the speaker follows the verb
  const inverted = INVERTIBLE.has(v[1]!) ? (mentionAt(ctx.paras[para]!, vEnd + 1) ?? mentionAfterRole(ctx.paras[para]!, vEnd, openMark)) : undefined;
  if (inverted && /^[\s\u00A0]*[,:][\s\u00A0]*$/u.test(text.slice(inverted.end, openMark))) return { speaker: resolveMention(ctx, inverted, para, inverted.start) };
  // "After Brown criticized Clinton, Hillary shot back, "…"": a later clause with its own subject
  const later = /\bthat\b/u.test(text.slice(vEnd, openMark)) ? null : clauseAfter(ctx, para, vEnd, openMark);
  if (later) return later;
  if (PARTICIPLES.has(v[1]!)) {
    // "footage of Hillary Clinton asking, "…"": the name right before the participle
    const right = mentionEndingAt(ctx.paras[para]!, vPos);
    if (right && right.start >= sStart && !right.possessive && /^[\s\u00A0]*[,:]?[\s\u00A0]*$/u.test(text.slice(vEnd, openMark))) return { speaker: resolveMention(ctx, right, para, right.start) };
    return clauseSubject(ctx, para, sStart, vPos);
  }
  return subjectBefore(ctx, para, sStart, vPos);
}

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

/** Sieve 4b, `Obama "felt an obligation" to act, Axelrod said.`: an attribution closing the quote's sentence. */
function sentenceEndSieve(ctx: Context, s: QuoteSpan): Verdict {
  if (s.closeMark < 0) return null;
  const view = ctx.paras[s.endParagraph]!;
  const [, sEnd] = sentenceAround(view.masked, s.closeMark);
  const tail = view.masked.slice(s.closeMark + 1, sEnd);
  if (tail.includes(MASK)) return null;
  // try each comma from the last: ", says Evan Tracey, a consultant with National Media in Alexandria, Va."
  for (let comma = tail.lastIndexOf(","); comma >= 0; comma = comma > 0 ? tail.lastIndexOf(",", comma - 1) : -1) {
    const v = trailingSieve(ctx, s.endParagraph, s.closeMark + 1 + comma, sEnd, false, false);
    if (v) return v;
  }
  return null;
}

/** Sieve 4, `Cruz continued:` ending the previous paragraph, then a paragraph that opens with the quote. */
function introSieve(ctx: Context, s: QuoteSpan): Verdict {
  const view = ctx.paras[s.paragraph]!;
  if (s.paragraph === 0 || view.masked.slice(0, s.openMark).trim() !== "") return null;
  const prev = ctx.paras[s.paragraph - 1]!.masked.replace(/[\s\u00A0]+$/u, "");
  if (prev.endsWith(MASK) || prev.includes(MASK)) return null;
  const [pStart] = sentenceAround(prev, prev.length - 1);
  if (/[:,]$/u.test(prev)) return leadingSieve(ctx, s.paragraph - 1, pStart, prev.length);
  // "Cruz said states can pass such laws." then a paragraph of pure quotation: the paraphrase's speaker goes on
  if (!onlyQuote(view) || !prev.endsWith(".")) return null;
  const sentence = prev.slice(pStart);
  const said = /^(?:[\p{Lu}][\p{L}.'\u2019-]*[\s\u00A0]+){1,4}(?:also[\s\u00A0]+)?(?:said|says|added|argued|noted|explained|told)\b/u.exec(sentence);
  if (!said) return null;
  const head = ctx.paras[s.paragraph - 1]!.mentions.find((m) => m.runStart === pStart || m.start === pStart);
  return head && !head.possessive ? { speaker: resolveMention(ctx, head, s.paragraph - 1, head.start) } : null;
}

/**
 * Sieve 5, a quote the narration does not attribute carries on from the quote before it when nothing but that
 * speaker is named in between: `"…," he said. "…"` and a paragraph of pure quotation after a quoted paragraph.
 */
function continuedSpeaker(ctx: Context, spans: QuoteSpan[], verdicts: Verdict[], i: number): string | null {
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

/**
 * `The talks may stall, Schiff said. "The other factor …"`: a paraphrase attributed at its end, right before
 * the quote in the same paragraph, names the quote's speaker too.
 */
function previousSentenceSpeaker(ctx: Context, s: QuoteSpan): string | null {
  const view = ctx.paras[s.paragraph]!;
  const before = view.masked.slice(0, s.openMark).replace(/[\s\u00A0]+$/u, "");
  if (!before.endsWith(".") || before.endsWith(MASK + ".") || before.includes(MASK)) return null;
  const [sStart] = sentenceAround(view.masked, before.length - 1);
  const sentence = before.slice(sStart);
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
  return view.mentions.every((m) => m.end <= from || m.start >= to || resolveMention(ctx, m, para, m.start) === speaker);
}

/** Whether a paragraph's narration is empty: it holds nothing but quotation. */
function onlyQuote(view: ParaView): boolean {
  return !/\p{L}/u.test(view.masked.replace(/\uE000/gu, ""));
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
      if (m.kind !== "person" || m.possessive || !followedByVerb(v.masked, m.end, v.masked.length)) continue;
      ctx.timeline.push([p, m.start, ctx.registry.resolve(m.name) ?? m.name]);
    }
  });
  const verdicts = spans.map((s) => sentenceSieves(ctx, s));
  // `"a" and "b," Dean said`: partial quotes joined by a conjunction share the attribution of the last one
  for (let i = verdicts.length - 2; i >= 0; i--) {
    const [a, b] = [spans[i]!, spans[i + 1]!];
    if (verdicts[i] || !verdicts[i + 1] || a.endParagraph !== b.paragraph || a.closeMark < 0) continue;
    if (/^[\s\u00A0,]*(?:and|or)?[\s\u00A0]*$/u.test(paras[a.endParagraph]!.masked.slice(a.closeMark + 1, b.openMark))) verdicts[i] = verdicts[i + 1]!;
  }
  return spans.map((s, i) => {
    const v = verdicts[i];
    if (v) return v.speaker;
    return continuedSpeaker(ctx, spans, verdicts, i);
  });
}
