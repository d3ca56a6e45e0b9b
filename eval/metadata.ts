// Metadata scorer: title, author, publishedAt and source of each readability test page vs its expected-metadata.json.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parseHtml } from "../indexer/read/html.js";
import type { Article } from "../indexer/types.js";

/** The gold fields this scorer compares, by the name they have in expected-metadata.json. */
const FIELDS = ["title", "byline", "siteName", "publishedTime"] as const;
type Field = (typeof FIELDS)[number];

/** Case, accents, quote styles and whitespace folded; a leading "By"/"Par" dropped. */
export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(by|par|por|von)\s+/i, "")
    .toLowerCase();
}

function sameInstant(expected: string, got: string | undefined): boolean {
  if (!got) return false;
  const norm = (s: string): number => Date.parse(s.trim().replace(" ", "T").replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  const a = norm(expected);
  const b = norm(got);
  return !Number.isNaN(a) && a === b;
}

/**
 * Whether our value matches the gold one. Title and site: equal after folding. Publication time: the
 * same instant. Byline: equal after folding, or our author's name appears whole in a gold byline that
 * carries extra words (gold bylines often include dates or desk names: "By A. Writer, Health News").
 */
export function fieldMatches(field: Field, expected: string, article: Article | null): boolean {
  if (!article) return false;
  if (field === "title") return fold(article.title) === fold(expected);
  if (field === "siteName") return !!article.source && fold(article.source) === fold(expected);
  if (field === "publishedTime") return sameInstant(expected, article.publishedAt);
  const got = article.author ? fold(article.author) : "";
  const want = fold(expected);
  return got !== "" && (got === want || (got.split(" ").length >= 2 && want.includes(got)));
}

/** Per-field results over every page folder under `dir`. */
export function scoreMetadata(dir: string, verbose = false): { matched: number; present: number; byField: Record<Field, [number, number]> } {
  const byField = Object.fromEntries(FIELDS.map((f) => [f, [0, 0]])) as Record<Field, [number, number]>;
  for (const page of readdirSync(dir).sort()) {
    const expectedPath = join(dir, page, "expected-metadata.json");
    if (!existsSync(expectedPath)) continue;
    const expected = JSON.parse(readFileSync(expectedPath, "utf8")) as Partial<Record<Field, string | null>>;
    const article = parseHtml(readFileSync(join(dir, page, "source.html"), "utf8"), `${page}.html`);
    for (const field of FIELDS) {
      const want = expected[field];
      if (typeof want !== "string" || want.trim() === "") continue;
      const ok = fieldMatches(field, want, article);
      byField[field][1]++;
      if (ok) byField[field][0]++;
      if (verbose && !ok) {
        const got = { title: article?.title, byline: article?.author, siteName: article?.source, publishedTime: article?.publishedAt }[field];
        process.stderr.write(`${page} ${field}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}\n`);
      }
    }
  }
  const matched = FIELDS.reduce((s, f) => s + byField[f][0], 0);
  const present = FIELDS.reduce((s, f) => s + byField[f][1], 0);
  return { matched, present, byField };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? "../shared/corpus/readability-pages";
  const { matched, present, byField } = scoreMetadata(dir, process.argv.includes("--verbose"));
  const parts = FIELDS.map((f) => `${f}=${byField[f][0]}/${byField[f][1]}`).join(" ");
  console.log(`metadata accuracy=${(matched / present).toFixed(3)} (${matched}/${present}) ${parts}`);
}
