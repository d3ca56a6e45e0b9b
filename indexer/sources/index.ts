// Reading configured sources: one dispatcher over the folder, feed and URL-list readers.
import type { Fetcher } from "../fetch.js";
import { readDirSource } from "./directory.js";
import { readFeedSource } from "./feed.js";
import { readUrlsSource } from "./urls.js";
import type { SourceRead, SourceSpec } from "./types.js";

export type { SourceRead, SourceSpec, Skipped } from "./types.js";

/** What reading needs from outside: the fetcher, and the paths of a folder source that names none. */
export interface SourceContext {
  fetcher: Fetcher;
  defaultPaths: string[];
}

/** Reads one source; never throws: a source that cannot be read comes back `ok: false` with the reason. */
export async function readSource(spec: SourceSpec, ctx: SourceContext): Promise<SourceRead> {
  try {
    switch (spec.kind) {
      case "dir":
        return await readDirSource(spec.name, spec.paths ?? ctx.defaultPaths);
      case "feed":
        return await readFeedSource(spec.name, spec.url, ctx.fetcher, spec.maxItems);
      case "urls":
        return await readUrlsSource(spec.name, spec, ctx.fetcher);
    }
  } catch (err) {
    return { name: spec.name, ok: false, error: (err as Error).message };
  }
}

/** Reads every source concurrently (the fetcher limits each host); results keep the order given. */
export async function readSources(specs: SourceSpec[], ctx: SourceContext): Promise<SourceRead[]> {
  return Promise.all(specs.map((spec) => readSource(spec, ctx)));
}
