// The one line a CLI command prints when a run stops: an unreachable Meilisearch is said plainly, not as a URL error.
import { MeilisearchRequestError, MeilisearchRequestTimeOutError } from "meilisearch";

/** A one-line, human explanation of why a command failed (never a stack trace). */
export function explainFailure(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof MeilisearchRequestError || err instanceof MeilisearchRequestTimeOutError) {
    return `Meilisearch did not answer (${message}); check that it is running, or MEILI_URL`;
  }
  return message;
}
