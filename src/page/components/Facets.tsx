// Facet panels with counts (type, speaker with a name search, topic, source) and the date range.
import { useEffect, useState } from "preact/hooks";
import { facetValues, isAbort, type FacetValue, type Facets } from "../api.js";
import { effectiveTypes, filterParams, toggleType, toggleValue, type DocType, type ListFilter, type SearchState } from "../state.js";
import type { Navigate } from "./Results.js";

/** How many values a panel shows before "Show more". */
const shortList = 8;

interface PanelProps {
  state: SearchState;
  facets: Facets;
  navigate: Navigate;
}

function sortedValues(counts: Record<string, number> | undefined, selected: string[]): FacetValue[] {
  const values = Object.entries(counts ?? {}).map(([value, count]) => ({ value, count }));
  // Count order is stable while a value of the same facet is ticked (disjunctive counts), so focus never jumps.
  values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  for (const s of selected) if (!values.some((v) => v.value === s)) values.push({ value: s, count: 0 });
  return values;
}

function Checkbox({ label, count, checked, onToggle }: { label: string; count: number; checked: boolean; onToggle: () => void }) {
  return (
    <li>
      <label class="facet-value">
        <input type="checkbox" checked={checked} onChange={onToggle} />
        <span class="facet-name">{label}</span>
        <span class="facet-count">
          {count.toLocaleString()}
        </span>
      </label>
    </li>
  );
}

/** Quotes / paragraphs. Browse mode shows "Quotes" ticked until the user changes it. */
export function TypePanel({ state, facets, navigate }: PanelProps) {
  const ticked = effectiveTypes(state);
  const labels: Record<DocType, string> = { quote: "Quotes", paragraph: "Paragraphs" };
  return (
    <fieldset class="facet" data-facet="type">
      <legend>Type</legend>
      <ul>
        {(["quote", "paragraph"] as const).map((t) => (
          <Checkbox key={t} label={labels[t]} count={facets.type?.[t] ?? 0} checked={ticked.includes(t)} onToggle={() => navigate(toggleType(state, t))} />
        ))}
      </ul>
    </fieldset>
  );
}

/** Values matching a typed name, from `/api/facets/:facet`; `null` while the box is empty. */
function useFacetSearch(apiFacet: string, own: ListFilter, state: SearchState, text: string) {
  const [found, setFound] = useState<FacetValue[] | null>(null);
  const [failed, setFailed] = useState(false);
  const filters = filterParams(state, own).toString();
  useEffect(() => {
    if (text.trim() === "") {
      setFound(null);
      return;
    }
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      const params = new URLSearchParams(filters);
      params.set("q", text.trim());
      facetValues(apiFacet, params, ctrl.signal).then(
        (values) => { setFound(values); setFailed(false); },
        (e: unknown) => { if (!isAbort(e)) setFailed(true); },
      );
    }, 200);
    return () => { clearTimeout(timer); ctrl.abort(); };
  }, [apiFacet, filters, text]);
  return { found, failed };
}

interface ListFacetProps extends PanelProps {
  title: string;
  /** The URL/search parameter (`topic`) and the facet name in responses (`topics`). */
  param: ListFilter;
  apiFacet: "speaker" | "topics" | "source";
  searchable?: boolean;
}

/** A disjunctive list facet: ticking a second value adds its results. */
export function ListFacet({ state, facets, navigate, title, param, apiFacet, searchable }: ListFacetProps) {
  const [expanded, setExpanded] = useState(false);
  const [text, setText] = useState("");
  const { found, failed } = useFacetSearch(apiFacet, param, state, searchable ? text : "");
  const selected = state[param];
  const all = found ?? sortedValues(facets[apiFacet], selected);
  const shown = expanded || found ? all : all.filter((v, i) => i < shortList || selected.includes(v.value));
  return (
    <fieldset class="facet" data-facet={param}>
      <legend>{title}</legend>
      {searchable ? (
        <input
          type="search"
          class="facet-search"
          placeholder={`Find a ${title.toLowerCase()}…`}
          aria-label={`Find a ${title.toLowerCase()} by name`}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      ) : null}
      {failed ? <p class="facet-note">Name search is unavailable right now.</p> : null}
      {shown.length === 0 ? <p class="facet-note">{found ? "No matching names." : "None in these results."}</p> : null}
      <ul>
        {shown.map((v) => (
          <Checkbox key={v.value} label={v.value} count={v.count} checked={selected.includes(v.value)} onToggle={() => navigate(toggleValue(state, param, v.value))} />
        ))}
      </ul>
      {!found && all.length > shortList ? (
        <button type="button" class="link-button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? "Show fewer" : `Show all ${all.length}`}
        </button>
      ) : null}
    </fieldset>
  );
}

/** Published between two dates (inclusive), as the API's `from` / `to`. */
export function DateRange({ state, navigate }: Omit<PanelProps, "facets">) {
  const set = (key: "from" | "to") => (e: Event) => navigate({ ...state, [key]: (e.currentTarget as HTMLInputElement).value, page: 1 });
  return (
    <fieldset class="facet" data-facet="date">
      <legend>Published</legend>
      <div class="date-range">
        <label>
          From <input type="date" name="from" value={state.from} max={state.to || undefined} onChange={set("from")} />
        </label>
        <label>
          To <input type="date" name="to" value={state.to} min={state.from || undefined} onChange={set("to")} />
        </label>
      </div>
    </fieldset>
  );
}

/** Every filter panel, in the order of the sidebar. */
export function FilterPanels({ state, facets, navigate }: PanelProps) {
  const props = { state, facets, navigate };
  return (
    <>
      <TypePanel {...props} />
      <ListFacet {...props} title="Speaker" param="speaker" apiFacet="speaker" searchable />
      <ListFacet {...props} title="Topic" param="topic" apiFacet="topics" />
      <ListFacet {...props} title="Source" param="source" apiFacet="source" />
      <DateRange state={state} navigate={navigate} />
    </>
  );
}
