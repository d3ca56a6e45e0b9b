// The two messages in place of results: the service failed (polite, retries by itself), or nothing matched.
import { useEffect } from "preact/hooks";
import type { ApiError } from "../api.js";

/** While the service is down, try again on our own every few seconds; the button retries at once. */
const autoRetryMs = 5000;

/** Shown when a search failed; `role="alert"` so screen readers hear it. */
export function ErrorNotice({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const down = error.status === 0 || error.status >= 500;
  useEffect(() => {
    if (!down) return;
    const timer = setTimeout(onRetry, autoRetryMs);
    return () => clearTimeout(timer);
  }, [error]);
  return (
    <div class="notice notice-error" role="alert">
      <p>
        <strong>{down ? "Search is unavailable right now." : "The search could not be run."}</strong>{" "}
        {down ? "The service may be restarting; this page will try again by itself in a few seconds." : error.message}
      </p>
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

/** Shown when nothing matched; offers to drop the filters when there are any. */
export function NoResults({ q, filtered, onClear }: { q: string; filtered: boolean; onClear: () => void }) {
  return (
    <div class="notice">
      <p>
        Nothing matches{q ? ` “${q}”` : ""}
        {filtered ? " with these filters" : ""}.
      </p>
      {filtered ? (
        <button type="button" onClick={onClear}>
          Clear all filters
        </button>
      ) : (
        <p>Try fewer or different words.</p>
      )}
    </div>
  );
}

/** Shown when a (shared or stale) link points past the last page. */
export function PastLastPage({ lastPageHref, onGo }: { lastPageHref: string; onGo: (e: MouseEvent) => void }) {
  return (
    <div class="notice">
      <p>
        This page is past the end of the results. <a href={lastPageHref} onClick={onGo}>Go to the last page</a>
      </p>
    </div>
  );
}
