// One person, one facet value across articles: the alias table built from the index's own name values, kept in
// `<base>_aliases`, and partial updates that rewrite `speaker`, `speakers` and `people` to the canonical names.
import { createHash } from "node:crypto";
import type { Meilisearch } from "meilisearch";
import type { Logger } from "../src/log.js";
import { applySettings, indexNames, MAX_VALUES_PER_FACET } from "../src/meili/settings.js";
import { awaitTask } from "../src/meili/tasks.js";
import { anyOf, nameCarriersFilter } from "../src/search/filters.js";
import {
  buildAliasTable,
  canonicalizePeople,
  foldName,
  hasKnownFirstName,
  type AliasTable,
} from "./names.js";

/** Document fields that hold person names. */
const NAME_FIELDS = ["speaker", "speakers", "people"] as const;
const PAGE = 10_000;
/** Names per `IN [...]` filter when fetching the documents that hold them. */
const FILTER_BATCH = 200;
const UPDATE_BATCH = 5_000;

/** One entry of the stored alias table: a form the corpus used and the canonical name it now reads. */
export interface AliasDoc {
  id: string;
  alias: string;
  /** `foldName(alias)`. */
  key: string;
  canonical: string;
}

/** What a canonicalization pass did. */
export interface CanonicalReport {
  /** Entries in the stored alias table. */
  aliases: number;
  /** Documents rewritten. */
  rewritten: number;
  /** Forms found in documents and replaced, and the canonical names they became (for the speakers recount). */
  renamed: string[];
  canonical: string[];
}

interface NameFields {
  id: string;
  speaker?: string | null;
  speakers?: string[];
  people?: string[];
}

/**
 * Makes every person name in index `base` canonical: reads the name values with their counts, builds the alias
 * table (with the forms stored by earlier passes, so the table keeps what it learnt), stores it, and rewrites the
 * documents that hold a non-canonical form. Every task is awaited and checked; a second call changes nothing.
 */
export async function canonicalizeIndex(
  client: Meilisearch,
  base: string,
  log?: Logger,
): Promise<CanonicalReport> {
  const names = indexNames(base);
  const counts = await nameCounts(client, names.docs);
  const stored = await loadAliases(client, base);
  const noisy = prefixedCopies([...counts.keys()]);
  const table = trustedOnly(buildAliasTable(withRepeats(counts, stored, noisy)));
  const renamed = [...counts.keys()].filter((name) => isAlias(name, table));
  const entries = aliasDocs([...new Set([...counts.keys(), ...stored.map((a) => a.alias)])], table);
  await storeAliases(client, names.aliases, entries, stored);
  const rewritten = await rewriteDocs(client, names.docs, table, renamed);
  const canonical = [...new Set(renamed.map((name) => table[foldName(name)]!))];
  const report = { aliases: entries.length, rewritten, renamed, canonical };
  log?.info(
    { index: base, aliases: report.aliases, rewritten, renamed: renamed.length },
    "person names canonicalized",
  );
  return report;
}

/** Whether `name` is a form the table maps to another name. */
function isAlias(name: string, table: AliasTable): boolean {
  const canonical = table[foldName(name)];
  return canonical !== undefined && canonical !== name;
}

/** Each counted name as often as it occurs, then each stored alias once (so its mapping is recomputed). */
function* withRepeats(counts: Map<string, number>, stored: AliasDoc[], skip: Set<string>): Generator<string> {
  for (const [name, n] of counts) if (!skip.has(name)) for (let i = 0; i < n; i++) yield name;
  for (const a of stored) if (!skip.has(a.alias)) yield a.alias;
}

/**
 * Names that are another full name with extraction noise in front (`Top-seeded Americans Andy Roddick`,
 * `Corkman Mark Carroll`): they do not start with a given name but end with a name that does. Left out of the
 * table, or the clean, frequent `Andy Roddick` would join the rare noisy form as its "fullest" version.
 */
export function prefixedCopies(names: string[]): Set<string> {
  const named = new Set(names.filter((n) => n.includes(" ") && hasKnownFirstName(n)).map(foldName));
  const out = new Set<string>();
  for (const name of names) {
    const words = foldName(name).split(" ");
    if (words.length < 3 || hasKnownFirstName(name)) continue;
    for (let i = 1; i <= words.length - 2; i++) {
      if (named.has(words.slice(i).join(" "))) {
        out.add(name);
        break;
      }
    }
  }
  return out;
}

/**
 * Keeps a cross-name mapping (`Rubio` → `Marco Rubio`) only when the target starts with a known given name: a
 * surname must not join a title or a stray word (`Lords Bingham`); when unsure, the name stays as written.
 */
export function trustedOnly(table: AliasTable): AliasTable {
  const out: AliasTable = {};
  for (const [key, canonical] of Object.entries(table)) {
    if (foldName(canonical) === key || hasKnownFirstName(canonical)) out[key] = canonical;
  }
  return out;
}

