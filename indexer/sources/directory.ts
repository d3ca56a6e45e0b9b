// Directory source: article files under folders (or listed files), read by the foundation's reader.
import { stat } from "node:fs/promises";
import { readArticles } from "../read/index.js";
import type { Article } from "../types.js";
import type { SourceRead, Skipped } from "./types.js";

/**
 * Reads every article file under `paths`. A missing path fails the whole source (so nothing of it is
 * deleted); a bad file is only skipped, with its reason.
 */
export async function readDirSource(name: string, paths: string[]): Promise<SourceRead> {
  if (paths.length === 0) return { name, ok: false, error: "no paths to read" };
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) return { name, ok: false, error: `${path}: not found` };
  }
  const articles: Article[] = [];
  const skipped: Skipped[] = [];
  try {
    for await (const result of readArticles(paths)) {
      if (result.ok)
        articles.push(...result.articles.map((a) => ({ ...a, origin: a.origin ?? result.path })));
      else skipped.push({ path: result.path, reason: result.reason });
    }
  } catch (err) {
    return { name, ok: false, error: `reading failed: ${(err as Error).message}` };
  }
  return { name, ok: true, articles, skipped };
}
