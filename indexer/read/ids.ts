// Stable article ids (only A-Za-z0-9-_) and titles derived from text when a file gives none.
import { createHash } from "node:crypto";
import { basename, dirname, extname } from "node:path";

const MAX_ID = 100;

/** Folds accents, turns every run of other characters into "-", trims dashes; may return "". */
export function slugify(text: string, max = MAX_ID): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9_]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
}

/** First `n` hex characters of the SHA-1 of `text`. */
export function shortHash(text: string, n = 12): string {
  return createHash("sha1").update(text).digest("hex").slice(0, n);
}

/** Where an id can come from, most trusted first. */
export interface IdSources {
  id?: unknown;
  url?: string | undefined;
  path: string;
  /** 1-based line (ndjson) or item (JSON array) number, when one file holds several articles. */
  item?: number | undefined;
}

/**
 * The article id: the given `id` sanitised, else a slug of the url plus a hash of it (stable and
 * unique per url), else a slug of the file's folder and name (so `business/001.txt` and `sport/001.txt`
 * stay apart), with the item number when a file holds several.
 */
export function articleIdFor({ id, url, path, item }: IdSources): string {
  if (typeof id === "string" || typeof id === "number") {
    const given = slugify(String(id));
    if (given !== "") return given;
  }
  if (url) {
    const tail = url.replace(/[?#].*$/, "").replace(/\/+$/, "").split("/").pop() ?? "";
    const slug = slugify(tail.replace(/\.[a-z]{2,5}$/i, ""), 60);
    return slug === "" ? `u-${shortHash(url)}` : `${slug}-${shortHash(url, 10)}`;
  }
  const name = slugify(basename(path, extname(path)), 80) || `f-${shortHash(basename(path))}`;
  const folder = slugify(basename(dirname(path)), 40);
  const file = folder === "" ? name : `${folder}-${name}`;
  return item === undefined ? file : `${file}-${item}`;
}

/**
 * A short title from the first sentence of the body, for articles that give none: cut at the
 * sentence end, or at a word boundary near `max` characters with an ellipsis.
 */
export function deriveTitle(paragraphs: string[], max = 90): string {
  const first = paragraphs.find((p) => p.trim() !== "")?.trim() ?? "";
  const sentence = firstSentence(first);
  if (sentence.length <= max) return sentence.replace(/[.]$/, "");
  const cut = sentence.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, "")}…`;
}

/** Words whose trailing full stop does not end a sentence in news copy ("Mr. Smith", "Sen. Jones"). */
const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "st", "jr", "sr", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "prof", "no", "vs", "inc", "corp", "co", "u.s", "u.k", "e.g", "i.e"]);

function firstSentence(text: string): string {
  const end = /[.!?]["'”’)]?(?=\s+["'“‘(]?[A-Z0-9])/gu;
  for (let m = end.exec(text); m; m = end.exec(text)) {
    const word = /([A-Za-z.]+)[.!?]["'”’)]?$/.exec(text.slice(0, m.index + m[0].length))?.[1] ?? "";
    if (!ABBREVIATIONS.has(word.toLowerCase()) && !/^[A-Z]$/.test(word)) return text.slice(0, m.index + 1);
  }
  return text;
}

/** An ISO 8601 form of a date string, or undefined when it does not parse. ISO input is kept as written (a space before the time becomes "T"). */
export function isoDate(value: unknown): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const text = String(value).trim();
  if (text === "") return undefined;
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) {
    const iso = text.replace(" ", "T");
    return Number.isNaN(Date.parse(iso.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"))) ? undefined : iso;
  }
  const ms = typeof value === "number" ? (value < 1e12 ? value * 1000 : value) : Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