/** The alias entries for `forms`: those the table maps to a different name. */
export function aliasDocs(forms: string[], table: AliasTable): AliasDoc[] {
  return forms
    .filter((alias) => isAlias(alias, table))
    .map((alias) => ({ id: aliasId(alias), alias, key: foldName(alias), canonical: table[foldName(alias)]! }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** A stable, Meilisearch-safe id for an alias form (exact spelling: `Jose Perez` and `José Pérez` differ). */
function aliasId(alias: string): string {
  return createHash("sha256").update(alias.normalize("NFC")).digest("base64url").slice(0, 24);
}

/**
 * Every name value of the documents index with its count. One search's facet distributions when none is full
 * (a distribution holds at most MAX_VALUES_PER_FACET values, and raising that would bloat every search answer);
 * otherwise a scan of the name fields of every document.
 */
async function nameCounts(client: Meilisearch, uid: string): Promise<Map<string, number>> {
  const res = await client.index(uid).search("", { facets: [...NAME_FIELDS], limit: 0 });
  const dists = NAME_FIELDS.map((f) => res.facetDistribution?.[f] ?? {});
  if (dists.some((d) => Object.keys(d).length >= MAX_VALUES_PER_FACET)) return scanCounts(client, uid);
  const counts = new Map<string, number>();
  for (const dist of dists) for (const [name, n] of Object.entries(dist)) add(counts, name, n);
  return counts;
}

async function scanCounts(client: Meilisearch, uid: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let offset = 0; ; offset += PAGE) {
    const page = await client
      .index(uid)
      .getDocuments<NameFields>({ fields: [...NAME_FIELDS], filter: nameCarriersFilter(), limit: PAGE, offset });
    for (const doc of page.results) for (const name of namesOf(doc)) add(counts, name, 1);
    if (page.results.length < PAGE) return counts;
  }
}

function add(counts: Map<string, number>, name: string, n: number): void {
  if (name.trim() !== "") counts.set(name, (counts.get(name) ?? 0) + n);
}

function namesOf(doc: NameFields): string[] {
  return [...(doc.speaker ? [doc.speaker] : []), ...(doc.speakers ?? []), ...(doc.people ?? [])];
}

/** The stored alias table of `base`; creates the alias index (and any other missing one) when absent. */
async function loadAliases(client: Meilisearch, base: string): Promise<AliasDoc[]> {
  const uid = indexNames(base).aliases;
  const out: AliasDoc[] = [];
  for (let offset = 0; ; offset += PAGE) {
    let page;
    try {
      page = await client.index(uid).getDocuments<AliasDoc>({ limit: PAGE, offset });
    } catch (err) {
      if ((err as { cause?: { code?: string } }).cause?.code !== "index_not_found") throw err;
      await applySettings(client, base);
      return out;
    }
    out.push(...page.results);
    if (page.results.length < PAGE) return out;
  }
}

/** Writes the entries that are new or changed and deletes those no longer in the table (nothing when equal). */
async function storeAliases(
  client: Meilisearch,
  uid: string,
  entries: AliasDoc[],
  stored: AliasDoc[],
): Promise<void> {
  const before = new Map(stored.map((a) => [a.id, a]));
  const changed = entries.filter(
    (e) => before.get(e.id)?.canonical !== e.canonical || before.get(e.id)?.alias !== e.alias,
  );
  const keep = new Set(entries.map((e) => e.id));
  const gone = stored.filter((a) => !keep.has(a.id)).map((a) => a.id);
  const index = client.index(uid);
  if (changed.length > 0)
    await awaitTask(index.addDocuments(changed, { primaryKey: "id" }), `aliases into ${uid}`);
  if (gone.length > 0) await awaitTask(index.deleteDocuments(gone), `aliases out of ${uid}`);
}

/** Rewrites the name fields of every document holding one of `renamed`; returns how many documents changed. */
async function rewriteDocs(
  client: Meilisearch,
  uid: string,
  table: AliasTable,
  renamed: string[],
): Promise<number> {
  const index = client.index(uid);
  let rewritten = 0;
  for (let i = 0; i < renamed.length; i += FILTER_BATCH) {
    const batch = renamed.slice(i, i + FILTER_BATCH);
    // one OR group over the three fields: a document is fetched once even when several of its names change
    const filter = [NAME_FIELDS.map((field) => anyOf(field, batch))];
    const docs: NameFields[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await index.getDocuments<NameFields>({
        filter,
        fields: ["id", ...NAME_FIELDS],
        limit: PAGE,
        offset,
      });
      docs.push(...page.results);
      if (page.results.length < PAGE) break;
    }
    const updates = docs.map((d) => canonicalFields(d, table)).filter((u) => u !== null);
    for (let k = 0; k < updates.length; k += UPDATE_BATCH) {
      await awaitTask(
        index.updateDocuments(updates.slice(k, k + UPDATE_BATCH), { primaryKey: "id" }),
        `canonical names in ${uid}`,
      );
    }
    rewritten += updates.length;
  }
  return rewritten;
}

/** The partial update that makes a document's names canonical, or null when they already are. */
export function canonicalFields(doc: NameFields, table: AliasTable): Partial<NameFields> | null {
  const update: Partial<NameFields> = {};
  if (doc.speaker) {
    const speaker = table[foldName(doc.speaker)] ?? doc.speaker;
    if (speaker !== doc.speaker) update.speaker = speaker;
  }
  for (const field of ["speakers", "people"] as const) {
    const values = doc[field];
    if (!values) continue;
    const canonical = canonicalizePeople(values, table);
    if (canonical.join("\u0000") !== values.join("\u0000")) update[field] = canonical;
  }
  return Object.keys(update).length === 0 ? null : { id: doc.id, ...update };
}
