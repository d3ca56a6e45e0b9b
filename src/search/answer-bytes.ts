// The /api/search answer assembled in one pass over Meilisearch's answer bytes: each hit's fields are copied as
// they came (Meilisearch returns only the retrieved HIT_FIELDS, in stored order), counts and numbers too, and only
// the highlighted text and title are rewritten, HTML-escaped on their bytes. The same answer as `shapeAnswer`
// (a property test holds them equal) without parsing and re-serialising ~25 KB per search, which was the largest
// part of the API's own CPU time per request.
import { activeGroups } from "./answer.js";
import { ByteWriter } from "./byte-writer.js";
import { FACET_FIELDS, FACETS } from "./facet-values.js";
import { writeSafeHtmlJson } from "./highlight.js";
import {
  forEachElement,
  forEachMember,
  isObjectAt,
  isSpace,
  jsonKey,
  JsonShapeError,
  keyIs,
  skipValue,
  sliceAt,
  sliceIs,
  type Slice,
} from "./json-scan.js";
import { echoQuery, type SearchParams } from "./params.js";

const KEY = {
  results: jsonKey("results"),
  hits: jsonKey("hits"),
  facetDistribution: jsonKey("facetDistribution"),
  formatted: jsonKey("_formatted"),
  type: jsonKey("type"),
  speaker: jsonKey("speaker"),
  text: jsonKey("text"),
  title: jsonKey("title"),
};
const NUMBERS = ["page", "hitsPerPage", "totalHits", "totalPages", "processingTimeMs"] as const;
const NUMBER_KEYS = NUMBERS.map(jsonKey);
const FACET_KEYS = FACETS.map((group) => jsonKey(FACET_FIELDS[group]));
const NULL = Buffer.from("null");
const QUOTE_TYPE = Buffer.from('"quote"');
const COMMA = 0x2c;

/** What the answer needs from one result of the multi-search besides its hits. */
interface ResultParts {
  numbers: (Slice | undefined)[];
  counts: (Slice | undefined)[];
}

/**
 * Builds the UTF-8 JSON answer of /api/search from the raw multi-search answer of `searchQueries(params)`.
 * Throws `JsonShapeError` when the answer is not shaped as expected (the caller then takes the parsing path).
 */
export function answerBytes(body: Buffer, params: SearchParams): Buffer {
  const out = new ByteWriter(body.length);
  out.text(`{"query":${JSON.stringify(echoQuery(params))},"hits":[`);
  const results: ResultParts[] = [];
  forEachMember(body, 0, (keyStart, keyEnd, at) => {
    if (!keyIs(body, keyStart, keyEnd, KEY.results)) return skipValue(body, at);
    if (results.length > 0) throw new JsonShapeError("two results members");
    return forEachElement(body, at, (n, at) => readResult(body, at, n === 0 ? out : null, results));
  });
  const [main, ...extra] = results;
  if (!main) throw new JsonShapeError("answer without a first result");

  out.text('],"facets":{');
  const active = activeGroups(params.filters);
  FACETS.forEach((group, i) => {
    const own = active.indexOf(group);
    const counts = (own === -1 ? main : extra[own])?.counts[i];
    out.text(`${i === 0 ? "" : ","}"${group}":`);
    if (counts && !sliceIs(body, counts, NULL)) out.copy(body, counts.start, counts.end);
    else out.text("{}");
  });
  out.text("}");
  const fallbacks = [params.page, params.hitsPerPage, 0, 0, undefined];
  NUMBERS.forEach((key, i) => {
    const value = main.numbers[i];
    // Numbers with a fallback replace a null with it; the others are copied as they are.
    const known = value !== undefined && (fallbacks[i] === undefined || !sliceIs(body, value, NULL));
    if (!known && fallbacks[i] === undefined) return;
    out.text(`,"${key}":`);
    if (known) out.copy(body, value.start, value.end);
    else out.text(String(fallbacks[i]));
  });
  out.text("}");
  return out.bytes();
}

/** Reads the result object at `at` into `results`; its hits are written to `hitsOut` when given. Returns its end. */
function readResult(body: Buffer, at: number, hitsOut: ByteWriter | null, results: ResultParts[]): number {
  const parts: ResultParts = { numbers: [], counts: [] };
  results.push(parts);
  let sawHits = false;
  const end = forEachMember(body, at, (keyStart, keyEnd, at) => {
    if (hitsOut && keyIs(body, keyStart, keyEnd, KEY.hits)) {
      if (sawHits) throw new JsonShapeError("two hits members");
      sawHits = true;
      return forEachElement(body, at, (n, at) => {
        if (n > 0) hitsOut.text(",");
        return writeHit(hitsOut, body, at);
      });
    }
    if (keyIs(body, keyStart, keyEnd, KEY.facetDistribution)) {
      parts.counts = [];
      if (!isObjectAt(body, at)) return skipValue(body, at);
      return forEachMember(body, at, (fieldStart, fieldEnd, at) => {
        const i = FACET_KEYS.findIndex((key) => keyIs(body, fieldStart, fieldEnd, key));
        return i === -1 ? skipValue(body, at) : keep(body, at, (value) => (parts.counts[i] = value));
      });
    }
    const i = NUMBER_KEYS.findIndex((key) => keyIs(body, keyStart, keyEnd, key));
    return i === -1 ? skipValue(body, at) : keep(body, at, (value) => (parts.numbers[i] = value));
  });
  if (hitsOut && !sawHits) throw new JsonShapeError("first result without hits");
  return end;
}

