// Entity facets for an article: people, places and organisations it names, cleaned and in canonical form.
import type { Article } from "./types.js";
import { analyzeTexts, hasKnownFirstName, lexTags, surnameOf, type NameMention } from "./names.js";
import { cachedNarration } from "./attribution/index.js";
import { extractQuotes } from "./quotes.js";

/** People, places and organisations named in an article. */
export interface ArticleEntities {
  people: string[];
  places: string[];
  organizations: string[];
}

/** A leading article is not part of an organisation's name for a facet (`The Post` → `Post` reads badly, so keep multi-word ones). */
function orgName(m: NameMention): string {
  return m.name.replace(/^(?:The|A|An)\s+/u, "");
}

/** Adds `value` once, comparing case-insensitively. */
function addOnce(list: string[], value: string): void {
  const key = value.toLowerCase();
  if (!list.some((v) => v.toLowerCase() === key)) list.push(value);
}

/**
 * Tags the people, places and organisations an article names. Names come from capitalised runs with titles
 * and roles stripped and particles kept; a surname-only mention joins the full name the article introduced;
 * a single capitalised word the article never ties to a full name is dropped rather than guessed at.
 * Pronouns and lower-case words never appear (they are not capitalised runs).
 */
export function tagEntities(article: Article): ArticleEntities {
  // reuse the analysis the quote finder made of the same paragraphs (the chunker runs it first)
  // the narration (quotes masked), analysed by the quote finder of the same paragraphs: run it if it has not run
  let cached = cachedNarration(article.paragraphs);
  if (!cached) {
    extractQuotes(article.paragraphs);
    cached = cachedNarration(article.paragraphs);
  }
  const texts = cached?.masked ?? article.paragraphs;
  const { mentions: perText, registry } = cached?.analysis ?? analyzeTexts(texts);
  const out: ArticleEntities = { people: [], places: [], organizations: [] };
  const mentions = perText.flat();
  // "Ioan Grillo, a journalist …": an appositive role is evidence of a person
  const described = new Set(
    perText.flatMap((list, i) => list.filter((m) => /^,\s+(?:a|an|the)\s+[a-z]/u.test(texts[i]!.slice(m.end, m.end + 8))).map((m) => m.name)),
  );
  const alone = new Set(mentions.filter((m) => !m.name.includes(" ")).map((m) => m.name));
  const titled = new Set(mentions.filter((m) => m.titled).map((m) => m.name));
  /** Evidence that a full name is a person: a title, a known given name, or its surname used alone. */
  const isPerson = (full: string): boolean => titled.has(full) || described.has(full) || hasKnownFirstName(full) || alone.has(surnameOf(full)) || /^(?:de|van|von|bin|al|da|di|du|le|la)$/iu.test(surnameOf(full).split(" ")[0] ?? "");
  for (const m of mentions) {
    if (m.kind === "place") addOnce(out.places, m.name);
    else if (m.kind === "org") {
      // a lone word counts only as an acronym (`AOL`) or a name the lexicon knows (`Google`), not `Council`
      if (m.name.includes(" ") || /^\p{Lu}{2,}$/u.test(m.name) || lexTags(m.name).includes("Organization")) addOnce(out.organizations, orgName(m));
    } else {
      const full = registry.resolve(m.name);
      if (full && isPerson(full)) addOnce(out.people, full);
    }
  }
  return out;
}
