// Regenerates test/golden/seeds.expected.json from seeds/: quotes, speakers and entities per seed, for review as a diff.
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { readArticleFile } from "../indexer/read/index.js";
import { extractQuotes } from "../indexer/quotes.js";
import { tagEntities } from "../indexer/entities.js";

/** What the seeds test compares: per seed file, each article's quotes and entity facets. */
export async function goldenForSeeds(dir: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const name of (await readdir(dir)).sort()) {
    const result = await readArticleFile(join(dir, name));
    if (!result.ok) throw new Error(`${name}: ${result.reason}`);
    out[name] = result.articles.map((a) => ({
      id: a.id,
      quotes: extractQuotes(a.paragraphs),
      entities: tagEntities(a),
    }));
  }
  return out;
}

const target = join("test", "golden", "seeds.expected.json");
if (process.argv[1]?.endsWith("regen-golden.ts")) {
  const golden = await goldenForSeeds("seeds");
  await writeFile(target, `${JSON.stringify(golden, null, 2)}\n`);
  process.stderr.write(`wrote ${target}; review it with git diff before committing\n`);
}
