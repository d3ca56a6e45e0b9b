// Result cards (quotes as quotes, paragraphs as text), active-filter chips and pagination.
import type { Hit } from "../api.js";
import { articleHref, formatDate, markedHtml } from "../format.js";
import { effectiveTypes, listFilters, stateToSearch, type SearchState } from "../state.js";

/** Navigate to another state; `push` adds a history entry. */
export type Navigate = (next: SearchState, mode?: "push" | "replace") => void;

function HitMeta({ hit }: { hit: Hit }) {
  const date = formatDate(hit.publishedAt);
  return (
    <p class="hit-meta">
      <a class="hit-title" href={articleHref(hit)} dangerouslySetInnerHTML={markedHtml(hit._formatted?.title, hit.title)} />
      {hit.source ? <span class="hit-source">{hit.source}</span> : null}
      {date ? <time dateTime={hit.publishedAt}>{date}</time> : null}
    </p>
  );
}

/** One hit: a quote with its speaker up front, or a paragraph. Only `_formatted` goes in as HTML. */
export function HitCard({ hit }: { hit: Hit }) {
  const text = markedHtml(hit._formatted?.text, hit.text);
  if (hit.type === "quote") {
    // A quote that runs on into "…," she said" keeps its comma in the text; inside our own marks it reads oddly.
    text.__html = text.__html.replace(/,\s*$/, "");
    return (
      <li class="hit hit-quote" data-type="quote">
        <figure>
          <figcaption class="speaker">{hit.speaker ?? "Unattributed"}</figcaption>
          <blockquote class="hit-text" dangerouslySetInnerHTML={text} />
        </figure>
        <HitMeta hit={hit} />
      </li>
    );
  }
  return (
    <li class="hit hit-paragraph" data-type="paragraph">
      <p class="hit-kind">Paragraph{hit.speakers.length > 0 ? ` quoting ${hit.speakers.join(", ")}` : ""}</p>
      <p class="hit-text" dangerouslySetInnerHTML={text} />
      <HitMeta hit={hit} />
    </li>
  );
}

interface Chip {
  label: string;
  next: SearchState;
}

function chipsFor(s: SearchState): Chip[] {
  const chips: Chip[] = [];
  const names = { speaker: "Speaker", topic: "Topic", source: "Source" } as const;
  for (const f of listFilters) {
    for (const v of s[f]) chips.push({ label: `${names[f]}: ${v}`, next: { ...s, [f]: s[f].filter((x) => x !== v), page: 1 } });
  }
  if (s.types !== null && s.types.length === 1) {
    chips.push({ label: `Type: ${s.types[0] === "quote" ? "quotes" : "paragraphs"}`, next: { ...s, types: null, page: 1 } });
  }
  if (s.from) chips.push({ label: `From ${s.from}`, next: { ...s, from: "", page: 1 } });
  if (s.to) chips.push({ label: `To ${s.to}`, next: { ...s, to: "", page: 1 } });
  return chips;
}

/** Active filters as removable chips, plus "Clear all". Nothing when no filter is set. */
export function Chips({ state, navigate, onClear }: { state: SearchState; navigate: Navigate; onClear: () => void }) {
  const chips = chipsFor(state);
  if (chips.length === 0) return null;
  return (
    <div class="chips" role="group" aria-label="Active filters">
      {chips.map((c) => (
        <button type="button" class="chip" key={c.label} aria-label={`Remove filter ${c.label}`} onClick={() => navigate(c.next)}>
          {c.label} <span aria-hidden="true">×</span>
        </button>
      ))}
      <button type="button" class="chip chip-clear" onClick={onClear}>
        Clear all
      </button>
    </div>
  );
}

/** Page numbers around the current one: 1 … 4 5 [6] 7 8 … 20. */
export function pageWindow(current: number, total: number): (number | "gap")[] {
  const pages: (number | "gap")[] = [];
  for (let n = 1; n <= total; n++) {
    if (n === 1 || n === total || Math.abs(n - current) <= 2) pages.push(n);
    else if (pages[pages.length - 1] !== "gap") pages.push("gap");
  }
  return pages;
}

/** Links (real hrefs, so they work with keyboard, middle-click and without JS routing) to other pages. */
export function Pagination({ state, totalPages, navigate }: { state: SearchState; totalPages: number; navigate: Navigate }) {
  if (totalPages <= 1) return null;
  const go = (page: number) => (e: MouseEvent) => {
    e.preventDefault();
    navigate({ ...state, page });
  };
  const link = (page: number, label: string, rel?: string) => (
    <a href={`/${stateToSearch({ ...state, page })}`} rel={rel} onClick={go(page)} aria-label={rel ? undefined : `Page ${page}`}>
      {label}
    </a>
  );
  const page = state.page;
  return (
    <nav class="pagination" aria-label="Pages">
      <ul>
        <li>{page > 1 ? link(page - 1, "‹ Previous", "prev") : <span aria-disabled="true">‹ Previous</span>}</li>
        {pageWindow(page, totalPages).map((n, i) =>
          n === "gap" ? (
            <li key={`gap${i}`} aria-hidden="true">…</li>
          ) : (
            <li key={n}>{n === page ? <span aria-current="page">{n}</span> : link(n, String(n))}</li>
          ),
        )}
        <li>{page < totalPages ? link(page + 1, "Next ›", "next") : <span aria-disabled="true">Next ›</span>}</li>
      </ul>
    </nav>
  );
}

/** A heading for what the list shows: the query, or what is being browsed. */
export function describe(state: SearchState): string {
  const types = effectiveTypes(state);
  const what = types.length === 1 ? (types[0] === "quote" ? "quotes" : "paragraphs") : "quotes and paragraphs";
  return state.q.trim() ? `Results for “${state.q.trim()}”` : `Browsing ${what}`;
}
