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
/** Occupations stripped in front of a name (`baker Hannah Price`) but kept alone, as many are surnames. */
const ROLES = new Set(titlesData.roles);
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
/** Last words that make a capitalised run a place (`Quay Street`, `Mexico City`), and first words (`Port Alder`). */
const PLACE_HEADS = new Set(["street", "st", "road", "avenue", "ave", "lane", "square", "place", "city", "town", "village", "river", "lake", "bay", "bridge", "palace", "park", "island", "islands", "mountain", "mountains", "valley", "county", "province", "region", "district", "coast", "sea", "ocean", "gulf", "harbour", "harbor", "hill", "hills", "heights", "beach", "canyon", "desert", "forest", "airport", "station", "stadium", "arena", "hall", "tower", "building", "centre", "center", "cathedral", "church", "mosque", "temple", "strait", "peninsula", "republic", "kingdom", "emirates", "states"]);
const PLACE_PREFIXES = new Set(["port", "mount", "mt", "lake", "river", "fort", "cape", "saint", "san", "santa", "st", "new", "north", "south", "east", "west", "upper", "lower", "greater"]);
const FIRST_NAME_TAGS = new Set(["FirstName", "MaleName", "FemaleName"]);

/** Whether the lexicon knows the word only as an ordinary word (so a capital at a sentence start proves nothing). */
export function isCommonWord(word: string): boolean {
  const w = word.toLowerCase();
  if (NON_NAMES.has(w) || PRONOUNS.has(w)) return true;
  const tags = lexTags(w);
  return tags.length > 0 && !tags.some((t) => NAME_TAGS.has(t) || PLACE_TAGS.has(t) || ORG_TAGS.has(t));
}

/** Whether the lexicon knows the first word of a name as a given name (`Marco`, `Claudia`). */
export function hasKnownFirstName(name: string): boolean {
  return lexTags(name.split(" ")[0] ?? "").some((t) => FIRST_NAME_TAGS.has(t));
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

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'\u2019-]*\.?/gu;
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

/** Length of a possessive ending (`'s`, `’s`, `'`), or 0. */
function possessiveLength(word: string): number {
  const last = word.charAt(word.length - 1);
  if (last === "'" || last === "\u2019") return 1;
  const prev = word.charAt(word.length - 2);
  return (last === "s" || last === "S") && (prev === "'" || prev === "\u2019") ? 2 : 0;
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
    const cut = possessiveLength(word);
    if (cut > 0 && word.length > cut + 1) {
      word = word.slice(0, -cut);
      possessive = true;
    }
    const gap = text.slice(prevEnd, start);
    // "G.K. Butterfield": initials written together are one name
    const joined = tokens.length > 0 && !prevEndsSentence && (gap === " " || /^[ \t\u00A0]+$/u.test(gap) || (gap === "" && /^\p{Lu}\.$/u.test(prevText)));
    const sentenceStart = gap === " " && !prevText.endsWith(".") && tokens.length > 0 ? false : startsSentence(gap, tokens.length === 0 ? null : prevText);
    tokens.push({ text: word, start, end: start + word.length, joined, sentenceStart, possessive });
    prevEnd = start + m[0].length;
    prevText = m[0];
    prevEndsSentence = endsSentence;
  }
  return tokens;
}

/** Starts with a capital letter (a letter whose lower case differs). */
const isCap = (w: string): boolean => {
  const c = w.charAt(0);
  return c !== c.toLowerCase();
};
const bare = (w: string): string => (w.endsWith(".") ? w.slice(0, -1) : w).toLowerCase();

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

