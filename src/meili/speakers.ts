// The speakers index beside the documents index: one document per speaker with exact counts, so speaker names can
// be searched by any word (Meilisearch's facet search only matches the start of a value).
import { createHash } from "node:crypto";
import type { Meilisearch, MultiSearchQuery } from "meilisearch";
import { buildFilter, equals } from "../search/filters.js";
import { indexNames } from "./settings.js";
import { awaitTask } from "./tasks.js";

/** One document of the speakers index. */
export interface SpeakerDoc {
  id: string;
  name: string;
  /** Quotes attributed to this speaker. */
  quoteCount: number;
  /** Documents (quotes and paragraphs) listing this speaker in `speakers`. */
  docCount: number;
  /** "Surname, Given" for sorting by name. */
  sortName: string;
}

/** A stable, Meilisearch-safe id for a speaker name. */
export function speakerId(name: string): string {
  return createHash("sha256").update(name.normalize("NFC").toLowerCase()).digest("base64url").slice(0, 24);
}

/** "Angela Merkel" → "Merkel, Angela" (single names are left alone). */
export function sortNameOf(name: string): string {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return name;
  const last = words.pop() as string;
  return `${last}, ${words.join(" ")}`;
}

/** Recounts `names` in the documents index of `base` and upserts or removes their speaker documents. */
export async function refreshSpeakers(
  client: Meilisearch,
  base: string,
  names: Iterable<string>,
): Promise<void> {
  const unique = [...new Set(names)].filter((n) => n.trim() !== "");
  const names_ = indexNames(base);
  for (let i = 0; i < unique.length; i += 200) {
    const chunk = unique.slice(i, i + 200);
    const queries: MultiSearchQuery[] = chunk.flatMap((name) => [
      {
        indexUid: names_.docs,
        q: "",
        filter: [equals("speaker", name), equals("type", "quote")],
        hitsPerPage: 0,
      },
      { indexUid: names_.docs, q: "", filter: buildFilter({ speakers: [name] }), hitsPerPage: 0 },
    ]);
    const { results } = await client.multiSearch({ queries });
    const docs: SpeakerDoc[] = [];
    const gone: string[] = [];
    chunk.forEach((name, k) => {
      const quoteCount = results[2 * k]?.totalHits ?? 0;
      const docCount = results[2 * k + 1]?.totalHits ?? 0;
      if (docCount === 0 && quoteCount === 0) gone.push(speakerId(name));
      else docs.push({ id: speakerId(name), name, quoteCount, docCount, sortName: sortNameOf(name) });
    });
    await writeSpeakers(client, names_.speakers, docs, gone);
  }
}

/** Rebuilds the speakers index of `base` from every document (after a full rebuild or swap). */
export async function rebuildSpeakers(client: Meilisearch, base: string): Promise<number> {
  const names_ = indexNames(base);
  const counts = new Map<string, SpeakerDoc>();
  for (let offset = 0; ; offset += 1000) {
    const page = await client
      .index(names_.docs)
      .getDocuments<{ type: string; speaker?: string | null; speakers?: string[] }>({
        fields: ["type", "speaker", "speakers"],
        limit: 1000,
        offset,
      });
    for (const doc of page.results) countDoc(counts, doc);
    if (page.results.length < 1000) break;
  }
  const existing = await allSpeakerIds(client, names_.speakers);
  const docs = [...counts.values()];
  const keep = new Set(docs.map((d) => d.id));
  await writeSpeakers(
    client,
    names_.speakers,
    docs,
    existing.filter((id) => !keep.has(id)),
  );
  return docs.length;
}

function countDoc(
  counts: Map<string, SpeakerDoc>,
  doc: { type: string; speaker?: string | null; speakers?: string[] },
): void {
  const entry = (name: string) => {
    let e = counts.get(name);
    if (!e)
      counts.set(
        name,
        (e = { id: speakerId(name), name, quoteCount: 0, docCount: 0, sortName: sortNameOf(name) }),
      );
    return e;
  };
  for (const name of new Set(doc.speakers ?? [])) entry(name).docCount++;
  if (doc.type === "quote" && doc.speaker) entry(doc.speaker).quoteCount++;
}

async function allSpeakerIds(client: Meilisearch, uid: string): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await client
      .index(uid)
      .getDocuments<{ id: string }>({ fields: ["id"], limit: 1000, offset });
    ids.push(...page.results.map((d) => d.id));
    if (page.results.length < 1000) return ids;
  }
}

async function writeSpeakers(
  client: Meilisearch,
  uid: string,
  docs: SpeakerDoc[],
  gone: string[],
): Promise<void> {
  const index = client.index(uid);
  const tasks = [];
  if (docs.length > 0)
    tasks.push(awaitTask(index.addDocuments(docs, { primaryKey: "id" }), `speakers into ${uid}`));
  if (gone.length > 0) tasks.push(awaitTask(index.deleteDocuments(gone), `speakers out of ${uid}`));
  await Promise.all(tasks);
}
