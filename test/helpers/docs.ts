// Test helper: build paragraph and quote documents directly (original sample text), and add them to an index.
import type { Meilisearch } from "meilisearch";
import type { Doc, ParagraphDoc, QuoteDoc } from "../../indexer/types.js";
import { awaitTask } from "../../src/meili/tasks.js";

const base = {
  title: "A sample article",
  topics: [] as string[],
  people: [] as string[],
  places: [] as string[],
  organizations: [] as string[],
  revision: "r1",
};

/** A paragraph document with defaults for everything not given. */
export function paragraph(
  articleId: string,
  position: number,
  text: string,
  extra: Partial<ParagraphDoc> = {},
): ParagraphDoc {
  return {
    ...base,
    id: `${articleId}-p-${String(position).padStart(3, "0")}`,
    type: "paragraph",
    articleId,
    text,
    position,
    speakers: [],
    ...extra,
  };
}

/** A quote document with defaults for everything not given. */
export function quote(
  articleId: string,
  position: number,
  text: string,
  speaker: string | null,
  extra: Partial<QuoteDoc> = {},
): QuoteDoc {
  return {
    ...base,
    id: `${articleId}-q-${String(position).padStart(3, "0")}`,
    type: "quote",
    articleId,
    text,
    position,
    paragraph: 0,
    speaker,
    speakers: speaker ? [speaker] : [],
    ...extra,
  };
}

/** Adds `docs` to index `uid` and waits until they are searchable. */
export async function addDocs(client: Meilisearch, uid: string, docs: Doc[]): Promise<void> {
  await awaitTask(client.index(uid).addDocuments(docs, { primaryKey: "id" }), `add to ${uid}`);
}
