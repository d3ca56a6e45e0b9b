// Topic scorer: on the labelled BBC articles, does each article's first topic match its label's IPTC top-level topic?
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseTxt } from "../indexer/read/txt.js";
import { topicsFor } from "../indexer/topics.js";

/** The BBC set's five labels and the IPTC Media Topics top-level names they correspond to. */
export const LABEL_TO_TOPIC: Record<string, string> = {
  business: "economy, business and finance",
  entertainment: "arts, culture, entertainment and media",
  politics: "politics",
  sport: "sport",
  tech: "science and technology",
};

/** Accuracy of the first topic per label and overall, with a confusion count of what was chosen instead. */
export function scoreTopics(dir: string): { correct: number; total: number; perLabel: Record<string, [number, number]>; confusion: Map<string, number> } {
  const perLabel: Record<string, [number, number]> = {};
  const confusion = new Map<string, number>();
  let correct = 0;
  let total = 0;
  for (const label of Object.keys(LABEL_TO_TOPIC)) {
    const counts: [number, number] = [0, 0];
    for (const file of readdirSync(join(dir, label)).filter((f) => f.endsWith(".txt")).sort()) {
      const path = join(dir, label, file);
      const article = parseTxt(readFileSync(path, "utf8"), path);
      const first = article ? (topicsFor(article)[0] ?? "(none)") : "(unreadable)";
      counts[1]++;
      if (first === LABEL_TO_TOPIC[label]) counts[0]++;
      else confusion.set(`${label} → ${first}`, (confusion.get(`${label} → ${first}`) ?? 0) + 1);
    }
    perLabel[label] = counts;
    correct += counts[0];
    total += counts[1];
  }
  return { correct, total, perLabel, confusion };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? "../shared/corpus/news/bbc-fulltext";
  const { correct, total, perLabel, confusion } = scoreTopics(dir);
  if (process.argv.includes("--verbose")) {
    for (const [k, n] of [...confusion].sort((a, b) => b[1] - a[1])) process.stderr.write(`  ${n}\t${k}\n`);
  }
  const parts = Object.entries(perLabel).map(([l, [c, t]]) => `${l}=${(c / t).toFixed(3)}`).join(" ");
  console.log(`topics accuracy=${(correct / total).toFixed(3)} (${correct}/${total}) ${parts}`);
}
