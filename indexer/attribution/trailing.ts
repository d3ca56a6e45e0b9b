// Sieves on the words after a quote: `"…," Rubio said`, `"…" ― Ann Li`, and an attribution closing the sentence.
import type { QuoteSpan } from "../quotes.js";
import { type Context, MASK, resolveMention, resolvePronoun, sentenceAround, type Verdict } from "./context.js";
import { CHAIN_STOP, DETERMINERS, SPEECH_VERBS, SUBJECT_PRONOUNS, VOICE_NOUNS } from "./lexicon.js";
import { compoundSubject, mentionAfterRole, mentionAt, nameChain, organisationVoice, skipAdverbsForward, speechVerbAfter, wordAt } from "./mentions.js";

/** Sieve 1, `"…," Rubio said` / `"…," said Rubio` / `"…," he added`: the words right after the close. */
export function trailingSieve(ctx: Context, para: number, from: number, to: number, closedSentence: boolean, intoQuote: boolean): Verdict {
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
    // `"…," Shaw and Li said`: two speakers, no single one; `Shaw and Li run the poll.` is no attribution at all
    if (compoundSubject(view, head)) {
      const second = view.mentions.find((o) => o.start > head.end);
      return speechVerbAfter(text, second?.end ?? head.end, to) ? { speaker: null } : null;
    }
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
  // "…," his nephew Omar el Sayed added: a possessive role, then the name
  if (/^(?:his|her|their)$/u.test(lw)) {
    const named = view.mentions.find((o) => o.runStart > x && o.runStart < to);
    const role = named ? text.slice(w.end, named.runStart).trim().split(/[\s\u00A0]+/u) : [];
    if (named && named.kind === "person" && role.length <= 3 && role.every((r) => /^[a-z][\w-]*$/u.test(r) && !CHAIN_STOP.test(r)) && speechVerbAfter(text, named.end, to)) {
      return { speaker: resolveMention(ctx, named, para, named.start) };
    }
  }
  // "the Tory leader said", "officials said": a role, not a name
  if (DETERMINERS.test(lw)) {
    const verb = /^(?:[\w'\u2019-]+\s+){1,6}?(said|says|told|added|wrote|noted|explained|argued|warned|stated|insisted|asked|found|shows|showed|states|reads)\b/u.exec(rest);
    if (verb) return { speaker: organisationVoice(view, x, x + verb.index + verb[0].length - verb[1]!.length) };
  }
  if (/^[a-z]+s[\s\u00A0]+(?:said|say|told|added|wrote|noted|warned)\b/u.test(rest)) return { speaker: null };
  return null;
}

/** Sieve 4b, `Obama "felt an obligation" to act, Axelrod said.`: an attribution closing the quote's sentence. */
export function sentenceEndSieve(ctx: Context, s: QuoteSpan): Verdict {
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
