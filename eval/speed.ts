// Chunking speed: read and chunk every article under a folder in one process; prints articles per second.
import { readArticles } from "../indexer/read/index.js";
import { chunkArticle } from "../indexer/chunk.js";

/** Reads and chunks everything under `paths`; returns counts and wall time in seconds. */
export async function measureChunking(paths: string[]): Promise<{ articles: number; docs: number; skipped: number; seconds: number }> {
  const started = performance.now();
  let articles = 0;
  let docs = 0;
  let skipped = 0;
  for await (const result of readArticles(paths)) {
    if (!result.ok) {
      skipped++;
      continue;
    }
    for (const article of result.articles) {
      articles++;
      docs += chunkArticle(article).length;
    }
  }
  return { articles, docs, skipped, seconds: (performance.now() - started) / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const paths = process.argv.slice(2);
  const { articles, docs, skipped, seconds } = await measureChunking(paths.length ? paths : ["../shared/corpus/news/bbc-fulltext"]);
  console.log(`chunk articles=${articles} docs=${docs} skipped=${skipped} seconds=${seconds.toFixed(2)} articles/s=${(articles / seconds).toFixed(0)}`);
}
