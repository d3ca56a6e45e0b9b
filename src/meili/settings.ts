// Index names and index settings, in one place: the documents index and the small speakers index beside it.
import type { Meilisearch, Settings } from "meilisearch";
import { awaitTask } from "./tasks.js";

/** Every index derived from the base name (INDEX_NAME). */
export interface IndexNames {
  /** Paragraph and quote documents. */
  docs: string;
  /** One document per speaker, searched by any word of the name (facet search only matches prefixes). */
  speakers: string;
  /** The alias table of person names (one document per non-canonical form), kept with the documents it shaped. */
  aliases: string;
}

/** Names of the indexes that belong to base index `base`. */
export function indexNames(base: string): IndexNames {
  return { docs: base, speakers: `${base}_speakers`, aliases: `${base}_aliases` };
}

/** Patterns a search-only key must cover for the service to work on `base` (and its rebuilt/swapped siblings). */
export function searchKeyIndexes(base: string): string[] {
  return [base, `${base}_*`];
}

/**
 * Facet values returned per facet in a search. Kept small: every /api/search answer carries these distributions.
 * Whoever needs every value (the name canonicalization pass) must detect a full distribution and read another way.
 */
export const MAX_VALUES_PER_FACET = 100;

const equalityOnly = { equality: true, comparison: false };

/** Settings of the documents index. Sort comes first so "newest"/"oldest" order strictly by date. */
export const docsSettings: Settings = {
  searchableAttributes: [
    "text",
    "speaker",
    "speakers",
    "title",
    "topics",
    "people",
    "places",
    "organizations",
    "source",
  ],
  filterableAttributes: [
    {
      attributePatterns: ["type", "speakers", "speaker", "topics", "source"],
      features: { facetSearch: true, filter: equalityOnly },
    },
    {
      attributePatterns: ["publishedTs", "position"],
      features: { facetSearch: false, filter: { equality: true, comparison: true } },
    },
    {
      attributePatterns: ["articleId", "revision", "people", "places", "organizations"],
      features: { facetSearch: false, filter: equalityOnly },
    },
  ],
  sortableAttributes: ["publishedTs", "position"],
  rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness"],
  faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET, sortFacetValuesBy: { "*": "count" } },
  typoTolerance: { disableOnNumbers: true },
  pagination: { maxTotalHits: 10000 },
};

/** Settings of the speakers index: full word search on the name, counts for ordering. */
export const speakersSettings: Settings = {
  searchableAttributes: ["name"],
  filterableAttributes: ["quoteCount"],
  sortableAttributes: ["quoteCount", "sortName"],
  pagination: { maxTotalHits: 100000 },
};

/** Settings of the alias index: looked up by form or by canonical name. */
export const aliasesSettings: Settings = {
  searchableAttributes: ["alias", "canonical"],
  filterableAttributes: ["key", "canonical"],
};

/** Creates (if missing) the indexes of `base` and applies their settings, awaiting every task. */
export async function applySettings(client: Meilisearch, base: string): Promise<void> {
  const names = indexNames(base);
  await ensureIndex(client, names.docs);
  await ensureIndex(client, names.speakers);
  await ensureIndex(client, names.aliases);
  await Promise.all([
    awaitTask(client.index(names.docs).updateSettings(docsSettings), `settings of ${names.docs}`),
    awaitTask(client.index(names.speakers).updateSettings(speakersSettings), `settings of ${names.speakers}`),
    awaitTask(client.index(names.aliases).updateSettings(aliasesSettings), `settings of ${names.aliases}`),
  ]);
}

async function ensureIndex(client: Meilisearch, uid: string): Promise<void> {
  try {
    await client.getRawIndex(uid);
  } catch {
    await awaitTask(client.createIndex(uid, { primaryKey: "id" }), `create ${uid}`).catch((err: unknown) => {
      // Another process may have created it in between; that is fine.
      if ((err as { code?: string }).code !== "index_already_exists") throw err;
    });
  }
}
