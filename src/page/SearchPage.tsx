// The search page: keeps the state in the URL, runs searches (debounced, stale answers dropped) and lays out the panels.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError, isAbort, search, type SearchResponse } from "./api.js";
import { DateRange, ListFacet, TypePanel } from "./components/Facets.js";
import { Chips, describe, HitCard, Pagination, type Navigate } from "./components/Results.js";
import { plural } from "./format.js";
import { clearFilters, effectiveSort, hasFilters, parseState, rememberSearch, searchParams, stateToSearch, type SearchState, type Sort } from "./state.js";

/** Hits per page: cards are tall, ten fill a desktop screen. */
const hitsPerPage = 10;
/** Wait this long after the last keystroke before searching. */
const typingDelayMs = 250;

type Result =
  | { status: "loading"; last: SearchResponse | null }
  | { status: "ok"; data: SearchResponse }
  | { status: "error"; error: ApiError; last: SearchResponse | null };

const lastData = (r: Result): SearchResponse | null => (r.status === "ok" ? r.data : r.last);

/** Run a search whenever the state (or a retry) changes; only the newest request may update the view. */
function useSearch(state: SearchState, retry: number): Result {
  const [result, setResult] = useState<Result>({ status: "loading", last: null });
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    const ctrl = new AbortController();
    setResult((r) => ({ status: "loading", last: lastData(r) }));
    search(searchParams(state, hitsPerPage), ctrl.signal).then(
      (data) => { if (mine === seq.current) setResult({ status: "ok", data }); },
      (e: unknown) => {
        if (isAbort(e) || mine !== seq.current) return;
        const error = e instanceof ApiError ? e : new ApiError(0, "error", String(e));
        setResult((r) => ({ status: "error", error, last: lastData(r) }));
      },
    );
    return () => ctrl.abort();
  }, [state, retry]);
  return result;
}

/** State from the URL, and a `navigate` that writes the URL first; back/forward restore the view. */
function useUrlState(): [SearchState, Navigate] {
  const [state, setState] = useState(() => parseState(location.search));
  useEffect(() => {
    const onPop = () => setState(parseState(location.search));
    addEventListener("popstate", onPop);
    return () => removeEventListener("popstate", onPop);
  }, []);
  const navigate = useCallback<Navigate>((next, mode = "push") => {
    const url = `${location.pathname}${stateToSearch(next)}`;
    if (mode === "push") history.pushState(null, "", url);
    else history.replaceState(null, "", url);
    setState(next);
  }, []);
  return [state, navigate];
}

function statusText(result: Result): string {
  if (result.status === "loading") return "Searching…";
  if (result.status === "error") return "Search failed.";
  const { totalHits, processingTimeMs } = result.data;
  return totalHits === 0 ? "No results." : `${plural(totalHits, "result", "results")} in ${processingTimeMs} ms`;
}

/** While the service is down, try again on our own every few seconds; the button retries at once. */
const autoRetryMs = 5000;

