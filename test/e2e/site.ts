// The site the browser tests drive: the real service (real Meilisearch, seeds indexed) on a free port.
import { startService } from "../helpers/service.js";

/** A running site: its base URL and how to stop it. */
export interface Site {
  url: string;
  stop(): Promise<void>;
}

/** Start the service with the seed articles indexed; fails when nothing got indexed. */
export async function startSite(paths: string[] = ["seeds"]): Promise<Site> {
  const service = await startService({ paths });
  if (!service.report || service.report.articles === 0) {
    await service.close();
    throw new Error(`no articles indexed from ${paths.join(", ")}: the browser tests need the seeds`);
  }
  return { url: service.url, stop: () => service.close() };
}
