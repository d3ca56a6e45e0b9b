// Builds a folder of hostile article files (all text invented here) next to a few ordinary ones, for the
// reliability suite: each must be indexed or skipped with a reason, and the ordinary ones must never be lost.
import { promises as fs } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** Ordinary articles written among the hostile files; all of them must end up searchable. */
export const GOOD_ARTICLES = [
  { id: "calm-harbour", title: "Harbour reopens after the storm", word: "breakwater" },
  { id: "calm-library", title: "Library extends its opening hours", word: "bookmobile" },
  { id: "calm-orchard", title: "Orchard growers expect a late harvest", word: "pearmain" },
];

const goodArticle = (a: (typeof GOOD_ARTICLES)[number]): string =>
  JSON.stringify({
    id: a.id,
    title: a.title,
    source: "Test Wire",
    publishedAt: "2025-03-04T10:00:00Z",
    paragraphs: [
      `Crews worked through the night on the ${a.word} so that the town could return to normal by Monday.`,
      `"We did not expect the ${a.word} to hold up this well," Harbour Master Ilse Grunwald said.`,
      "Residents gathered along the front to watch the first ferries come back in.",
    ],
  });

/** A paragraph-shaped sentence of invented words, repeated until it reaches `bytes`. */
function longParagraph(bytes: number): string {
  const words = "the committee listened while the river kept rising past the old stone markers".split(" ");
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const w = words[i % words.length] ?? "word";
    out.push(w);
    size += w.length + 1;
  }
  return out.join(" ");
}

/** Writes the hostile folder; returns the names of the hostile files (the good ones are `good-*.json`). */
export async function writeHostileInputs(dir: string): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const files: Record<string, string | Buffer> = {};
  const page = "<html><head><title>Council votes on the ferry budget</title></head><body><article><p>The council met on Tuesday to vote on the ferry budget, which had been delayed twice.</p>";
  files["truncated.html"] = `${page}<p>Members argued about the timetable when the</p><di`;
  files["nested.html"] = `<html><body>${"<div>".repeat(10_000)}<p>A paragraph at the bottom of ten thousand nested blocks, still readable.</p>${"</div>".repeat(10_000)}</body></html>`;
  files["huge-paragraph.txt"] = `---\ntitle: One very long paragraph\n---\n${longParagraph(4 * 1024 * 1024)}\n`;
  files["binary.html"] = Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919 + 13) % 256));
  files["gzipped.html"] = gzipSync(`${page}</article></body></html>`);
  files["invalid-utf8.txt"] = Buffer.concat([Buffer.from("The mayor opened the bridge on Friday "), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]), Buffer.from(" and cut a ribbon.\n")]);
  files["million-objects.json"] = `[${Array.from({ length: 1_000_000 }, () => "{}").join(",")}]`;
  files["unclosed-quotes.txt"] = Array.from({ length: 200 }, (_, i) =>
    i % 3 === 0 ? `"This quote never closes, said somebody at line ${i}` : i % 3 === 1 ? `“Curly opening only on line ${i}, ` : `He said "twice" and "then" "again on line ${i}`,
  ).join("\n");
  files["names-\u200bzero\u200dwidth-\u202eright-to-left.json"] = JSON.stringify({
    id: "strange-names",
    title: "Names with invisible and right-to-left characters",
    paragraphs: [
      "Officials met with community leaders on Thursday.",
      "\"The plan is fair,\" said Min\u200bister Ya\u200dra Qa\u202esim.",
      "\"We will read it closely,\" said \u05d3\u05d5\u05d3 \u05dc\u05d5\u05d9.",
      "\"It is a start,\" Zo\u200be\u0308 Ha\u2067rtley\u2069 added.",
    ],
  });
  for (const [name, content] of Object.entries(files)) await fs.writeFile(path.join(dir, name), content);
  for (const a of GOOD_ARTICLES) await fs.writeFile(path.join(dir, `good-${a.id}.json`), goodArticle(a));
  return Object.keys(files);
}