function ErrorNotice({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
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

/** The whole search page. */
export function SearchPage() {
  const [state, navigate] = useUrlState();
  const [retry, setRetry] = useState(0);
  const [input, setInput] = useState(state.q);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const typing = useRef(false);
  const result = useSearch(state, retry);
  useEffect(() => {
    rememberSearch(stateToSearch(state));
    document.title = state.q.trim() ? `${state.q.trim()} · onrecord` : "onrecord: who said what";
  }, [state]);
  const data = lastData(result);
  // After a failure only the notice shows; the facets keep the last good counts so filters stay usable.
  const hits = result.status === "error" ? null : data;
  const heading = useRef<HTMLHeadingElement>(null);

  const latest = useRef(state);
  latest.current = state;

  // Back/forward: the box shows the query of the restored view, and a new burst of typing starts.
  useEffect(() => {
    const onPop = () => {
      typing.current = false;
      setInput(parseState(location.search).q);
    };
    addEventListener("popstate", onPop);
    return () => removeEventListener("popstate", onPop);
  }, []);
  useEffect(() => {
    if (input === latest.current.q) return;
    const timer = setTimeout(() => commitQuery(input), typingDelayMs);
    return () => clearTimeout(timer);
  }, [input]);

  // The first keystroke of a burst adds a history entry; the rest of the burst replaces it.
  function commitQuery(q: string) {
    navigate({ ...latest.current, q, page: 1 }, typing.current ? "replace" : "push");
    typing.current = true;
  }
  const go: Navigate = (next, mode) => {
    typing.current = false;
    navigate(next, mode);
  };
  const goPage: Navigate = (next) => {
    go(next);
    heading.current?.focus();
  };
  const onSubmit = (e: Event) => {
    e.preventDefault();
    if (input !== state.q) commitQuery(input);
    else setRetry((n) => n + 1);
    typing.current = false;
  };
  const clearAll = () => go(clearFilters(state));

  return (
    <div class="layout">
      <a class="skip-link" href="#results">Skip to results</a>
      <header class="masthead">
        <a class="brand" href="/">onrecord</a>
        <form role="search" class="search-form" onSubmit={onSubmit}>
          <label for="q" class="visually-hidden">Search quotes and articles</label>
          <input id="q" type="search" name="q" value={input} maxLength={512} autoComplete="off" placeholder="Search what was said, or by whom…" onInput={(e) => setInput(e.currentTarget.value)} />
          <button type="submit">Search</button>
        </form>
      </header>
      <button type="button" class="filters-toggle" aria-expanded={filtersOpen} aria-controls="filters" onClick={() => setFiltersOpen(!filtersOpen)}>
        Filters{hasFilters(state) ? " (active)" : ""}
      </button>
      <aside id="filters" class={filtersOpen ? "filters open" : "filters"} aria-label="Filters">
        <TypePanel state={state} facets={data?.facets ?? {}} navigate={go} />
        <ListFacet state={state} facets={data?.facets ?? {}} navigate={go} title="Speaker" param="speaker" apiFacet="speaker" searchable />
        <ListFacet state={state} facets={data?.facets ?? {}} navigate={go} title="Topic" param="topic" apiFacet="topics" />
        <ListFacet state={state} facets={data?.facets ?? {}} navigate={go} title="Source" param="source" apiFacet="source" />
        <DateRange state={state} navigate={go} />
      </aside>
      <main id="results" aria-busy={result.status === "loading"}>
        <div class="results-bar">
          <h1 ref={heading} tabIndex={-1}>{describe(state)}</h1>
          <p class="stats" role="status" aria-live="polite">{statusText(result)}</p>
          <label class="sort">
            Sort by{" "}
            <select value={effectiveSort(state)} onChange={(e) => go({ ...state, sort: e.currentTarget.value as Sort, page: 1 })}>
              <option value="relevance">Relevance</option>
              <option value="newest">Newest first</option>
              <option value="oldest">Oldest first</option>
            </select>
          </label>
        </div>
        <Chips state={state} navigate={go} onClear={clearAll} />
        {result.status === "error" ? <ErrorNotice error={result.error} onRetry={() => setRetry((n) => n + 1)} /> : null}
        {result.status === "ok" && data?.totalHits === 0 ? (
          <div class="notice">
            <p>Nothing matches{state.q.trim() ? ` “${state.q.trim()}”` : ""}{hasFilters(state) ? " with these filters" : ""}.</p>
            {hasFilters(state) ? <button type="button" onClick={clearAll}>Clear all filters</button> : <p>Try fewer or different words.</p>}
          </div>
        ) : null}
        {hits && hits.hits.length > 0 ? (
          <ol class="hits">
            {hits.hits.map((hit) => <HitCard key={hit.id} hit={hit} />)}
          </ol>
        ) : null}
        {hits ? <Pagination state={state} totalPages={hits.totalPages} navigate={goPage} /> : null}
      </main>
    </div>
  );
}