/** What one hit's walk records. */
interface HitParts {
  /** Where its first member starts and its last member ends (undefined for `{}`). */
  members: Slice | undefined;
  /** Just past the hit's closing brace. */
  end: number;
  /** Members left out of the answer (`_formatted`, and `speaker` unless it is a quote), key to value. */
  formatted: Slice[];
  speaker: Slice | undefined;
  type: Slice | undefined;
  text: Slice | undefined;
  title: Slice | undefined;
  highlightedText: Slice | undefined;
  highlightedTitle: Slice | undefined;
}

/** Writes the hit at `at`: its members less `_formatted` (and `speaker` unless a quote), then the escaped
 * highlights as `_formatted: { text, title }`. Returns its end. */
function writeHit(out: ByteWriter, body: Buffer, at: number): number {
  const hit = readHit(body, at);
  const isQuote = hit.type !== undefined && sliceIs(body, hit.type, QUOTE_TYPE);
  const left = [...hit.formatted, ...(hit.speaker && !isQuote ? [hit.speaker] : [])];
  left.sort((a, b) => a.start - b.start);
  out.text("{");
  let wrote = false;
  if (hit.members) {
    let from = hit.members.start;
    for (const gap of [...left, { start: hit.members.end, end: hit.members.end }]) {
      wrote = writeRun(out, body, from, gap.start, wrote) || wrote;
      from = gap.end;
    }
  }
  out.text(wrote ? ',"_formatted":{"text":' : '"_formatted":{"text":');
  writeHighlight(out, body, hit.highlightedText ?? hit.text);
  out.text(',"title":');
  writeHighlight(out, body, hit.highlightedTitle ?? hit.title);
  out.text("}}");
  return hit.end;
}

function readHit(body: Buffer, at: number): HitParts {
  const hit: HitParts = {
    members: undefined,
    end: at,
    formatted: [],
    speaker: undefined,
    type: undefined,
    text: undefined,
    title: undefined,
    highlightedText: undefined,
    highlightedTitle: undefined,
  };
  let firstStart: number | undefined;
  let lastEnd = at;
  hit.end = forEachMember(body, at, (keyStart, keyEnd, at) => {
    let end: number;
    if (keyIs(body, keyStart, keyEnd, KEY.formatted)) {
      hit.highlightedText = hit.highlightedTitle = undefined;
      end = isObjectAt(body, at) ? readHighlights(body, at, hit) : skipValue(body, at);
      hit.formatted.push({ start: keyStart, end });
    } else {
      const value = sliceAt(body, at);
      end = value.end;
      if (keyIs(body, keyStart, keyEnd, KEY.speaker)) hit.speaker = { start: keyStart, end };
      else if (keyIs(body, keyStart, keyEnd, KEY.type)) hit.type = value;
      else if (keyIs(body, keyStart, keyEnd, KEY.text)) hit.text = stringOrNone(body, value);
      else if (keyIs(body, keyStart, keyEnd, KEY.title)) hit.title = stringOrNone(body, value);
    }
    firstStart ??= keyStart;
    lastEnd = end;
    return end;
  });
  if (firstStart !== undefined) hit.members = { start: firstStart, end: lastEnd };
  return hit;
}

/** Reads `_formatted`'s text and title into `hit`; returns its end. */
function readHighlights(body: Buffer, at: number, hit: HitParts): number {
  return forEachMember(body, at, (keyStart, keyEnd, at) => {
    const value = sliceAt(body, at);
    if (keyIs(body, keyStart, keyEnd, KEY.text)) hit.highlightedText = stringOrNone(body, value);
    else if (keyIs(body, keyStart, keyEnd, KEY.title)) hit.highlightedTitle = stringOrNone(body, value);
    return value.end;
  });
}

/** Copies the members between two left-out ones (separators and spaces trimmed); false when there are none. */
function writeRun(out: ByteWriter, body: Buffer, from: number, to: number, afterOthers: boolean): boolean {
  let start = from;
  let end = to;
  while (start < end && (body[start] === COMMA || isSpace(body[start]))) start++;
  while (end > start && (body[end - 1] === COMMA || isSpace(body[end - 1]))) end--;
  if (start >= end) return false;
  if (afterOthers) out.text(",");
  out.copy(body, start, end);
  return true;
}

/** A highlighted string, escaped; `""` when there is none. */
function writeHighlight(out: ByteWriter, body: Buffer, literal: Slice | undefined): void {
  if (literal) writeSafeHtmlJson(body, literal.start, literal.end, out);
  else out.text('""');
}

/** The slice when it holds a string. */
const stringOrNone = (body: Buffer, value: Slice): Slice | undefined =>
  body[value.start] === 0x22 ? value : undefined;

/** Hands the slice of the value at `at` to `store`; returns its end. */
function keep(body: Buffer, at: number, store: (value: Slice) => void): number {
  const value = sliceAt(body, at);
  store(value);
  return value.end;
}
