// `chunk` command: articles in, NDJSON documents out on stdout; skipped files one line each on stderr.
import { readArticles } from "../read/index.js";
import { chunkArticle } from "../chunk.js";
import type { Article } from "../types.js";

/** The article's documents as NDJSON lines, or the one-line reason chunking failed. */
function chunkLines(article: Article): { lines: string[] } | { error: string } {
  try {
    return { lines: chunkArticle(article).map((doc) => JSON.stringify(doc)) };
  } catch (err) {
    return { error: (err instanceof Error ? err.message : String(err)).split("\n")[0] ?? "unknown error" };
  }
}

async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await new Promise((resolve) => process.stdout.once("drain", resolve));
}

/**
 * Prints every document of every article under `paths` as one JSON line on stdout and nothing else.
 * A file that cannot be read, or an article that cannot be chunked, is reported on stderr and skipped.
 * Returns the exit code: 0 all done, 2 something skipped, 1 fatal (nothing could be listed or written).
 */
export async function runChunkCommand(paths: string[]): Promise<number> {
  let skipped = 0;
  try {
    for await (const result of readArticles(paths)) {
      if (!result.ok) {
        skipped++;
        process.stderr.write(`skipped ${result.path}: ${result.reason}\n`);
        continue;
      }
      const lines: string[] = [];
      for (const article of result.articles) {
        const chunked = chunkLines(article);
        if ("lines" in chunked) lines.push(...chunked.lines);
        else {
          skipped++;
          process.stderr.write(`skipped ${result.path} (article ${article.id}): chunking failed: ${chunked.error}\n`);
        }
      }
      if (lines.length) await write(`${lines.join("\n")}\n`);
    }
  } catch (err) {
    process.stderr.write(`chunk: ${(err as Error).message}\n`);
    return 1;
  }
  return skipped > 0 ? 2 : 0;
}
