// The search page: keeps the state in the URL, runs searches (debounced, stale answers dropped) and lays out the panels.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError, isAbort, search, type SearchResponse } from "./api.js";
import { FilterPanels } from "./components/Facets.js";
import { ErrorNotice, NoResults, PastLastPage } from "./components/Notices.js";
import { Chips, describe, HitCard, Pagination, type Navigate } from "./components/Results.js";
import { plural } from "./format.js";
import { clearFilters, effectiveSort, hasFilters, parseState, rememberSearch, searchParams, stateToSearch, type SearchState, type Sort } from "./state.js";

/** Hits per page: cards are tall, ten fill a desktop screen. */
const hitsPerPage = 10;
/** Wait this long after the last keystroke before searching. */
const typingDelayMs = 250;

/** `shown`: the URL query string of the state the answer belongs to (tests wait for it to match the page's state). */
type Result =
  | { status: "loading"; last: SearchResponse | null; shown: string }
  | { status: "ok"; data: SearchResponse; shown: string }
  | { status: "error"; error: ApiError; last: SearchResponse | null; shown: string };

const lastData = (r: Result): SearchResponse | null => (r.status === "ok" ? r.data : r.last);

/** Run a search whenever the state (or a retry) changes; only the newest request may update the view. */
function useSearch(state: SearchState, retry: number): Result {
  const [result, setResult] = useState<Result>({ status: "loading", last: null, shown: "" });
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    const ctrl = new AbortController();
    const shown = stateToSearch(state);
    setResult((r) => ({ status: "loading", last: lastData(r), shown: r.shown }));
    search(searchParams(state, hitsPerPage), ctrl.signal).then(
      (data) => { if (mine === seq.current) setResult({ status: "ok", data, shown }); },
      (e: unknown) => {
        if (isAbort(e) || mine !== seq.current) return;
        const error = e instanceof ApiError ? e : new ApiError(0, "error", String(e));
        setResult((r) => ({ status: "error", error, last: lastData(r), shown }));
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

/**
 * The search box: what is typed goes to the URL after a pause. The first keystroke of a burst adds a history
 * entry, the rest of the burst replaces it, so Back skips the half-typed words. `go` ends a burst.
 */
function useQueryBox(state: SearchState, navigate: Navigate, rerun: () => void) {
  const [input, setInput] = useState(state.q);
  const typing = useRef(false);
  const latest = useRef(state);
  latest.current = state;
  const commit = (q: string) => {
    if (q === latest.current.q) return;
    navigate({ ...latest.current, q, page: 1 }, typing.current ? "replace" : "push");
    typing.current = true;
  };
  useEffect(() => {
    const timer = setTimeout(() => commit(input), typingDelayMs);
    return () => clearTimeout(timer);
  }, [input]);
  // Back/forward: the box shows the query of the restored view.
  useEffect(() => {
    const onPop = () => {
      typing.current = false;
      setInput(parseState(location.search).q);
    };
    addEventListener("popstate", onPop);
    return () => removeEventListener("popstate", onPop);
  }, []);
  const go: Navigate = (next, mode) => {
    typing.current = false;
    navigate(next, mode);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    if (input === latest.current.q) rerun();
    else commit(input);
    typing.current = false;
  };
  return { input, setInput, submit, go };
}

function statusText(result: Result): string {
  if (result.status === "loading") return "Searching…";
  if (result.status === "error") return "Search failed.";
  const { totalHits, processingTimeMs } = result.data;
  return totalHits === 0 ? "No results." : `${plural(totalHits, "result", "results")} in ${processingTimeMs} ms`;
}

function SortMenu({ state, navigate }: { state: SearchState; navigate: Navigate }) {
  return (
    <label class="sort">
      Sort by{" "}
      <select value={effectiveSort(state)} onChange={(e) => navigate({ ...state, sort: e.currentTarget.value as Sort, page: 1 })}>
        <option value="relevance">Relevance</option>
        <option value="newest">Newest first</option>
        <option value="oldest">Oldest first</option>
      </select>
    </label>
  );
}

/** The whole search page. */
export function SearchPage() {
  const [state, navigate] = useUrlState();
  const [retry, setRetry] = useState(0);
  const rerun = () => setRetry((n) => n + 1);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const box = useQueryBox(state, navigate, rerun);
  const go = box.go;
  const result = useSearch(state, retry);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    rememberSearch(stateToSearch(state));
    document.title = state.q.trim() ? `${state.q.trim()} · onrecord` : "onrecord: who said what";
  }, [state]);
  const data = lastData(result);
  // After a failure only the notice shows; the facets keep the last good counts so filters stay usable.
  const hits = result.status === "error" ? null : data;
  const goPage: Navigate = (next) => {
    go(next);
    heading.current?.focus();
  };
  const clearAll = () => go(clearFilters(state));

  return (
    <div class="layout">
      <a class="skip-link" href="#results">Skip to results</a>
      <header class="masthead">
        <a class="brand" href="/">onrecord</a>
        <form role="search" class="search-form" onSubmit={box.submit}>
          <label for="q" class="visually-hidden">Search quotes and articles</label>
          <input id="q" type="search" name="q" value={box.input} maxLength={512} autoComplete="off" placeholder="Search what was said, or by whom…" onInput={(e) => box.setInput(e.currentTarget.value)} />
          <button type="submit">Search</button>
        </form>
      </header>
      <button type="button" class="filters-toggle" aria-expanded={filtersOpen} aria-controls="filters" onClick={() => setFiltersOpen(!filtersOpen)}>
        Filters{hasFilters(state) ? " (active)" : ""}
      </button>
      <aside id="filters" class={filtersOpen ? "filters open" : "filters"} aria-label="Filters">
        <FilterPanels state={state} facets={data?.facets ?? {}} navigate={go} />
      </aside>
      <main id="results" aria-busy={result.status === "loading"} data-state={stateToSearch(state)} data-shown={result.shown}>
        <div class="results-bar">
          <h1 ref={heading} tabIndex={-1}>{describe(state)}</h1>
          <p class="stats" role="status" aria-live="polite">{statusText(result)}</p>
          <SortMenu state={state} navigate={go} />
        </div>
        <Chips state={state} navigate={go} onClear={clearAll} />
        {result.status === "error" ? <ErrorNotice error={result.error} onRetry={rerun} /> : null}
        {result.status === "ok" && result.data.totalHits === 0 ? <NoResults q={state.q.trim()} filtered={hasFilters(state)} onClear={clearAll} /> : null}
        {result.status === "ok" && result.data.totalHits > 0 && result.data.hits.length === 0 ? (
          <PastLastPage
            lastPageHref={`/${stateToSearch({ ...state, page: result.data.totalPages })}`}
            onGo={(e) => { e.preventDefault(); goPage({ ...state, page: result.data.totalPages }); }}
          />
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
