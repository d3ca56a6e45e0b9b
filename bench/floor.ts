// The indexing floor: documents already serialised as NDJSON payloads on disk, pushed straight to Meilisearch
// over HTTP and awaited. No reading, no chunking, no client library: what Meilisearch itself needs.
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { once } from "node:events";

/** Where and how to reach one Meilisearch. */
export interface MeiliTarget {
  url: string;
  apiKey: string;
}

/** NDJSON payload files written by `writePayloads`. */
export interface Payloads {
  files: string[];
  documents: number;
  bytes: number;
}

/** Writes `docs` as NDJSON payload files of about `targetBytes` each (Meilisearch's default limit is 100 MB). */
export async function writePayloads(dir: string, docs: Iterable<object> | AsyncIterable<object>, targetBytes: number): Promise<Payloads> {
  const files: string[] = [];
  let documents = 0;
  let bytes = 0;
  let current = 0;
  let out: ReturnType<typeof createWriteStream> | null = null;
  for await (const doc of docs) {
    if (out === null || current >= targetBytes) {
      if (out) await closeStream(out);
      const file = join(dir, `payload-${String(files.length).padStart(4, "0")}.ndjson`);
      files.push(file);
      out = createWriteStream(file);
      current = 0;
    }
    const line = `${JSON.stringify(doc)}\n`;
    const size = Buffer.byteLength(line);
    current += size;
    bytes += size;
    if (!out.write(line)) await once(out, "drain");
    documents++;
  }
  if (out) await closeStream(out);
  return { files, documents, bytes };
}

async function closeStream(out: ReturnType<typeof createWriteStream>): Promise<void> {
  out.end();
  await once(out, "finish");
}

/** Calls Meilisearch's HTTP API and returns the JSON body; throws with the status and body otherwise. */
export async function meiliFetch<T>(t: MeiliTarget, path: string, init: RequestInit = {}): Promise<T> {
  const headers = { Authorization: `Bearer ${t.apiKey}`, "Content-Type": "application/json", ...(init.headers as Record<string, string>) };
  const res = await fetch(`${t.url}${path}`, { ...init, headers });
  const text = await res.text();
  if (!res.ok) throw new Error(`Meilisearch ${init.method ?? "GET"} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return (text === "" ? {} : JSON.parse(text)) as T;
}

/** Polls task `uid` until it ends; throws unless it succeeded. */
export async function waitForTask(t: MeiliTarget, uid: number, intervalMs = 50): Promise<void> {
  for (;;) {
    const task = await meiliFetch<{ status: string; error?: { message: string } }>(t, `/tasks/${uid}`);
    if (task.status === "succeeded") return;
    if (task.status === "failed" || task.status === "canceled") throw new Error(`task ${uid} ${task.status}: ${task.error?.message ?? ""}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Pushes every payload to `index` as NDJSON and waits for all tasks; returns the elapsed milliseconds. */
export async function pushFloor(t: MeiliTarget, index: string, payloads: Payloads): Promise<number> {
  const start = performance.now();
  const uids: number[] = [];
  for (const file of payloads.files) {
    const body = await readFile(file);
    const task = await meiliFetch<{ taskUid: number }>(t, `/indexes/${index}/documents?primaryKey=id`, {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-ndjson" },
    });
    uids.push(task.taskUid);
  }
  for (const uid of uids) await waitForTask(t, uid);
  return performance.now() - start;
}