/** Whether the lexicon knows a word only as a verb form. */
function isVerbOnly(w: string): boolean {
  const tags = lexTags(w);
  return tags.length > 0 && tags.every((t) => t === "Infinitive" || t === "PresentTense" || t === "PastTense" || t === "Gerund" || t === "PhrasalVerb");
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
    if (/-year-old$|^\d|^\p{L}+-(?:owned|based|born|led|backed|run|funded|made)$/u.test(w)) {
      // "Nineteen-year-old Lena Vasquez", "81-year-old Ann Bell": an age, not a name
    } else if (HONORIFICS.has(w) || TITLES.has(w) || ROLES.has(w)) {
      titled = true;
      sawTitle = true;
    } else if (sawTitle && (OFFICES.has(w) || tags.includes("Demonym"))) {
      // "Secretary of State", "Prime Minister", "Mexican President": part of the title
    } else if (tags.includes("Demonym") && (TITLES.has(bare(run[i + 1]!.text)) || HONORIFICS.has(bare(run[i + 1]!.text)))) {
      // "Mexican President": the demonym goes with the title that follows
    } else if (isVerbOnly(w) && i === 0) {
      // "Deport Nikki Haley": a verb in front of a name (slogans, headlines)
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
  if (words.length >= 2 && (PLACE_HEADS.has(last) || PLACE_PREFIXES.has(lower[0]!))) return "place";
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
  return mentionsOf(text, tokenize(text), known);
}

/** Mentions from already tokenized text. */
function mentionsOf(text: string, tokens: Token[], known?: ReadonlySet<string>, surnames?: ReadonlySet<string>): NameMention[] {
  const mentions: NameMention[] = [];
  for (const run of capitalisedRuns(tokens)) {
    const { words, titled } = stripLeading(run, known);
    const first = words[0];
    const last = words[words.length - 1];
    if (!first || !last) continue;
    const names = words.map((w) => w.text);
    // initials alone ("U." of "U.S.") name nobody
    if (words.every((w) => /^\p{Lu}\.?$/u.test(w.text))) continue;
    // a title-case headline ("Unlikely To Have A Good Day"), not a name
    // (a middle initial is no word: `Julie A. Diaz`)
    if (words.slice(1).some((w) => isCap(w.text) && NON_NAMES.has(bare(w.text)) && !/^\p{Lu}\.$/u.test(w.text))) continue;
    // "Mr. King", "Ms. Judge": after Mr./Ms. a title word is a surname
    // and so is one that ends a full name in the same texts (`Billie Jean King` … `King says`)
    const surnameAfterHonorific = run.length >= 2 && /^(?:mr|mrs|ms|miss|mx|dr)$/u.test(bare(run[run.length - 2]!.text)) && !HONORIFICS.has(bare(first.text));
    const surname = surnameAfterHonorific || (surnames?.has(bare(first.text)) ?? false);
    if (names.length === 1 && !surname && (NON_NAMES.has(bare(first.text)) || PRONOUNS.has(bare(first.text)) || HONORIFICS.has(bare(first.text)) || TITLES.has(bare(first.text)))) continue;
    if (names.length === 1 && first.sentenceStart && isCommonWord(first.text) && !known?.has(bare(first.text))) continue;
    mentions.push({
      start: first.start,
      end: last.end,
      runStart: run[0]!.start,
      name: text.slice(first.start, last.end).replace(/[\s\u00A0]+/gu, " "),
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
  private readonly keys: string[] = [];
  private readonly surnames: string[] = [];
  private readonly cache = new Map<string, string[]>();

  /** Records a multi-word person name (the first, fullest form wins over shorter ones it contains). */
  add(name: string): void {
    const key = foldName(name);
    if (this.keys.some((f) => f === key || f.endsWith(` ${key}`))) return;
    const idx = this.keys.findIndex((f) => key.endsWith(` ${f}`));
    if (idx >= 0) {
      this.full.splice(idx, 1);
      this.keys.splice(idx, 1);
      this.surnames.splice(idx, 1);
    }
    this.full.push(name);
    this.keys.push(key);
    this.surnames.push(foldName(surnameOf(name)));
    this.cache.clear();
  }

  /** Known full names, in first-mention order. */
  names(): readonly string[] {
    return this.full;
  }

  /**
   * Resolves a mention to a full name: itself when it is full, the full name whose tail it is (`Rubio`,
   * `de la Fuente`, `Ramon de la Fuente`), preferring the latest of `recent()` when several share the surname.
   */
  resolve(name: string, recent?: () => readonly string[]): string | null {
    const key = foldName(name);
    if (!key) return null;
    let hits = this.cache.get(key);
    if (!hits) {
      hits = this.full.filter((_, i) => this.keys[i] === key || this.keys[i]!.endsWith(` ${key}`) || this.surnames[i] === key);
      this.cache.set(key, hits);
    }
    if (hits.length === 0) return null;
    if (hits.length === 1 || !recent) return hits[0]!;
    const latest = recent();
    for (let i = latest.length - 1; i >= 0; i--) if (hits.includes(latest[i]!)) return latest[i]!;
    return hits[0]!;
  }
}

/** Builds the registry of full person names an article mentions (narration only; quotes masked by the caller). */
/** Name mentions of every text of one article, with the article's known names and full-name registry. */
export interface TextsAnalysis {
  mentions: NameMention[][];
  known: Set<string>;
  registry: PeopleRegistry;
}

/** Tokenizes each text once and derives mentions, mid-sentence capitals and the people registry from it. */
export function analyzeTexts(texts: string[]): TextsAnalysis {
  const tokens = texts.map(tokenize);
  const known = new Set<string>();
  for (const list of tokens) for (const t of list) if (!t.sentenceStart && isCap(t.text)) known.add(bare(t.text));
  let mentions = tokens.map((list, i) => mentionsOf(texts[i]!, list, known));
  // surnames that are also titles or common words (`King`, `Judge`, `Will`), proven by a full name in these texts
  const surnames = new Set<string>();
  for (const list of mentions) {
    for (const m of list) {
      const last = bare(m.name.split(" ").pop() ?? "");
      if (m.kind === "person" && m.name.includes(" ") && (TITLES.has(last) || NON_NAMES.has(last))) surnames.add(last);
    }
  }
  if (surnames.size > 0) mentions = tokens.map((list, i) => mentionsOf(texts[i]!, list, known, surnames));
  const registry = new PeopleRegistry();
  for (const list of mentions) for (const m of list) if (m.kind === "person" && m.name.includes(" ")) registry.add(m.name);
  return { mentions, known, registry };
}

export function buildPeopleRegistry(texts: string[], known?: ReadonlySet<string>): PeopleRegistry {
  const reg = new PeopleRegistry();
  for (const text of texts) {
    for (const m of findNameMentions(text, known)) {
      if (m.kind === "person" && m.name.includes(" ")) reg.add(m.name);
    }
  }
  return reg;
}

/** Folded alias → canonical full name, kept with the index so one person has one facet value across articles. */
export type AliasTable = Record<string, string>;

/**
 * Builds the cross-article alias table from every person name the corpus uses (speakers and people facets).
 * Spellings that fold alike (`José Pérez`, `Jose Perez`) join the most frequent spelling; a surname or a
 * shorter tail (`Rubio`, `Ramon de la Fuente`) joins a full name only when exactly one full name in the corpus
 * ends that way: never on a surname that two full names share.
 */
export function buildAliasTable(names: Iterable<string>): AliasTable {
  const counts = new Map<string, Map<string, number>>();
  for (const name of names) {
    const key = foldName(name);
    if (!key) continue;
    const spellings = counts.get(key) ?? new Map<string, number>();
    spellings.set(name, (spellings.get(name) ?? 0) + 1);
    counts.set(key, spellings);
  }
  const spelling = new Map<string, string>();
  for (const [key, spellings] of counts) {
    const best = [...spellings.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    spelling.set(key, best[0]);
  }
  const keys = [...spelling.keys()];
  const table: AliasTable = {};
  for (const key of keys) {
    const longer = keys.filter((k) => k !== key && k.endsWith(` ${key}`) && k.split(" ").length >= 2);
    // the fullest forms: longer names that no even longer candidate contains
    const fullest = longer.filter((k) => !longer.some((o) => o !== k && o.endsWith(` ${k}`)));
    table[key] = fullest.length === 1 ? spelling.get(fullest[0]!)! : spelling.get(key)!;
  }
  return table;
}

/** Maps names to their canonical form through the alias table (unknown names stay as they are), without duplicates. */
export function canonicalizePeople(names: readonly string[], table: AliasTable): string[] {
  const out: string[] = [];
  for (const name of names) {
    const canonical = table[foldName(name)] ?? name;
    if (!out.includes(canonical)) out.push(canonical);
  }
  return out;
}
