// A one-pass walker over JSON bytes: visits object members and array elements in order, lets the caller descend
// into the values it needs and skips the rest without building them, so an answer can be assembled from slices
// of another (see `answer-bytes.ts`). It trusts its input to be JSON and throws `JsonShapeError` where it cannot
// walk on; callers fall back to JSON.parse then.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** The input is not the JSON shape the walker was asked to walk. */
export class JsonShapeError extends Error {}

/** A value's byte range `[start, end)`. */
export interface Slice {
  start: number;
  end: number;
}

/** Visits one element whose value starts at `at`; returns the index just past that value. */
export type VisitElement = (index: number, at: number) => number;
/** Visits one member: its key's bytes (quotes included) are `[keyStart, keyEnd)`, its value starts at `at`.
 * Returns the index just past the value. */
export type VisitMember = (keyStart: number, keyEnd: number, at: number) => number;

/** JSON whitespace. */
export const isSpace = (c: number | undefined): boolean =>
  c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** The first index at or after `i` that is not whitespace. */
export function skipSpace(b: Buffer, i: number): number {
  while (isSpace(b[i])) i++;
  return i;
}

/** Index just past the string whose opening quote is at `i`. Short strings (keys) are walked here; past
 * `NATIVE_FROM` bytes the native `indexOf` jumps from quote to quote (its call costs more than a short walk). */
function endOfString(b: Buffer, i: number): number {
  const walkTo = Math.min(b.length, i + NATIVE_FROM);
  for (let j = i + 1; j < walkTo; j++) {
    const c = b[j];
    if (c === QUOTE) return j + 1;
    if (c === BACKSLASH) j++;
  }
  for (let from = walkTo; ;) {
    const quote = b.indexOf(QUOTE, from);
    if (quote === -1) throw new JsonShapeError("unterminated string");
    let backslashes = 0;
    while (quote - 1 - backslashes > i && b[quote - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}
const NATIVE_FROM = 24;

/** Index just past the value starting at `at` (after any whitespace), without looking inside strings. */
export function skipValue(b: Buffer, at: number): number {
  const start = skipSpace(b, at);
  const first = b[start];
  if (first === QUOTE) return endOfString(b, start);
  if (first === OPEN_OBJECT || first === OPEN_ARRAY) {
    let depth = 0;
    for (let j = start; j < b.length; j++) {
      const c = b[j];
      if (c === QUOTE) j = endOfString(b, j) - 1;
      else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
      else if ((c === CLOSE_OBJECT || c === CLOSE_ARRAY) && --depth === 0) return j + 1;
    }
    throw new JsonShapeError("unterminated object or array");
  }
  let j = start;
  while (j < b.length && b[j] !== COMMA && b[j] !== CLOSE_OBJECT && b[j] !== CLOSE_ARRAY && !isSpace(b[j]))
    j++;
  if (j === start) throw new JsonShapeError(`no value at byte ${start}`);
  return j;
}

/** The value at `at` as a slice (whitespace before it left out). */
export function sliceAt(b: Buffer, at: number): Slice {
  const start = skipSpace(b, at);
  return { start, end: skipValue(b, start) };
}

/** True when the value starting at `at` is an object. */
export const isObjectAt = (b: Buffer, at: number): boolean => b[skipSpace(b, at)] === OPEN_OBJECT;

/** Walks the object at `at`, calling `visit` for each member in order; returns the object's end. */
export function forEachMember(b: Buffer, at: number, visit: VisitMember): number {
  let i = expect(b, skipSpace(b, at), OPEN_OBJECT);
  i = skipSpace(b, i);
  if (b[i] === CLOSE_OBJECT) return i + 1;
  for (;;) {
    if (b[i] !== QUOTE) throw new JsonShapeError(`expected a key at byte ${i}`);
    const keyEnd = endOfString(b, i);
    const colon = expect(b, skipSpace(b, keyEnd), COLON);
    i = skipSpace(b, visit(i, keyEnd, colon));
    if (b[i] === CLOSE_OBJECT) return i + 1;
    i = skipSpace(b, expect(b, i, COMMA));
  }
}

/** Walks the array at `at`, calling `visit` with each index and where its element starts; returns its end. */
export function forEachElement(b: Buffer, at: number, visit: VisitElement): number {
  let i = expect(b, skipSpace(b, at), OPEN_ARRAY);
  i = skipSpace(b, i);
  if (b[i] === CLOSE_ARRAY) return i + 1;
  for (let n = 0; ; n++) {
    i = skipSpace(b, visit(n, i));
    if (b[i] === CLOSE_ARRAY) return i + 1;
    i = expect(b, i, COMMA);
  }
}

/** True when the bytes of `slice` are exactly `json` (e.g. `"quote"`, `null`). */
export function sliceIs(b: Buffer, slice: Slice, json: Buffer): boolean {
  return (
    slice.end - slice.start === json.length && b.compare(json, 0, json.length, slice.start, slice.end) === 0
  );
}

/** The index after `byte` at `i`, which must be there. */
function expect(b: Buffer, i: number, byte: number): number {
  if (b[i] !== byte) throw new JsonShapeError(`expected '${String.fromCharCode(byte)}' at byte ${i}`);
  return i + 1;
}

/** A JSON key as compared by `keyIs`: its bytes with the quotes. Keys are plain ASCII here. */
export const jsonKey = (name: string): Buffer => Buffer.from(JSON.stringify(name), "utf8");

/** True when the key at `[start, end)` is exactly `key` (from `jsonKey`); an escaped spelling never matches. */
export function keyIs(b: Buffer, start: number, end: number, key: Buffer): boolean {
  if (end - start !== key.length) return false;
  for (let i = 1; i < key.length - 1; i++) if (b[start + i] !== key[i]) return false;
  return true;
}
