// Name mentions: capitalised runs with titles and roles stripped, particles kept, surnames mapped to full names.
import { createRequire } from "node:module";
import titlesData from "./data/titles.json" with { type: "json" };

/** What kind of thing a mention names, as far as cheap evidence tells. */
export type MentionKind = "person" | "org" | "place" | "unknown";

/** One proper-name mention found in a piece of text. */
export interface NameMention {
  /** Offsets of the cleaned name in the text (titles stripped, possessive excluded). */
  start: number;
  end: number;
  /** Where the whole capitalised run began, titles included (`Secretary` in `Secretary of State Marco Rubio`). */
  runStart: number;
  /** The cleaned name, e.g. `Marco Rubio` for `Secretary of State Marco Rubio's`. */
  name: string;
  kind: MentionKind;
  /** A title or honorific stood before it (`Sen.`, `President`, `Mr.`): evidence of a person. */
  titled: boolean;
  /** Written as a possessive (`Rubio's`): not the subject of a following verb. */
  possessive: boolean;
  /** First word of its sentence (where capitals prove nothing). */
  sentenceStart: boolean;
}

const HONORIFICS = new Set(titlesData.honorifics);
const TITLES = new Set(titlesData.titles);
const OFFICES = new Set(titlesData.offices);
const PARTICLES = new Set(titlesData.particles);
const ORG_HEADS = new Set(titlesData.orgHeads);
const NON_NAMES = new Set(titlesData.nonNames);
/** Pronouns, shared with the attribution sieves and the entity cleaner. */
export const PRONOUNS = new Set(titlesData.pronouns);

type Lexicon = Record<string, string | string[]>;
let lexiconCache: Lexicon | null = null;

/** compromise's word list (names, places, organisations, common words), loaded on first use. */
function lexicon(): Lexicon {
  if (!lexiconCache) {
    const require = createRequire(import.meta.url);
    const nlp = require("compromise") as { model(): { one: { lexicon: Lexicon } } };
    lexiconCache = nlp.model().one.lexicon;
  }
  return lexiconCache;
}

/** The lexicon's tags for a word or phrase (lower-cased), or none. */
export function lexTags(word: string): string[] {
  const t = lexicon()[word.toLowerCase()];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
}

const NAME_TAGS = new Set(["FirstName", "MaleName", "FemaleName", "LastName", "Person", "ProperNoun", "Honorific"]);
const PLACE_TAGS = new Set(["Country", "City", "Region", "Place"]);
const ORG_TAGS = new Set(["Organization", "SportsTeam"]);
const FIRST_NAME_TAGS = new Set(["FirstName", "MaleName", "FemaleName"]);

/** Whether the lexicon knows the word only as an ordinary word (so a capital at a sentence start proves nothing). */
export function isCommonWord(word: string): boolean {
  const w = word.toLowerCase();
  if (NON_NAMES.has(w) || PRONOUNS.has(w)) return true;
  const tags = lexTags(w);
  return tags.length > 0 && !tags.some((t) => NAME_TAGS.has(t) || PLACE_TAGS.has(t) || ORG_TAGS.has(t));
}

/** `male`, `female` or null from a first name, for matching he/she to a person. */
export function genderOf(name: string): "male" | "female" | null {
  const first = name.split(" ")[0] ?? "";
  const tags = lexTags(first);
  if (tags.includes("MaleName")) return "male";
  if (tags.includes("FemaleName")) return "female";
  return null;
}

interface Token {
  text: string;
  start: number;
  end: number;
  /** Only spaces separate it from the previous token. */
  joined: boolean;
  sentenceStart: boolean;
  possessive: boolean;
}

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'\u2019\-]*\.?/gu;
const ABBREVIATIONS = new Set([...HONORIFICS, ...TITLES, "jr", "sr", "st", "mt", "ft", "no", "inc", "corp", "co", "ltd", "u.s", "d.c"]);

