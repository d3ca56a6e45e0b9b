// `chunk` command: articles in, NDJSON documents out on stdout; skipped files one line each on stderr.
import { readArticles } from "../read/index.js";
import { chunkArticle } from "../chunk.js";

/**
 * Prints every document of every article under `paths` as one JSON line on stdout and nothing else.
 * Returns the exit code: 0 all read, 2 some files skipped, 1 fatal (nothing could be listed or written).
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
        for (const doc of chunkArticle(article)) lines.push(JSON.stringify(doc));
      }
      if (lines.length && !process.stdout.write(`${lines.join("\n")}\n`)) {
        await new Promise((resolve) => process.stdout.once("drain", resolve));
      }
    }
  } catch (err) {
    process.stderr.write(`chunk: ${(err as Error).message}\n`);
    return 1;
  }
  return skipped > 0 ? 2 : 0;
}