/** A word whose final period does not end a sentence: an initial (`J.`) or a known abbreviation (`Sen.`). */
function isAbbreviation(word: string): boolean {
  return /^\p{Lu}\.$/u.test(word) || ABBREVIATIONS.has(word.slice(0, -1).toLowerCase());
}

/** Whether the gap before a word (and the previous word) puts the word at the start of a sentence. */
function startsSentence(gap: string, prevWord: string | null): boolean {
  if (prevWord === null) return /^[\s"'\u201C\u201D\u2018\u2019\u00AB\u2014\u2013(\-\uE000]*$/u.test(gap);
  if (/[.!?][\s"'\u201C\u201D\u2018\u2019\uE000)]*$/u.test(gap)) return true;
  if (/\uE000\s*$/u.test(gap) && !/[,;]/u.test(gap.replace(/\uE000/gu, ""))) return true;
  return prevWord.endsWith(".") && !isAbbreviation(prevWord) && gap.trim() === "";
}

/** Splits text into word tokens, noting which are joined by spaces only and which start a sentence. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let prevEnd = 0;
  let prevText = "";
  let prevEndsSentence = false;
  for (const m of text.matchAll(WORD_RE)) {
    let word = m[0];
    const start = m.index;
    // a trailing period belongs to initials and abbreviations only; elsewhere it ends the sentence
    let endsSentence = false;
    if (word.endsWith(".") && !isAbbreviation(word)) {
      word = word.slice(0, -1);
      endsSentence = true;
    }
    let possessive = false;
    const poss = /['\u2019]s?$/u.exec(word);
    if (poss && word.length > poss[0].length + 1) {
      word = word.slice(0, -poss[0].length);
      possessive = true;
    }
    const gap = text.slice(prevEnd, start);
    const joined = tokens.length > 0 && !prevEndsSentence && /^[ \t\u00A0]+$/u.test(gap);
    const sentenceStart = startsSentence(gap, tokens.length === 0 ? null : prevText);
    tokens.push({ text: word, start, end: start + word.length, joined, sentenceStart, possessive });
    prevEnd = start + m[0].length;
    prevText = m[0];
    prevEndsSentence = endsSentence;
  }
  return tokens;
}

const isCap = (w: string): boolean => /^\p{Lu}/u.test(w) || /^(?:O'|O\u2019|Mc|Mac|d'|D')\p{Lu}/u.test(w);
const bare = (w: string): string => w.replace(/\.$/u, "").toLowerCase();

/** A word that belongs to a title rather than a name (`Secretary`, `State`, `of`). */
const isTitleWord = (w: string): boolean => TITLES.has(w) || HONORIFICS.has(w) || OFFICES.has(w) || lexTags(w).includes("Demonym");

/** Groups tokens into runs of capitalised words (particles and `of` inside a title allowed). */
function capitalisedRuns(tokens: Token[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const flush = (): void => {
    while (run.length > 0 && !isCap(run[run.length - 1]!.text)) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  tokens.forEach((t, i) => {
    // particles chain until a capitalised word: "de la Fuente", "van der Berg"
    let k = i + 1;
    while (tokens[k] !== undefined && tokens[k]!.joined && PARTICLES.has(bare(tokens[k]!.text))) k++;
    const next = tokens[k];
    const nextCap = next !== undefined && next.joined && isCap(next.text);
    const w = bare(t.text);
    const continues = run.length > 0 && t.joined && !run[run.length - 1]!.possessive;
    if (isCap(t.text)) {
      if (!continues) flush();
      run.push(t);
    } else if (continues && (w === "of" || w === "the") && run.some((r) => TITLES.has(bare(r.text))) && run.every((r) => isTitleWord(bare(r.text))) && tokens[i + 1]?.joined === true && (isCap(tokens[i + 1]!.text) || bare(tokens[i + 1]!.text) === "the")) {
      run.push(t); // "Secretary of State", "Speaker of the House"
    } else if (nextCap && PARTICLES.has(w)) {
      if (!continues) flush();
      run.push(t);
    } else {
      flush();
    }
  });
  flush();
  return runs;
}

/** Drops the titles, roles, demonyms and sentence-initial common words in front of a name. */
function stripLeading(run: Token[], known?: ReadonlySet<string>): { words: Token[]; titled: boolean } {
  let i = 0;
  let titled = false;
  let sawTitle = false;
  // "Texas Senator Ted Cruz", "Republican National Committee Chairman Reince Priebus": cut at the last title
  const lastTitle = run.slice(0, -1).findLastIndex((t) => TITLES.has(bare(t.text)) || HONORIFICS.has(bare(t.text)));
  if (lastTitle > 0 && !ORG_HEADS.has(bare(run[run.length - 1]!.text))) {
    i = lastTitle;
  }
  while (i < run.length - 1) {
    const w = bare(run[i]!.text);
    const tags = lexTags(w);
    if (HONORIFICS.has(w) || TITLES.has(w)) {
      titled = true;
      sawTitle = true;
    } else if (sawTitle && (OFFICES.has(w) || tags.includes("Demonym"))) {
      // "Secretary of State", "Prime Minister", "Mexican President": part of the title
    } else if (tags.includes("Demonym") && (TITLES.has(bare(run[i + 1]!.text)) || HONORIFICS.has(bare(run[i + 1]!.text)))) {
      // "Mexican President": the demonym goes with the title that follows
    } else if (NON_NAMES.has(w) || (i === 0 && run[0]!.sentenceStart && isCommonWord(w) && !known?.has(w) && lexTags(`${w} ${bare(run[1]!.text)}`).length === 0)) {
      // "The", "Speaking", "Meanwhile": not part of a name
    } else if (sawTitle && PARTICLES.has(w) === false && !isCap(run[i]!.text)) {
      // "of"/"the" inside a title
    } else {
      break;
    }
    i++;
  }
  return { words: run.slice(i), titled };
}

/** What a cleaned name is, from its words and whether a title stood before it. */
function classify(words: string[], titled: boolean): MentionKind {
  const lower = words.map((w) => w.toLowerCase());
  const last = lower[lower.length - 1] ?? "";
  const phrase = lower.join(" ");
  const tags = [...lexTags(phrase), ...(words.length === 1 ? [] : [])];
  if (titled) return "person";
  if (tags.some((t) => ORG_TAGS.has(t)) || ORG_HEADS.has(last) || /^\p{Lu}{2,}$/u.test(words[words.length - 1] ?? "")) return "org";
  if (tags.some((t) => PLACE_TAGS.has(t))) return "place";
  if (words.length >= 2) {
    if (lexTags(lower[0]!).some((t) => FIRST_NAME_TAGS.has(t))) return "person";
    if (lower.every((w) => isCommonWord(w))) return "unknown";
    if (words.some((w) => /^\p{Lu}\.$/u.test(w))) return "person";
    if (lower.every((w) => lexTags(w).some((t) => PLACE_TAGS.has(t)) || PLACE_TAGS.has(lexTags(w)[0] ?? ""))) return "place";
    return "person";
  }
  const t1 = lexTags(last);
  if (t1.some((t) => PLACE_TAGS.has(t))) return "place";
  if (t1.some((t) => ORG_TAGS.has(t))) return "org";
  if (t1.some((t) => t === "LastName" || t === "Person" || FIRST_NAME_TAGS.has(t))) return "person";
  return "unknown";
}

/**
 * Finds proper-name mentions in a text: capitalised runs (`de la Fuente`, `van Dijk`, `bin Salman`, `O'Brien`
 * keep their particles), with leading titles, roles and demonyms stripped and possessives noted.
 * Quotation contents should be masked by the caller when only the narration matters.
 */
export function findNameMentions(text: string, known?: ReadonlySet<string>): NameMention[] {
  const mentions: NameMention[] = [];
  for (const run of capitalisedRuns(tokenize(text))) {
    const { words, titled } = stripLeading(run, known);
    const first = words[0];
    const last = words[words.length - 1];
    if (!first || !last) continue;
    const names = words.map((w) => w.text);
    if (names.length === 1 && (NON_NAMES.has(bare(first.text)) || PRONOUNS.has(bare(first.text)) || HONORIFICS.has(bare(first.text)) || TITLES.has(bare(first.text)))) continue;
    if (names.length === 1 && first.sentenceStart && isCommonWord(first.text) && !known?.has(bare(first.text))) continue;
    mentions.push({
      start: first.start,
      end: last.end,
      runStart: run[0]!.start,
      name: names.join(" "),
      kind: classify(names, titled),
      titled,
      possessive: last.possessive,
      sentenceStart: run[0]!.sentenceStart,
    });
  }
  return mentions;
}

/**
 * Lower-cased words an article writes with a capital in mid-sentence: evidence that the same word at a
 * sentence start is a name too (`Pence`, `Paul`, `Rice`), not the common word the lexicon knows.
 */
export function midSentenceCapitals(texts: string[]): Set<string> {
  const known = new Set<string>();
  for (const text of texts) {
    for (const t of tokenize(text)) if (!t.sentenceStart && /^\p{Lu}/u.test(t.text)) known.add(bare(t.text));
  }
  return known;
}

/** A folded key for comparing names: lower case, no accents, no punctuation. */
export function foldName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The surname of a full name, particles included: `Juan Ramon de la Fuente` → `de la Fuente`. */
export function surnameOf(name: string): string {
  const words = name.split(" ").filter((w) => !/^(jr|sr|ii|iii|iv)\.?$/iu.test(w));
  let i = words.length - 1;
  while (i > 1 && PARTICLES.has(words[i - 1]!.toLowerCase())) i--;
  return words.slice(i).join(" ");
}

/** The people one article names in full, so a later surname-only mention maps back to the full name. */
export class PeopleRegistry {
  private readonly full: string[] = [];

  /** Records a multi-word person name (the first, fullest form wins over shorter ones it contains). */
  add(name: string): void {
    const key = foldName(name);
    if (this.full.some((f) => foldName(f) === key || foldName(f).endsWith(` ${key}`))) return;
    const idx = this.full.findIndex((f) => key.endsWith(` ${foldName(f)}`));
    if (idx >= 0) this.full.splice(idx, 1);
    this.full.push(name);
  }

  /** Known full names, in first-mention order. */
  names(): readonly string[] {
    return this.full;
  }

  /**
   * Resolves a mention to a full name: itself when it is full, the full name whose tail it is (`Rubio`,
   * `de la Fuente`, `Ramon de la Fuente`), preferring `recent` when several share the surname; else null.
   */
  resolve(name: string, recent: readonly string[] = []): string | null {
    const key = foldName(name);
    if (!key) return null;
    const hits = this.full.filter((f) => {
      const fk = foldName(f);
      return fk === key || fk.endsWith(` ${key}`) || foldName(surnameOf(f)) === key;
    });
    if (hits.length === 0) return null;
    if (hits.length === 1) return hits[0]!;
    for (let i = recent.length - 1; i >= 0; i--) if (hits.includes(recent[i]!)) return recent[i]!;
    return hits[0]!;
  }
}

/** Builds the registry of full person names an article mentions (narration only; quotes masked by the caller). */
export function buildPeopleRegistry(texts: string[], known?: ReadonlySet<string>): PeopleRegistry {
  const reg = new PeopleRegistry();
  for (const text of texts) {
    for (const m of findNameMentions(text, known)) {
      if (m.kind === "person" && m.name.includes(" ")) reg.add(m.name);
    }
  }
  return reg;
}
